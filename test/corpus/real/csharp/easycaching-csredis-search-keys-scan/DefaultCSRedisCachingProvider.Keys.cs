
            var res = _cache.Eval(script, cacheKey, args.ToArray());
            return res;
        }

        public async Task<object> EvalAsync(string script, string cacheKey, List<object> args)
        {
            ArgumentCheck.NotNullOrWhiteSpace(script, nameof(script));
            ArgumentCheck.NotNullOrWhiteSpace(cacheKey, nameof(cacheKey));

            var res = await _cache.EvalAsync(script, cacheKey, args.ToArray());
            return res;
        }

        public List<string> SearchKeys(string cacheKey, int? count)
        {
            var keys = new List<string>();

            long nextCursor = 0;
            do
            {
                var scanResult = _cache.Scan(nextCursor, cacheKey, count);
                nextCursor = scanResult.Cursor;
                var items = scanResult.Items;
                keys.AddRange(items);
            }
            while (nextCursor != 0);

            return keys;
        }

        public async Task<List<string>> SearchKeysAsync(string cacheKey, int? count)
        {
            var keys = new List<string>();

            long nextCursor = 0;
            do
            {
                var scanResult = await _cache.ScanAsync(nextCursor, cacheKey, count ?? 250);
                nextCursor = scanResult.Cursor;
                var items = scanResult.Items;
                keys.AddRange(items);
            }
            while (nextCursor != 0);

            return keys;
        }
    }
}
