    [Fact]
    public async Task Add_Item_To_Redis_Database_Async()
    {
        var added = await Sut
            .GetDefaultDatabase()
            .AddAsync("my Key", "my value");

        var redisValue = await db.KeyExistsAsync("my Key");

        Assert.True(added);
        Assert.True(redisValue);
    }

    [Fact]
    public async Task Add_Value_Type_To_Redis_Database_Async()
    {
        var added = await Sut
            .GetDefaultDatabase()
            .AddAsync("my Key", true);

        var redisValue = await db.KeyExistsAsync("my Key");

        Assert.True(added);
        Assert.True(redisValue);
    }

    [Fact]
    public async Task Add_Complex_Item_To_Redis_Database_Async()
    {
        var testClass = new TestClass<DateTime>();

        var added = await Sut
            .GetDefaultDatabase()
            .AddAsync("my Key", testClass);

        var redisValue = await db.StringGetAsync("my Key");

        Assert.True(added);

        var obj = serializer.Deserialize<TestClass<DateTime>>(redisValue);

        Assert.True(await db.KeyExistsAsync("my Key"));
        Assert.NotNull(obj);
        Assert.Equal(testClass.Key, obj.Key);
