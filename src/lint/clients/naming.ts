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
