
    /// <inheritdoc/>
    public Task<bool> AddAsync<T>(string key, T value, When when = When.Always, CommandFlags flag = CommandFlags.None, HashSet<string>? tags = null)
    {
        var entryBytes = value.OfValueSize(Serializer, maxValueLength, key);

        return tags?.Count > 0
            ? ExecuteAddWithTagsAsync(key, tags, db => db.StringSetAsync(key, entryBytes, null, when, flag), when, flag)
            : Database.StringSetAsync(key, entryBytes, null, when, flag);
    }

    /// <inheritdoc/>
    public Task<bool> ReplaceAsync<T>(string key, T value, When when = When.Always, CommandFlags flag = CommandFlags.None)
    {
        return AddAsync(key, value, when, flag);
    }

    /// <inheritdoc/>
    public Task<bool> AddAsync<T>(string key, T value, DateTimeOffset expiresAt, When when = When.Always, CommandFlags flag = CommandFlags.None, HashSet<string>? tags = null)
    {
        var entryBytes = value.OfValueSize(Serializer, maxValueLength, key);

        var expiration = expiresAt.UtcDateTime.Subtract(DateTime.UtcNow);

        return tags?.Count > 0
            ? ExecuteAddWithTagsAsync(key, tags, db => db.StringSetAsync(key, entryBytes, expiration, when, flag), when, flag)
            : Database.StringSetAsync(key, entryBytes, expiration, when, flag);
    }

    /// <inheritdoc/>
    public Task<bool> ReplaceAsync<T>(string key, T value, DateTimeOffset expiresAt, When when = When.Always, CommandFlags flag = CommandFlags.None)
    {
        return AddAsync(key, value, expiresAt, when, flag);
    }

    /// <inheritdoc/>
    public Task<bool> AddAsync<T>(string key, T value, TimeSpan expiresIn, When when = When.Always, CommandFlags flag = CommandFlags.None, HashSet<string>? tags = null)
    {
        var entryBytes = value.OfValueSize(Serializer, maxValueLength, key);

        return tags?.Count > 0
            ? ExecuteAddWithTagsAsync(key, tags, db => db.StringSetAsync(key, entryBytes, expiresIn, when, flag), when, flag)
            : Database.StringSetAsync(key, entryBytes, expiresIn, when, flag);
    }

    /// <inheritdoc/>
    public Task<bool> ReplaceAsync<T>(string key, T value, TimeSpan expiresIn, When when = When.Always, CommandFlags flag = CommandFlags.None)
    {
        return AddAsync(key, value, expiresIn, when, flag);
    }

    /// <inheritdoc/>
    public async Task<IDictionary<string, T?>> GetAllAsync<T>(HashSet<string> keys, CommandFlags flag = CommandFlags.None)
    {
        if (keys.Count == 0)
            return new Dictionary<string, T?>(0, StringComparer.Ordinal);

        var redisKeys = keys.ToFastArray(key => (RedisKey)key);

        var result = await Database.StringGetAsync(redisKeys, flag).ConfigureAwait(false);

        var dict = new Dictionary<string, T?>(redisKeys.Length, StringComparer.Ordinal);

        for (var index = 0; index < redisKeys.Length; index++)
        {
            var value = result[index];
            dict.Add(redisKeys[index]!, value == RedisValue.Null
                ? default
                : Serializer.Deserialize<T>(value));
        }

        return dict;
    }

    /// <inheritdoc/>
    public async Task<IDictionary<string, T?>> GetAllAsync<T>(HashSet<string> keys, DateTimeOffset expiresAt, CommandFlags flag = CommandFlags.None)
    {
        var tsk1 = GetAllAsync<T>(keys, flag);
        var tsk2 = UpdateExpiryAllAsync(keys, expiresAt);

        await Task.WhenAll(tsk1, tsk2).ConfigureAwait(false);

        return tsk1.Result;
    }

    /// <inheritdoc/>
    public async Task<IDictionary<string, T?>> GetAllAsync<T>(HashSet<string> keys, TimeSpan expiresIn, CommandFlags flag = CommandFlags.None)
    {
        var tsk1 = GetAllAsync<T>(keys, flag);
        var tsk2 = UpdateExpiryAllAsync(keys, expiresIn);

        await Task.WhenAll(tsk1, tsk2).ConfigureAwait(false);

        return tsk1.Result;
    }

    /// <inheritdoc/>
    public Task<bool> AddAllAsync<T>(Tuple<string, T>[] items, When when = When.Always, CommandFlags flag = CommandFlags.None)
    {
        var values = items
            .OfValueInListSize(Serializer, maxValueLength)
            .Select(x => new KeyValuePair<RedisKey, RedisValue>(x.Key, x.Value))
            .ToArray();

        return Database.StringSetAsync(values, when, flag);
    }

