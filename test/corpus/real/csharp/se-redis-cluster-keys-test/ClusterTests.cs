    [Theory]
    [InlineData(null, 10)]
    [InlineData(null, 100)]
    [InlineData("abc", 10)]
    [InlineData("abc", 100)]
    public async Task Keys(string? pattern, int pageSize)
    {
        NoConcurrentRuntime();

        await using var conn = Create(allowAdmin: true);

        var dbId = TestConfig.GetDedicatedDB(conn);
        var server = conn.GetEndPoints().Select(x => conn.GetServer(x)).First(x => !x.IsReplica);
        await server.FlushDatabaseAsync(dbId);
        try
        {
            Assert.False(server.Keys(dbId, pattern: pattern, pageSize: pageSize).Any());
            Log($"Complete: '{pattern}' / {pageSize}");
        }
        catch
        {
            Log($"Failed: '{pattern}' / {pageSize}");
            throw;
        }
    }

