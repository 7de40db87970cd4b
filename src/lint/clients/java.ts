import type { CommandInfo } from '../analysis/commands';
import { commands } from '../analysis/commands';
import type { Lib, Role } from '../analysis/model';

export type JavaKind = {
  lib: Lib;
  role: Role | 'pool' | 'lettuce-client' | 'connection-factory' | 'address-config' | 'redisson' | 'bucket' | 'atomic' | 'rkeys' | 'batch' | 'redisson-class';
};

/** Types of Jedis, Lettuce and Spring Data Redis by package and simple name. */
const TYPES: Record<string, Record<string, JavaKind>> = {
  'redis.clients.jedis': {
    Jedis: { lib: 'jedis', role: 'client' },
    JedisPooled: { lib: 'jedis', role: 'client' },
    UnifiedJedis: { lib: 'jedis', role: 'client' },
    JedisCluster: { lib: 'jedis', role: 'client' },
    JedisSentineled: { lib: 'jedis', role: 'client' },
    BinaryJedis: { lib: 'jedis', role: 'client' },
    ShardedJedis: { lib: 'jedis', role: 'client' },
    Pipeline: { lib: 'jedis', role: 'pipeline' },
    Transaction: { lib: 'jedis', role: 'pipeline' },
    AbstractPipeline: { lib: 'jedis', role: 'pipeline' },
    AbstractTransaction: { lib: 'jedis', role: 'pipeline' },
    ClusterPipeline: { lib: 'jedis', role: 'pipeline' },
    JedisPool: { lib: 'jedis', role: 'pool' },
    JedisSentinelPool: { lib: 'jedis', role: 'pool' },
    HostAndPort: { lib: 'jedis', role: 'address-config' },
    // Jedis 6/7 names the pooled client RedisClient (and its cluster and Sentinel siblings).
    RedisClient: { lib: 'jedis', role: 'client' },
    RedisClusterClient: { lib: 'jedis', role: 'client' },
    RedisSentinelClient: { lib: 'jedis', role: 'client' },
  },
  'org.redisson': { Redisson: { lib: 'redisson', role: 'redisson-class' } },
  'org.redisson.api': {
    RedissonClient: { lib: 'redisson', role: 'redisson' },
    RBucket: { lib: 'redisson', role: 'bucket' },
    RBucketAsync: { lib: 'redisson', role: 'bucket' },
    RAtomicLong: { lib: 'redisson', role: 'atomic' },
    RAtomicLongAsync: { lib: 'redisson', role: 'atomic' },
    RAtomicDouble: { lib: 'redisson', role: 'atomic' },
    RKeys: { lib: 'redisson', role: 'rkeys' },
    RBatch: { lib: 'redisson', role: 'batch' },
  },
  // JFinal's Redis plugin: `Redis.use()` gives a Cache whose methods are named after the commands.
  'com.jfinal.plugin.redis': { Cache: { lib: 'jedis', role: 'client' } },
  // Quarkus' Redis data source: `redisDS.value(...)`, `.string(...)`, `.key()` give command groups.
  'io.quarkus.redis.datasource.string': { StringCommands: { lib: 'jedis', role: 'client' }, ReactiveStringCommands: { lib: 'jedis', role: 'client' } },
  'io.quarkus.redis.datasource.value': { ValueCommands: { lib: 'jedis', role: 'client' }, ReactiveValueCommands: { lib: 'jedis', role: 'client' } },
  'io.quarkus.redis.datasource.keys': { KeyCommands: { lib: 'jedis', role: 'client' }, ReactiveKeyCommands: { lib: 'jedis', role: 'client' } },
  'glide.api': {
    GlideClient: { lib: 'glide-java', role: 'client' },
    GlideClusterClient: { lib: 'glide-java', role: 'client' },
  },
  'io.lettuce.core': {
    RedisClient: { lib: 'lettuce', role: 'lettuce-client' },
    RedisURI: { lib: 'lettuce', role: 'address-config' },
  },
  'io.lettuce.core.cluster': { RedisClusterClient: { lib: 'lettuce', role: 'lettuce-client' } },
  'io.lettuce.core.api': { StatefulRedisConnection: { lib: 'lettuce', role: 'connection' } },
  'io.lettuce.core.cluster.api': { StatefulRedisClusterConnection: { lib: 'lettuce', role: 'connection' } },
  'io.lettuce.core.api.sync': lettuceCommands(['RedisCommands', 'RedisStringCommands', 'RedisKeyCommands', 'RedisServerCommands', 'RedisHashCommands', 'RedisListCommands', 'RedisSetCommands', 'RedisSortedSetCommands', 'RedisScriptingCommands']),
  'io.lettuce.core.api.async': lettuceCommands(['RedisAsyncCommands', 'RedisStringAsyncCommands', 'RedisKeyAsyncCommands', 'RedisServerAsyncCommands']),
  'io.lettuce.core.api.reactive': lettuceCommands(['RedisReactiveCommands', 'RedisStringReactiveCommands', 'RedisKeyReactiveCommands']),
  'io.lettuce.core.cluster.api.sync': lettuceCommands(['RedisAdvancedClusterCommands', 'RedisClusterCommands']),
  'io.lettuce.core.cluster.api.async': lettuceCommands(['RedisAdvancedClusterAsyncCommands', 'RedisClusterAsyncCommands']),
  'org.springframework.data.redis.core': {
    RedisTemplate: { lib: 'spring', role: 'template' },
    StringRedisTemplate: { lib: 'spring', role: 'template' },
    ReactiveRedisTemplate: { lib: 'spring', role: 'template' },
    ReactiveStringRedisTemplate: { lib: 'spring', role: 'template' },
    RedisOperations: { lib: 'spring', role: 'template' },
    ValueOperations: { lib: 'spring', role: 'value-ops' },
    HashOperations: { lib: 'spring', role: 'hash-ops' },
    ListOperations: { lib: 'spring', role: 'list-ops' },
    SetOperations: { lib: 'spring', role: 'set-ops' },
    ZSetOperations: { lib: 'spring', role: 'zset-ops' },
  },
  'org.springframework.data.redis.connection': {
    RedisConnection: { lib: 'spring', role: 'connection' },
    StringRedisConnection: { lib: 'spring', role: 'connection' },
    RedisConnectionFactory: { lib: 'spring', role: 'connection-factory' },
    RedisStandaloneConfiguration: { lib: 'spring', role: 'address-config' },
  },
  'org.springframework.data.redis.connection.lettuce': { LettuceConnectionFactory: { lib: 'spring', role: 'connection-factory' } },
  'org.springframework.data.redis.connection.jedis': { JedisConnectionFactory: { lib: 'spring', role: 'connection-factory' } },
};

