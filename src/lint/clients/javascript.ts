import type { Lib, Role, Value } from '../analysis/model';
import { OTHER } from '../analysis/model';

/** JavaScript/TypeScript client libraries by the module specifier they are imported from. */
export function moduleLib(specifier: string): Lib | undefined {
  switch (specifier) {
    case 'ioredis':
    case 'iovalkey':
      return 'ioredis';
    case 'redis':
    case '@redis/client':
    case '@node-redis/client':
      return 'node-redis';
    case '@valkey/valkey-glide':
      return 'glide';
    default:
      return undefined;
  }
}

const lib = (l: Lib, what: string): Value => ({ t: 'lib', lib: l, what });

/** The value of `import <imported> from '<module>'` ('default' and '*' for default and namespace imports). */
export function importedValue(l: Lib, imported: string): Value {
  switch (l) {
    case 'ioredis':
      if (imported === 'default' || imported === '*' || imported === 'Redis' || imported === 'Cluster') return lib(l, 'ctor');
      if (imported === 'Pipeline' || imported === 'ChainableCommander') return lib(l, 'pipeline-type');
      return OTHER;
    case 'node-redis':
      if (imported === 'createClient' || imported === 'createCluster') return lib(l, 'factory');
      if (imported === 'createSentinel') return lib(l, 'sentinel-factory');
      if (imported === '*' || imported === 'default') return lib(l, 'module');
      if (imported === 'RedisClientType' || imported === 'RedisClusterType' || imported === 'RedisSentinelType') return lib(l, 'client-type');
      if (imported === 'defineScript') return lib(l, 'define-script');
      return OTHER;
    case 'glide':
      if (imported === 'GlideClient' || imported === 'GlideClusterClient') return lib(l, 'glide-class');
      if (imported === 'Script') return lib(l, 'script-class');
      if (imported === '*') return lib(l, 'module');
      return OTHER;
    default:
      return OTHER;
  }
}

/** `<module or class>.<prop>`: ioredis `Redis.Cluster`, node-redis `redis.createClient`, glide `GlideClient.createClient`. */
export function memberValue(v: Extract<Value, { t: 'lib' }>, prop: string): Value {
  if (v.lib === 'ioredis' && (v.what === 'ctor' || v.what === 'module')) {
    if (prop === 'Cluster' || prop === 'Redis' || prop === 'default') return lib(v.lib, 'ctor');
    return OTHER;
  }
  if (v.lib === 'node-redis' && v.what === 'module') return importedValue('node-redis', prop);
  if (v.lib === 'glide' && v.what === 'module') return importedValue('glide', prop);
  if (v.lib === 'glide' && v.what === 'glide-class' && prop === 'createClient') return lib(v.lib, 'factory');
  return OTHER;
}

/** Client methods that return a client (or a pipeline of one). */
export function clientMethodResult(l: Lib, method: string): Role | undefined {
  switch (method) {
    case 'duplicate':
    case 'withTypeMapping':
    case 'withCommandOptions':
    case 'isolated':
      return 'client';
    case 'connect':
      return l === 'node-redis' || l === 'unknown' ? 'client' : undefined;
    case 'pipeline':
    case 'multi':
      return 'pipeline';
    default:
      return undefined;
  }
}

/** A library value that yields a client when constructed (`new`) or called. */
export function constructs(v: Value, how: 'new' | 'call'): Lib | undefined {
  if (v.t !== 'lib') return undefined;
  if (how === 'new' && v.what === 'ctor') return v.lib;
  if (how === 'call' && (v.what === 'factory' || v.what === 'sentinel-factory')) return v.lib;
  return undefined;
}

/** Generic command methods: `call('KEYS', ...)`, `sendCommand(['KEYS', ...])`, `customCommand([...])`. */
export const genericMethods = new Set(['call', 'callbuffer', 'sendcommand', 'customcommand']);

/**
 * Option keys of SET that give an expiry (or keep the current one), lower-cased: node-redis
 * `{ EX: 60 }`, glide `{ expiry: ... }`, node-redis 5 `{ expiration: ... }`, Upstash `{ ex: 60 }`,
 * `{ keepTtl: true }`.
 */
export const ttlOptionKeys = new Set(['ex', 'px', 'exat', 'pxat', 'keepttl', 'expiration', 'expiry']);

/** Option keys of a connection that may hold a Sentinel address by mistake. */
export const addressKeys = new Set(['host', 'port', 'url', 'socket', 'addresses', 'rootNodes', 'nodes', 'path']);
