    /// <inheritdoc/>
    public Task<long> SetCombineAndStoreAsync(SetOperation operation, string destinationKey, string[] keys, CommandFlags flag = CommandFlags.None)
        => Database.SetCombineAndStoreAsync(operation, destinationKey, keys.ToFastArray(k => (RedisKey)k), flag);

    /// <inheritdoc/>
    public async Task<IEnumerable<string>> SearchKeysAsync(string pattern)
    {
        pattern = $"{keyPrefix}{pattern}";
        var keys = new HashSet<string>();

        foreach (var server in ServerIteratorFactory.GetServers(connectionPoolManager.GetConnection(), serverEnumerationStrategy))
        {
            await foreach (var key in server.KeysAsync(dbNumber, pattern, 1000).ConfigureAwait(false))
                keys.Add(key!);
        }

        return !string.IsNullOrEmpty(keyPrefix)
            ? keys.Select(k => k.ToString()[keyPrefix.Length..])
            : keys.Select(k => k.ToString());
    }

    /// <inheritdoc/>
