
            _transaction.PublishAsync(_storage.SubscriptionChannel, jobId);
        }

        public override void IncrementCounter([NotNull] string key)
        {
            _transaction.StringIncrementAsync(_storage.GetRedisKey(key));
        }

        public override void IncrementCounter([NotNull] string key, TimeSpan expireIn)
        {
            _transaction.StringIncrementAsync(_storage.GetRedisKey(key));
            _transaction.KeyExpireAsync(_storage.GetRedisKey(key), expireIn);
        }

        public override void DecrementCounter([NotNull] string key)
        {
            _transaction.StringDecrementAsync(_storage.GetRedisKey(key));
        }

        public override void DecrementCounter([NotNull] string key, TimeSpan expireIn)
        {
            _transaction.StringDecrementAsync(_storage.GetRedisKey(key));
            _transaction.KeyExpireAsync(_storage.GetRedisKey(key), expireIn);
        }

        public override void AddToSet([NotNull] string key, [NotNull] string value)
        {
            AddToSet(key, value, 0);
        }
