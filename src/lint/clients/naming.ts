/**
 * Receiver names that people give a raw Redis/Valkey client (`redis`, `redisClient`, `rdb`,
 * `self._redis`, `$redis`, `getRedis()`). Only a weak signal, used when the engine cannot trace the
 * receiver: wrappers (`redisCache`, `RedisService`, `sessionStore`) do not match, since they often
 * apply their own TTL.
 */
const CLIENT_NAME =
  /^[_$@]*(?:(?:get|create|use|new|shared|default|global|main|primary|the|my)_?)?(?:redis|valkey|rdb)(?:_?(?:client|conn|connection|db|instance|primary|master))?$/i;

export function isClientName(name: string | undefined): boolean {
  return name !== undefined && CLIENT_NAME.test(name);
}

/** A holder of a client named after Redis/Valkey (`redisService`, `RedisManager`, `self.redis_pool`, `valkeyStore`). */
const REDISISH = /redis|valkey/i;

export function isRedisish(name: string | undefined): boolean {
  return name !== undefined && REDISISH.test(name);
}

/**
 * Members and accessors that hand out the raw client of a holder (`redisService.client`,
 * `this.cache.getClient()`, `pool.get_connection()`, `cache.client.get_client()`).
 */
const ACCESSOR = /^[_$]*(?:(?:get|acquire|obtain|create|new)_?)?(?:raw_?|native_?|underlying_?)?(?:client|conn|connection|redis|valkey|cli)$/i;

export function isAccessorName(name: string | undefined): boolean {
  return name !== undefined && ACCESSOR.test(name);
}

/**
 * Names people give a client when the file makes clear which library it is (`client`, `conn`,
 * `r`, `rc`, `cli`): trusted only in a file that imports a Redis/Valkey client library.
 */
const GENERIC = /^[_$]*(?:client|conn|connection|r|rc|rcli|cli|redis_?cli|kv|cache_?client|store_?client|pub|sub|publisher|subscriber)$/i;

export function isGenericClientName(name: string | undefined): boolean {
  return name !== undefined && GENERIC.test(name);
}