function lettuceCommands(names: string[]): Record<string, JavaKind> {
  return Object.fromEntries(names.map((n): [string, JavaKind] => [n, { lib: 'lettuce', role: 'client' }]));
}

export function knownType(pkg: string, name: string): JavaKind | undefined {
  return TYPES[pkg]?.[name];
}

/** Names too common to stand for a client library's type without an import that says so. */
const AMBIGUOUS = new Set(['Cache', 'StringCommands', 'ValueCommands', 'KeyCommands', 'Pipeline', 'Transaction', 'HostAndPort', 'RedisURI', 'RedisStandaloneConfiguration', 'RedisClient', 'RedisClusterClient', 'RBatch', 'RKeys']);

/** Simple names that are a client library's type wherever they appear (an excerpt without its imports). */
const BY_SIMPLE_NAME: Record<string, JavaKind> = (() => {
  const out: Record<string, JavaKind> = {};
  for (const names of Object.values(TYPES)) for (const [name, kind] of Object.entries(names)) if (!AMBIGUOUS.has(name) && !out[name]) out[name] = kind;
  // Lettuce's `RedisClient.create(...)` or Jedis 6's `new RedisClient(...)`: `connect()` tells one, commands the other.
  out.RedisClient = { lib: 'unknown', role: 'lettuce-client' };
  out.RKeys = { lib: 'redisson', role: 'rkeys' };
  out.RBatch = { lib: 'redisson', role: 'batch' };
  return out;
})();

/** A type known by its simple name alone, when no import names it. */
export function typeBySimpleName(name: string): JavaKind | undefined {
  return Object.hasOwn(BY_SIMPLE_NAME, name) ? BY_SIMPLE_NAME[name] : undefined;
}

/** Redisson objects: what `getBucket(name)`, `getAtomicLong(name)`, `getKeys()`, `createBatch()` return. */
export function redissonResult(kind: JavaKind, method: string): JavaKind | undefined {
  if (kind.lib !== 'redisson' || (kind.role !== 'redisson' && kind.role !== 'batch')) return undefined;
  const m = method.replace(/Async$/, '');
  if (m === 'getBucket' || m === 'getJsonBucket') return { lib: 'redisson', role: 'bucket' };
  if (m === 'getAtomicLong' || m === 'getAtomicDouble' || m === 'getLongAdder') return { lib: 'redisson', role: 'atomic' };
  if (m === 'getKeys') return { lib: 'redisson', role: 'rkeys' };
  if (m === 'createBatch' && kind.role === 'redisson') return { lib: 'redisson', role: 'batch' };
  return undefined;
}

