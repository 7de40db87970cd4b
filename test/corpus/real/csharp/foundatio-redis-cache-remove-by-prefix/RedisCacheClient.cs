        return (int)deleted;
    }

    public async Task<int> RemoveByPrefixAsync(string prefix)
    {
        if (String.IsNullOrEmpty(prefix))
            return await RemoveAllAsync().AnyContext();

        var endpoints = _connectionMultiplexer.GetEndPoints();
        if (endpoints.Length == 0)
            return 0;

        const int batchSize = 250;
        bool isCluster = _isCluster;

        long deleted = 0;
        foreach (var endpoint in endpoints)
        {
            var server = _connectionMultiplexer.GetServer(endpoint);
            if (server.IsReplica)
                continue;

            await foreach (var keys in server.KeysAsync(
                               database: Database.Database,
                               pattern: $"{RedisPattern.Escape(prefix)}*",
                               pageSize: batchSize
                           ).BatchAsync(batchSize).ConfigureAwait(false))
            {
                if (isCluster)
                {
                    // NOTE: Consider parallel processing per hash slot for performance optimization
                    foreach (var slotGroup in keys.GroupBy(k => _connectionMultiplexer.HashSlot(k)))
                    {
                        long count = await Database.KeyDeleteAsync(slotGroup.ToArray()).AnyContext();
                        Interlocked.Add(ref deleted, count);
                    }
                }
                else
                {
                    deleted += await Database.KeyDeleteAsync(keys).AnyContext();
                }
            }
        }
