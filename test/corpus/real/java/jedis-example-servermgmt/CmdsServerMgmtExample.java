// EXAMPLE: cmds_servermgmt
// REMOVE_START
package io.redis.examples;

import org.junit.jupiter.api.Test;
// REMOVE_END
import java.util.Set;

import redis.clients.jedis.Jedis;
// HIDE_START
import redis.clients.jedis.RedisClient;

import static org.junit.jupiter.api.Assertions.assertEquals;

public class CmdsServerMgmtExample {
    @Test
    public void run() {
        RedisClient jedis = RedisClient.create("redis://localhost:6379");
// HIDE_END

        // STEP_START flushall
        // REMOVE_START
        jedis.set("testkey1", "1");
        jedis.set("testkey2", "2");
        jedis.set("testkey3", "3");
        // REMOVE_END
        String flushAllResult1 = jedis.flushAll();
        System.out.println(flushAllResult1); // >>> OK

        Set<String> flushAllResult2 = jedis.keys("*");
        System.out.println(flushAllResult2); // >>> []
        // STEP_END
        // REMOVE_START
        assertEquals("OK", flushAllResult1);
        assertEquals("[]", flushAllResult2.toString());
        // REMOVE_END

