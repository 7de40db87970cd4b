    /// <inheritdoc/>
    public Task<double> SortedSetAddIncrementAsync<T>(string key, T? value, double score, CommandFlags flag = CommandFlags.None)
    {
        var entryBytes = Serializer.Serialize(value);
        return Database.SortedSetIncrementAsync(key, entryBytes, score, flag);
    }

    /// <inheritdoc/>
    public Task<long> StringIncrementAsync(string key, long value = 1, CommandFlags flag = CommandFlags.None)
        => Database.StringIncrementAsync(key, value, flag);

    /// <inheritdoc/>
    public Task<long> StringDecrementAsync(string key, long value = 1, CommandFlags flag = CommandFlags.None)
        => Database.StringDecrementAsync(key, value, flag);

    /// <inheritdoc/>
    public Task<double> StringIncrementAsync(string key, double value, CommandFlags flag = CommandFlags.None)
        => Database.StringIncrementAsync(key, value, flag);

    /// <inheritdoc/>
    public Task<double> StringDecrementAsync(string key, double value, CommandFlags flag = CommandFlags.None)
        => Database.StringDecrementAsync(key, value, flag);

