using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Text;
using CacheManager.Core;
using CacheManager.Core.Internal;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using static CacheManager.Core.Utility.Guard;

namespace CacheManager.Redis
{
    /// <summary>
    /// Cache handle implementation for Redis.
    /// </summary>
    /// <typeparam name="TCacheValue">The type of the cache value.</typeparam>
    [RequiresSerializer]
    public class RedisCacheHandle<TCacheValue> : BaseCacheHandle<TCacheValue>
    {
        private static readonly TimeSpan MinimumExpirationTimeout = TimeSpan.FromMilliseconds(1);
        private const string Base64Prefix = "base64\0";
        private const string HashFieldCreated = "created";
        private const string HashFieldExpirationMode = "expiration";
        private const string HashFieldExpirationTimeout = "timeout";
        private const string HashFieldType = "type";
        private const string HashFieldValue = "value";
        private const string HashFieldVersion = "version";
        private const string HashFieldUsesDefaultExp = "defaultExpiration";

        private static readonly string _scriptAdd = $@"
if redis.call('HSETNX', KEYS[1], '{HashFieldValue}', ARGV[1]) == 1 then
    if ARGV[7] ~= nil then
        if (redis.call('HMSET', ARGV[7], KEYS[1], 'regionKey')) then
        else
            return -2
        end
    end

    local result=redis.call('HMSET', KEYS[1], '{HashFieldType}', ARGV[2], '{HashFieldExpirationMode}', ARGV[3], '{HashFieldExpirationTimeout}', ARGV[4], '{HashFieldCreated}', ARGV[5], '{HashFieldVersion}', 1, '{HashFieldUsesDefaultExp}', ARGV[6])
    if ARGV[3] > '1' and ARGV[4] ~= '0' then
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
    else
        redis.call('PERSIST', KEYS[1])
    end
    return 1
else
    return nil
end";

        private static readonly string _scriptPut = $@"
if ARGV[7] ~= nil then
    if (redis.call('HMSET', ARGV[7], KEYS[1], 'regionKey')) then
    else
        return -2
    end
end

local result=redis.call('HMSET', KEYS[1], '{HashFieldValue}', ARGV[1], '{HashFieldType}', ARGV[2], '{HashFieldExpirationMode}', ARGV[3], '{HashFieldExpirationTimeout}', ARGV[4], '{HashFieldCreated}', ARGV[5], '{HashFieldUsesDefaultExp}', ARGV[6])
redis.call('HINCRBY', KEYS[1], '{HashFieldVersion}', 1)
if ARGV[3] > '1' and ARGV[4] ~= '0' then
    redis.call('PEXPIRE', KEYS[1], ARGV[4])
else
    redis.call('PERSIST', KEYS[1])
end
return 1";

        // script should also update expire now. If sliding, update the sliding window
        private static readonly string _scriptUpdate = $@"
if redis.call('HGET', KEYS[1], '{HashFieldVersion}') == ARGV[2] then
    local result=redis.call('HSET', KEYS[1], '{HashFieldValue}', ARGV[1])
    redis.call('HINCRBY', KEYS[1], '{HashFieldVersion}', 1)
    if ARGV[3] == '2' and ARGV[4] ~= '0' then
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
    end
    return result;
else
    return nil
end";

