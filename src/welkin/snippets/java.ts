import { literal, type Snippet, type SnippetContext } from './snippet';

function env({ keys, defaultMaster }: SnippetContext): string {
  return `        // From the app ConfigMap, exposed to the pod as environment variables (envFrom: configMapRef).
        String host = System.getenv(${literal(keys.sentinelHost)});
        int port = Integer.parseInt(System.getenv().getOrDefault(${literal(keys.sentinelPort)}, "26379"));
        String master = System.getenv().getOrDefault(${literal(keys.sentinelMaster)}, "");
        if (master.isEmpty()) master = ${literal(defaultMaster)};`;
}

export function jedisSnippet(context: SnippetContext): Snippet {
  return {
    id: 'jedis',
    title: 'Java: Jedis',
    language: 'java',
    install: 'Maven: redis.clients:jedis',
    code: `import java.util.Set;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisSentinelPool;

public class ValkeyExample {
    public static void main(String[] args) {
${env(context)}

        // The pool asks Sentinel for the current primary and follows failovers.
        try (JedisSentinelPool pool = new JedisSentinelPool(master, Set.of(host + ":" + port));
             Jedis jedis = pool.getResource()) {
            // Give every key an expiry: the cluster is a cache, not a database.
            jedis.setex("greeting", 60, "hello");
            System.out.println(jedis.get("greeting"));
        }
    }
}
`,
  };
}

export function lettuceSnippet(context: SnippetContext): Snippet {
  return {
    id: 'lettuce',
    title: 'Java: Lettuce',
    language: 'java',
    install: 'Maven: io.lettuce:lettuce-core',
    code: `import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;

public class ValkeyExample {
    public static void main(String[] args) {
${env(context)}

        // A Sentinel URI: Lettuce asks Sentinel for the current primary and follows failovers.
        RedisURI uri = RedisURI.Builder.sentinel(host, port, master).build();
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            // Give every key an expiry: the cluster is a cache, not a database.
            connection.sync().set("greeting", "hello", SetArgs.Builder.ex(60));
            System.out.println(connection.sync().get("greeting"));
        } finally {
            client.shutdown();
        }
    }
}
`,
  };
}

export function springSnippet({ keys, defaultMaster }: SnippetContext): Snippet {
  return {
    id: 'spring',
    title: 'Spring Boot: application.yaml',
    language: 'yaml',
    install: 'Maven: org.springframework.boot:spring-boot-starter-data-redis',
    code: `# Spring Data Redis connects through Sentinel and follows failovers.
spring:
  data:
    redis:
      sentinel:
        master: \${${keys.sentinelMaster}:${defaultMaster}}
        nodes: \${${keys.sentinelHost}}:\${${keys.sentinelPort}:26379}
  cache:
    redis:
      # Every cache entry expires: the cluster is a cache, not a database.
      time-to-live: 5m
`,
  };
}