/** The command a method of a Redisson bucket, atomic number or `RKeys` sends (`Async` variants too). */
export function redissonCommand(role: JavaKind['role'], method: string): CommandInfo | undefined {
  const m = method.replace(/Async$/, '');
  switch (role) {
    case 'bucket':
      return ({ set: c.SET, trySet: c.SETNX, setIfAbsent: c.SETNX, getAndSet: c.GETSET, expire: c.EXPIRE, expireAt: c.EXPIRE, expireIfNotSet: c.EXPIRE } as Record<string, CommandInfo | undefined>)[m];
    case 'atomic':
      return (
        { set: c.SET, getAndSet: c.GETSET, incrementAndGet: c.INCR, getAndIncrement: c.INCR, decrementAndGet: c.DECR, getAndDecrement: c.DECR, addAndGet: c.INCRBY, getAndAdd: c.INCRBY, increment: c.INCR, add: c.INCRBY, expire: c.EXPIRE, expireAt: c.EXPIRE } as Record<
          string,
          CommandInfo | undefined
        >
      )[m];
    case 'rkeys':
      if (m === 'getKeysByPattern' || m === 'findKeysByPattern' || m === 'getKeysStreamByPattern') return c.KEYS;
      if (m === 'flushdb') return c.FLUSHDB;
      if (m === 'flushall') return c.FLUSHALL;
      return undefined;
    default:
      return undefined;
  }
}

/** Methods that return another client-library object. */
export function methodResult(kind: JavaKind, method: string): JavaKind | undefined {
  const { lib, role } = kind;
  switch (role) {
    case 'pool':
      return method === 'getResource' ? { lib, role: 'client' } : undefined;
    case 'client':
      if (lib === 'jedis' && (method === 'pipelined' || method === 'multi')) return { lib, role: 'pipeline' };
      return undefined;
    case 'lettuce-client':
      return method === 'connect' ? { lib, role: 'connection' } : undefined;
    case 'connection':
      if (lib === 'lettuce' && ['sync', 'async', 'reactive'].includes(method)) return { lib, role: 'client' };
      if (lib === 'spring' && ['serverCommands', 'keyCommands', 'stringCommands'].includes(method)) return { lib, role: 'connection' };
      return undefined;
    case 'connection-factory':
      return method === 'getConnection' ? { lib, role: 'connection' } : undefined;
    case 'template': {
      const ops: Record<string, Role> = { opsForValue: 'value-ops', opsForHash: 'hash-ops', opsForList: 'list-ops', opsForSet: 'set-ops', opsForZSet: 'zset-ops' };
      if (ops[method]) return { lib, role: ops[method] };
      if (method === 'getConnectionFactory' || method === 'getRequiredConnectionFactory') return { lib, role: 'connection-factory' };
      return undefined;
    }
    default:
      return undefined;
  }
}

const c = commands;

/** Spring Data Redis operations: the command each method sends. */
export function springCommand(role: Role | JavaKind['role'], method: string): CommandInfo | undefined {
  switch (role) {
    case 'template':
      if (method === 'keys') return c.KEYS;
      if (method === 'expire' || method === 'expireAt') return c.EXPIRE;
      return undefined;
    case 'connection':
      if (method === 'keys') return c.KEYS;
      if (method === 'flushAll') return c.FLUSHALL;
      if (method === 'flushDb') return c.FLUSHDB;
      if (method === 'expire' || method === 'pExpire') return c.EXPIRE;
      // RedisConnection / StringRedisConnection: set(key, value[, Expiration, SetOption]), setNX, incr, incrBy, setEx...
      return ({ set: c.SET, setNX: c.SETNX, setEx: c.SETEX, pSetEx: c.PSETEX, mSet: c.MSET, getSet: c.GETSET, incr: c.INCR, incrBy: c.INCRBY, decr: c.DECR, decrBy: c.DECRBY } as Record<string, CommandInfo | undefined>)[method];
    case 'value-ops':
      return ({ set: c.SET, setIfAbsent: c.SETNX, multiSet: c.MSET, multiSetIfAbsent: c.MSETNX, getAndSet: c.GETSET, increment: c.INCR, decrement: c.DECR } as Record<string, CommandInfo | undefined>)[method];
    case 'hash-ops':
      return ['put', 'putAll', 'putIfAbsent', 'increment'].includes(method) ? c.HSET : undefined;
    case 'list-ops':
      if (method === 'leftPush' || method === 'leftPushAll') return c.LPUSH;
      return method === 'rightPush' || method === 'rightPushAll' ? c.RPUSH : undefined;
    case 'set-ops':
      return method === 'add' ? c.SADD : undefined;
    case 'zset-ops':
      return method === 'add' || method === 'incrementScore' ? c.ZADD : undefined;
    default:
      return undefined;
  }
}

/** Builder steps of Jedis `SetParams` / Lettuce `SetArgs` that give SET an expiry. */
export const setParamsTtlSteps = new Set(['ex', 'px', 'exAt', 'pxAt', 'keepttl', 'keepTtl']);
