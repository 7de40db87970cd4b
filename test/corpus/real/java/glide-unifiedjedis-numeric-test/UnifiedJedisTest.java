    @Test
    void numeric_operations() {
        String testKey = UUID.randomUUID().toString();

        // Test INCR
        long incrResult = unifiedJedis.incr(testKey);
        assertEquals(1, incrResult, "INCR should return 1 for new key");

        incrResult = unifiedJedis.incr(testKey);
        assertEquals(2, incrResult, "INCR should increment value");

        // Test INCRBY
        long incrByResult = unifiedJedis.incrBy(testKey, 5);
        assertEquals(7, incrByResult, "INCRBY should add specified amount");

        // Test INCRBYFLOAT
        double incrByFloatResult = unifiedJedis.incrByFloat(testKey, 2.5);
        assertEquals(9.5, incrByFloatResult, 0.001, "INCRBYFLOAT should add float amount");

        // Test DECR
        unifiedJedis.set(testKey, "10");
        long decrResult = unifiedJedis.decr(testKey);
        assertEquals(9, decrResult, "DECR should decrement value");

        // Test DECRBY
        long decrByResult = unifiedJedis.decrBy(testKey, 3);
        assertEquals(6, decrByResult, "DECRBY should subtract specified amount");
    }
