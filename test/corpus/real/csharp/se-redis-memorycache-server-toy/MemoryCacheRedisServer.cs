        }

        protected override RedisValue Get(int database, in RedisKey key)
        {
            var val = Get(database, key, ExpectedType.Stack);
            return RedisValue.Unbox(val);
        }

        protected override bool Set(int database, in RedisKey key, in RedisValue value, TimeSpan? expiration = null, SetFlags flags = SetFlags.None)
        {
            var db = GetDb(database);
            switch (flags & (SetFlags.NX | SetFlags.XX))
            {
                case SetFlags.NX when Exists(database, key): return false;
                case SetFlags.XX when !Exists(database, key): return false;
                case SetFlags.NX | SetFlags.XX: throw new ArgumentOutOfRangeException(nameof(flags));
            }

            if (expiration is null)
            {
                db[key] = value.Box();
                return true;
            }
            var now = Time();
            var absolute = now + expiration.Value;
            if (absolute <= now) db.Remove(key);
            else db[key] = new ExpiringValue(value.Box(), absolute);
            return true;
        }

        protected override bool Del(int database, in RedisKey key)
            => GetDb(database).Remove(key) != null;
        protected override void Flushdb(int database)
            => FlushDbCore(database);

        protected override TypedRedisValue Flushall(RedisClient client, in RedisRequest request)
        {
            FlushAllCore();
            return TypedRedisValue.OK;
        }

        protected override bool Exists(int database, in RedisKey key)
            => Get(database, key, ExpectedType.Any) is not null;

        protected override IEnumerable<RedisKey> Keys(int database, in RedisKey pattern) => GetKeysCore(database, pattern);
        private IEnumerable<RedisKey> GetKeysCore(int database, RedisKey pattern)
        {
            foreach (var pair in GetDb(database))
            {
                if (pair.Value is ExpiringValue ev && ev.AbsoluteExpiration <= Time()) continue;
                if (IsMatch(pattern, pair.Key)) yield return pair.Key;
            }
        }
        protected override bool Sadd(int database, in RedisKey key, in RedisValue value)
            => GetSet(database, key, true).Add(value);

        protected override bool Sismember(int database, in RedisKey key, in RedisValue value)
            => GetSet(database, key, false)?.Contains(value) ?? false;

        protected override bool Srem(int database, in RedisKey key, in RedisValue value)
        {
