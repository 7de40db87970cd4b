import type { Lib, Role } from '../analysis/model';

/** Go client libraries by import path, with the package name they declare. */
export function importLib(path: string): { lib: Lib; name: string } | undefined {
  if (/^github\.com\/(redis\/go-redis|go-redis\/redis)(\/v\d+)?$/.test(path) || /^gopkg\.in\/redis\.v\d+$/.test(path)) return { lib: 'go-redis', name: 'redis' };
  if (/^github\.com\/valkey-io\/valkey-glide\/go(\/v\d+)?\/pipeline$/.test(path)) return { lib: 'glide', name: 'pipeline' };
  if (path === 'github.com/valkey-io/valkey-go') return { lib: 'valkey-go', name: 'valkey' };
  if (path === 'github.com/redis/rueidis') return { lib: 'valkey-go', name: 'rueidis' };
  if (path === 'github.com/gomodule/redigo/redis' || path === 'github.com/garyburd/redigo/redis') return { lib: 'redigo', name: 'redis' };
  if (path === 'github.com/valkey-io/valkey-go/valkeycompat' || path === 'github.com/redis/rueidis/rueidiscompat') return { lib: 'go-redis', name: path.endsWith('valkeycompat') ? 'valkeycompat' : 'rueidiscompat' };
  if (/^github\.com\/valkey-io\/valkey-glide\/go(\/v\d+)?$/.test(path)) return { lib: 'glide', name: 'glide' };
  if (/^github\.com\/valkey-io\/valkey-glide\/go(\/v\d+)?\/api$/.test(path)) return { lib: 'glide', name: 'api' };
  return undefined;
}

/** `<pkg>.<Type>` of a client library: a client, a pipeline, a pool or something else. */
export function typeRole(lib: Lib, name: string): Role | 'pool' | undefined {
  switch (lib) {
    case 'go-redis':
      if (['Client', 'ClusterClient', 'Ring', 'UniversalClient', 'Cmdable', 'Conn', 'Tx', 'StatefulCmdable'].includes(name)) return 'client';
      if (name === 'Pipeliner' || name === 'Pipeline') return 'pipeline';
      return undefined;
    case 'valkey-go':
      return ['Client', 'DedicatedClient', 'CoreClient'].includes(name) ? 'client' : undefined;
    case 'glide':
      return ['Client', 'ClusterClient', 'GlideClient', 'GlideClusterClient', 'GlideClientCommands', 'GlideClusterClientCommands', 'BaseClient'].includes(name) ? 'client' : undefined;
    case 'redigo':
      if (name === 'Conn' || name === 'ConnWithContext') return 'client';
      if (name === 'Pool') return 'pool';
      return undefined;
    default:
      return undefined;
  }
}

/** Package functions that return a client (first result), or a script. */
export function factoryResult(lib: Lib, name: string): 'client' | 'script' | undefined {
  switch (lib) {
    case 'go-redis':
      if (['NewClient', 'NewClusterClient', 'NewUniversalClient', 'NewFailoverClient', 'NewFailoverClusterClient', 'NewRing'].includes(name)) return 'client';
      return name === 'NewScript' ? 'script' : undefined;
    case 'valkey-go':
      if (name === 'NewClient' || name === 'MustNewClient') return 'client';
      return name === 'NewLuaScript' || name === 'NewLuaScriptReadOnly' ? 'script' : undefined;
    case 'redigo':
      if (['Dial', 'DialURL', 'DialContext', 'DialURLContext', 'DialTimeout'].includes(name)) return 'client';
      return name === 'NewScript' ? 'script' : undefined;
    case 'glide':
      if (['NewStandaloneBatch', 'NewClusterBatch'].includes(name)) return 'client';
      return ['NewClient', 'NewClusterClient', 'NewGlideClient', 'NewGlideClusterClient'].includes(name) ? 'client' : undefined;
    default:
      return undefined;
  }
}

/** Factories that connect through Sentinel (never a Sentinel misuse). */
export const sentinelFactories = new Set(['NewFailoverClient', 'NewFailoverClusterClient', 'NewSentinelClient']);

/** Client methods that return a client, pipeline or command builder. */
export function clientMethodRole(lib: Lib, method: string): Role | undefined {
  if (method === 'Pipeline' || method === 'TxPipeline') return 'pipeline';
  if (method === 'Conn' || method === 'WithContext' || method === 'WithTimeout') return 'client';
  if (method === 'B' && (lib === 'valkey-go' || lib === 'unknown')) return 'builder';
  // GoFrame's gredis: `redis.GroupString().MSet(...)`, `redis.GroupGeneric().Keys(...)`.
  if (/^Group(?:Generic|String|Hash|List|Set|SortedSet|Script|PubSub)$/.test(method)) return 'client';
  if ((method === 'Get' || method === 'GetContext') && lib === 'redigo') return 'client';
  return undefined;
}

/** go-redis method names (lower case) beyond the shared table. */
export const goMethodAliases: Record<string, string> = {
  expirenx: 'expire',
  expirexx: 'expire',
  expiregt: 'expire',
  expirelt: 'expire',
  flushallasync: 'flushall',
  flushdbasync: 'flushdb',
  setxx: 'set',
  setargs: 'set',
};

/** Option-struct fields that hold the server address. */
export const addressFields = new Set(['Addr', 'Addrs', 'InitAddress', 'Address', 'Addresses']);
/** Option-struct fields that configure Sentinel mode (a correct Sentinel setup). */
export const sentinelFields = new Set(['MasterName', 'SentinelAddrs', 'Sentinel']);
/** valkey-go builder steps that give SET an expiry. */
export const builderTtlSteps = new Set(['ex', 'px', 'exat', 'pxat', 'keepttl', 'exseconds', 'pxmilliseconds', 'exattimestamp', 'pxatmillisecondstimestamp']);
