using jfYu.Core.Common.Configurations;
using Newtonsoft.Json;
using StackExchange.Redis;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;

namespace jfYu.Core.Cache
{
    public class RedisCacheService : BaseCache, ICache
    {

        public RedisConfiguration RedisConfiguration { get; }
        private IDatabase RedisCache { get; }


        public RedisCacheService(CacheConfig cacheConfig) : base(cacheConfig)
        {
            try
            {
                CacheType = CacheType.Redis;
                RedisConfiguration = AppConfig.GetSection("Redis").GetBindData<RedisConfiguration>();
                var configurationOptions = new ConfigurationOptions()
                {
                    Password = RedisConfiguration.Password,
                    ConnectTimeout = RedisConfiguration.Timeout,
                    KeepAlive = 60,
                    AbortOnConnectFail = false
                };
                foreach (var endPoint in RedisConfiguration.EndPoints)
                {
                    configurationOptions.EndPoints.Add(endPoint.Host, endPoint.Port);
                }
                var redisClient = ConnectionMultiplexer.Connect(configurationOptions);
                RedisCache = redisClient.GetDatabase(RedisConfiguration.DbIndex);
            }
            catch (Exception ex)
            {
                throw new Exception($"错误的redis配置:{ex.Message}-{ex.StackTrace}");
            }
        }



        #region 判断缓存

        public bool Has(string key)
        {
            if (key == null)
            {
                throw new ArgumentNullException(nameof(key));
            }
            return RedisCache.KeyExists(GetKey(key));
        }

        public async Task<bool> HasAsync(string key)
        {
            if (key == null)
            {
                throw new ArgumentNullException(nameof(key));
            }
            return await RedisCache.KeyExistsAsync(GetKey(key));
        }

        #endregion

        #region 添加缓存

        /// <summary>
        /// 添加缓存
        /// </summary>
        /// <param name="key">缓存Key</param>
        /// <param name="value">缓存Value</param>
        /// <returns></returns>
        public bool Add(string key, object value)
        {
            if (string.IsNullOrEmpty(key))
            {
                throw new ArgumentNullException(nameof(key));
            }
            if (value == null)
            {
                throw new ArgumentNullException(nameof(value));
            }
            if (Has(key))
                return false;
            return RedisCache.StringSet(GetKey(key), Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(value)));
        }

        /// <summary>
        /// 添加缓存
        /// </summary>
        /// <param name="key">缓存Key</param>
        /// <param name="value">缓存Value</param>
        /// <param name="expiration">过期时间</param>
        /// <returns>是否成功</returns>
        public bool Add(string key, object value, TimeSpan expiration)
        {
            if (string.IsNullOrEmpty(key))
            {
                throw new ArgumentNullException(nameof(key));
            }
            if (value == null)
            {
                throw new ArgumentNullException(nameof(value));
            }
            if (Has(key))
                return false;
            return RedisCache.StringSet(GetKey(key), Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(value)), expiration);
        }

        /// <summary>
        /// 添加缓存
        /// </summary>
        /// <param name="key">缓存Key</param>
        /// <param name="value">缓存Value</param>
        /// <param name="expiration">过期秒数</param>
        /// <returns>是否成功</returns>
        public bool Add(string key, object value, int seconds)
        {
            if (string.IsNullOrEmpty(key))
            {
                throw new ArgumentNullException(nameof(key));
            }
            if (value == null)
            {
                throw new ArgumentNullException(nameof(value));
            }
            if (Has(key))
                return false;
            return RedisCache.StringSet(GetKey(key), Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(value)), TimeSpan.FromSeconds(seconds));

        }

        /// <summary>
        /// 添加缓存
        /// </summary>
        /// <param name="key">缓存Key</param>
        /// <param name="value">缓存Value</param>
        /// <returns></returns>
        public async Task<bool> AddAsync(string key, object value)
        {
            if (string.IsNullOrEmpty(key))
            {
                throw new ArgumentNullException(nameof(key));
            }
            if (value == null)
            {
                throw new ArgumentNullException(nameof(value));
            }
            if (await HasAsync(key))
                return false;
            return await RedisCache.StringSetAsync(GetKey(key), Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(value)));
        }

        /// <summary>
        /// 添加缓存
