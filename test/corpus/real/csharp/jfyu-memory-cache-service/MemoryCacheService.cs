using jfYu.Core.Common.Configurations;
using Microsoft.Extensions.Caching.Memory;
using Newtonsoft.Json;
using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;

namespace jfYu.Core.Cache
{
    public class MemoryCacheService : BaseCache, ICache
    {
        protected IMemoryCache MemoryCache;


        public MemoryCacheService(IMemoryCache cache, CacheConfig cacheConfig) : base(cacheConfig)
        {
            CacheType = CacheType.Memory;
            MemoryCache = cache;
        }


        #region 判断缓存

        public bool Has(string key)
        {
            if (key == null)
            {
                throw new ArgumentNullException(nameof(key));
            }

            return MemoryCache.TryGetValue(GetKey(key), out _);
        }

        public async Task<bool> HasAsync(string key)
        {
            if (key == null)
            {
                throw new ArgumentNullException(nameof(key));
            }
            return await Task.FromResult(MemoryCache.TryGetValue(GetKey(key), out _));
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
            MemoryCache.Set(GetKey(key), Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(value)));
            return Has(key);
        }

        /// <summary>
        /// 添加缓存（异步方式）
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
            await Task.FromResult(MemoryCache.Set(GetKey(key), Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(value))));
            return await HasAsync(key);
        }

        /// <summary>
        /// 添加缓存
        /// </summary>
        /// <param name="key">缓存Key</param>
        /// <param name="value">缓存Value</param>
        /// <param name="expiration">过期时间</param>
        /// <returns></returns>
        public bool Add(string key, object value, TimeSpan expiration)
        {
            if (key == null)
            {
                throw new ArgumentNullException(nameof(key));
            }
            if (value == null)
            {
                throw new ArgumentNullException(nameof(value));
            }
            if (Has(key))
                return false;
            MemoryCache.Set(GetKey(key), Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(value)), new MemoryCacheEntryOptions().SetAbsoluteExpiration(expiration));

            return Has(key);

        }

