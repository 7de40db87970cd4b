                return 0;

            foreach (var endpoint in endpoints)
            {
                var server = _connectionMultiplexer.GetServer(endpoint);
                if (server.IsReplica)
                    continue;

                try
                {
                    long dbSize = await server.DatabaseSizeAsync(_options.Database).AnyContext();
                    await server.FlushDatabaseAsync(_options.Database).AnyContext();
                    Interlocked.Add(ref deleted, dbSize);
                    continue;
                }
                catch (Exception ex)
                {
                    _logger.LogError(ex, "Unable to flush database on {Endpoint}: {Message}", server.EndPoint, ex.Message);
                }

                try
                {
                    // NOTE: We need to use a HashSet to avoid duplicate counts due to SCAN is non-deterministic.
                    // A Performance win could be had if we are sure dbSize didn't fail and we know nothing was changing
                    // keys while we were deleting.
                    var seen = new HashSet<RedisKey>();
                    await foreach (var key in server.KeysAsync(_options.Database).ConfigureAwait(false))
                        seen.Add(key);

                    foreach (var batch in seen.Chunk(batchSize))
                        deleted += await Database.KeyDeleteAsync(batch.ToArray()).AnyContext();
                }
                catch (Exception ex)
                {
                    _logger.LogError(ex, "Error deleting all keys on {Endpoint}: {Message}", server.EndPoint, ex.Message);
                }
            }
        }
        else if (_isCluster)
        {
            var redisKeys = keys is ICollection<string> collection ? new List<RedisKey>(collection.Count) : [];
