        protected override CacheItem<TCacheValue> GetCacheItemInternal(string key)
        {
            return GetCacheItemInternal(key, null);
        }

        /// <inheritdoc/>
        protected override CacheItem<TCacheValue> GetCacheItemInternal(string key, string region)
        {
            var fullKey = GetItemKey(key, region);
            var item = _cache.Get(fullKey) as CacheItem<TCacheValue>;

            if (item == null)
            {
                return null;
            }

            if (item.IsExpired)
            {
                RemoveInternal(item.Key, item.Region);
                TriggerCacheSpecificRemove(item.Key, item.Region, CacheItemRemovedReason.Expired, item.Value);
                return null;
            }

            if (item.ExpirationMode == ExpirationMode.Sliding)
            {
                // item = this.GetItemExpiration(item); // done by basecachehandle already
                _cache.Set(fullKey, item, GetOptions(item));
            }

            return item;
        }

        /// <inheritdoc/>
        protected override bool RemoveInternal(string key)
        {
            return RemoveInternal(key, null);
        }

        /// <inheritdoc/>
        protected override bool RemoveInternal(string key, string region)
        {
            var fullKey = GetItemKey(key, region);
            var result = _cache.Contains(fullKey);
            if (result)
            {
                _cache.Remove(fullKey);
            }

            return result;
        }

        /// <inheritdoc/>
        protected override bool AddInternalPrepared(CacheItem<TCacheValue> item)
        {
            var key = GetItemKey(item);

            if (_cache.Contains(key))
            {
                return false;
            }

            var options = GetOptions(item);
            _cache.Set(key, item, options);

            if (item.Region != null)
            {
                _cache.RegisterChild(item.Region, key);
            }

            return true;
        }

        /// <inheritdoc/>
        protected override void PutInternalPrepared(CacheItem<TCacheValue> item)
        {
            var key = GetItemKey(item);

            var options = GetOptions(item);
            _cache.Set(key, item, options);

            if (item.Region != null)
            {
                _cache.RegisterChild(item.Region, key);
            }
        }

