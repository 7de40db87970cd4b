    @Test
    void keys_command() {
        String keyPrefix = "keys_test_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        String key1 = keyPrefix + "1";
        String key2 = keyPrefix + "2";
        String key3 = keyPrefix + "3";

        // Set up test keys
        jedis.set(key1, "value1");
        jedis.set(key2, "value2");
        jedis.set(key3, "value3");

        // Test KEYS with pattern that matches the keys we just created
        Set<String> result = jedis.keys(keyPrefix + "*");
        assertNotNull(result, "KEYS should return a set");
        assertEquals(3, result.size(), "KEYS should return 3 matching keys");
        assertTrue(result.contains(key1), "Result should contain key1");
        assertTrue(result.contains(key2), "Result should contain key2");
        assertTrue(result.contains(key3), "Result should contain key3");
    }
