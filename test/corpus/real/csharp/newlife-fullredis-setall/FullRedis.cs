    /// <summary>批量设置缓存项</summary>
    /// <typeparam name="T"></typeparam>
    /// <param name="values"></param>
    /// <param name="expire">过期时间，秒。小于0时采用默认缓存时间<seealso cref="Cache.Expire"/></param>
    public override void SetAll<T>(IDictionary<String, T> values, Int32 expire = -1)
    {
        if (values == null || values.Count == 0) return;

        if (expire < 0) expire = Expire;

        // 优化少量读取
        if (values.Count <= 2)
        {
            foreach (var item in values)
            {
                Set(item.Key, item.Value, expire);
            }
            return;
        }

        var keys = values.Keys.ToArray();

        // 非集群模式
        InitCluster();
        if (Cluster == null)
            Execute(keys[0], (rds, ks) => rds.SetAll(values), true);
        else
            Execute(keys, (rds, ks) => rds.SetAll(ks.ToDictionary(e => e, e => values[e])), true);

        // 使用管道批量设置过期时间
        if (expire > 0)
        {
            var ts = TimeSpan.FromSeconds(expire);

            StartPipeline();
            try
            {
                foreach (var item in keys)
                {
                    SetExpire(item, ts);
                }
            }
            finally
            {
                StopPipeline(true);
            }
        }
    }

    /// <summary>获取列表</summary>
    /// <typeparam name="T"></typeparam>
