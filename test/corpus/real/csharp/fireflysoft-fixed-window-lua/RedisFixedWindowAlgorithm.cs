using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using FireflySoft.RateLimit.Core.Rule;
using FireflySoft.RateLimit.Core.Time;
using StackExchange.Redis;

namespace FireflySoft.RateLimit.Core.RedisAlgorithm
{
    /// <summary>
    /// Define a redis fixed window algorithm
    /// </summary>
    public class RedisFixedWindowAlgorithm : BaseRedisAlgorithm
    {
        private readonly RedisLuaScript _incrementLuaScript;
        private readonly RedisLuaScript _peekLuaScript;

        /// <summary>
        /// Create a new instance
        /// </summary>
        /// <param name="rules">The rate limit rules</param>
        /// <param name="redisClient">The redis client</param>
        /// <param name="timeProvider">The time provider</param>
        /// <param name="updatable">If rules can be updated</param>
        public RedisFixedWindowAlgorithm(IEnumerable<FixedWindowRule> rules, ConnectionMultiplexer redisClient = null, ITimeProvider timeProvider = null, bool updatable = false)
        : base(rules, redisClient, timeProvider, updatable)
        {
            string _incrementLuaScriptText = @"local ret={}
                local cl_key='{' .. KEYS[1] .. '}'
                local lock_key=cl_key .. '-lock'
                local lock_val=redis.call('get',lock_key)
                if lock_val=='1' then
                    ret[1]=1
                    ret[2]=-1
                    ret[3]=redis.call('PTTL',lock_key)
                    return ret;
                end
                ret[1]=0
                local amount=tonumber(ARGV[1])
                local limit_number=tonumber(ARGV[3])
                local lock_seconds=tonumber(ARGV[4])
                local check_result=false
                local current=redis.call('get',KEYS[1])";

            if (updatable)
            {
                _incrementLuaScriptText += @"
                local sw_key=cl_key .. '-sw'";
            }

            _incrementLuaScriptText += @"
                if current~=false then
                    current = tonumber(current)
                    local pttl=redis.call('PTTL',KEYS[1])
                    ret[3]=pttl";

            if (updatable)
            {
                _incrementLuaScriptText += @"
                    local rule_sw=tonumber(ARGV[5])
                    local cur_sw=redis.call('get',sw_key)
                    if cur_sw~=false then
                        cur_sw=tonumber(cur_sw)
                    else
                        cur_sw=rule_sw
                    end
                    if cur_sw>rule_sw then
                        pttl=pttl+rule_sw-cur_sw
                        if pttl>0 then
                            redis.call('PEXPIRE',KEYS[1],pttl)
                            redis.call('set',sw_key,ARGV[5],'PX',pttl+3)
                        else
                            current=-1
                        end
                    end
                    if cur_sw<rule_sw then
                        pttl=pttl+rule_sw-cur_sw
                        redis.call('PEXPIRE',KEYS[1],pttl)
                        redis.call('set',sw_key,ARGV[5],'PX',pttl+3)
                    end";
            }

            _incrementLuaScriptText += @"
                    if(limit_number>=0 and current>=limit_number) then
                        check_result=true
                    else
                        redis.call('incrby',KEYS[1],amount)
                        current=current+amount
                    end
                else
                    current=-1
                end
                if current==-1 then
                    redis.call('set',KEYS[1],amount,'PX',ARGV[2])
                    ret[3]=ARGV[2]
                    current=amount";

            if (updatable)
            {
                _incrementLuaScriptText += @"
                    redis.call('set',sw_key,ARGV[5],'PX',ARGV[2]+3)";
            }

            _incrementLuaScriptText += @"
                end
                ret[2]=current
                if check_result then
                    ret[1]=1
                    if lock_seconds>0 then
                        redis.call('set',lock_key,'1','EX',lock_seconds,'NX')
                        ret[3]=lock_seconds*1000
                    end
                end
                return ret";

            _incrementLuaScript = new RedisLuaScript(_redisClient, "Src-IncrWithExpireSec", _incrementLuaScriptText);

            _peekLuaScript = new RedisLuaScript(_redisClient, "Src-PeekIncrWithExpireSec",
            @"local ret={}
