import { literal, type Snippet, type SnippetContext } from './snippet';

function env({ keys, defaultMaster }: SnippetContext): string {
  return `# From the app ConfigMap, exposed to the pod as environment variables (envFrom: configMapRef).
sentinel_host = os.environ[${literal(keys.sentinelHost)}]
sentinel_port = int(os.environ.get(${literal(keys.sentinelPort)}, "26379"))
master_name = os.environ.get(${literal(keys.sentinelMaster)}) or ${literal(defaultMaster)}`;
}

/** redis-py and valkey-py share their API; only the module differs. */
export function pySnippet(context: SnippetContext, module: 'redis' | 'valkey'): Snippet {
  return {
    id: module === 'redis' ? 'redis-py' : 'valkey-py',
    title: module === 'redis' ? 'Python: redis-py' : 'Python: valkey-py',
    language: 'python',
    install: `pip install ${module}`,
    code: `import os

from ${module}.sentinel import Sentinel

${env(context)}

# Sentinel names the current primary; master_for follows failovers.
sentinel = Sentinel([(sentinel_host, sentinel_port)], socket_timeout=5)
client = sentinel.master_for(master_name, socket_timeout=5, decode_responses=True)

# Give every key an expiry: the cluster is a cache, not a database.
client.set("greeting", "hello", ex=60)
print(client.get("greeting"))
`,
  };
}

export function djangoSnippet(context: SnippetContext): Snippet {
  return {
    id: 'django',
    title: 'Django: django-redis cache (settings.py)',
    language: 'python',
    install: 'pip install django-redis',
    code: `import os

${env(context)}

CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        # With the Sentinel connection factory the host part is the master name.
        "LOCATION": f"redis://{master_name}/0",
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.SentinelClient",
            "CONNECTION_POOL_CLASS": "redis.sentinel.SentinelConnectionPool",
            "SENTINELS": [(sentinel_host, sentinel_port)],
        },
        # Every cache entry expires: the cluster is a cache, not a database.
        "TIMEOUT": 300,
    }
}
DJANGO_REDIS_CONNECTION_FACTORY = "django_redis.pool.SentinelConnectionFactory"
`,
  };
}
