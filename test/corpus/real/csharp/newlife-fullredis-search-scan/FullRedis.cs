    /// <param name="key">键</param>
    /// <returns>访问频率计数，键不存在返回null</returns>
    public virtual Int64? ObjectFreq(String key) => Execute(key, (rc, k) => rc.Execute<Int64>("OBJECT", "FREQ", k));

    ///// <summary>模糊搜索，支持?和*</summary>
    ///// <param name="pattern"></param>
    ///// <returns></returns>
    //public virtual String[] Search(String pattern) => Execute(null, r => r.Execute<String[]>("KEYS", pattern));

    /// <summary>模糊搜索，支持?和*</summary>
    /// <param name="model">搜索模型</param>
    /// <returns></returns>
    public virtual IEnumerable<String> Search(SearchModel model)
    {
        InitCluster();

        if (Cluster != null)
            return Cluster.Nodes.SelectMany(x => Scan(x));
        else
            return Scan();

        IEnumerable<String> Scan(IRedisNode? node = null)
        {
            var count = model.Count;
            while (count > 0)
            {
                var p = model.Position;
                var rs = Execute(r => r.Execute<Object[]>("SCAN", p, "MATCH", GetKey(model.Pattern + ""), "COUNT", count), node);
                if (rs == null || rs.Length != 2) break;

                var pos = (rs[0] as IPacket)?.ToStr().ToInt();
                if (pos != null) model.Position = pos.Value;

                if (rs[1] is Object[] ps)
                {
                    foreach (var item in ps)
                    {
                        if (item == null && count-- > 0) yield return String.Empty;
                        if (item is String str && count-- > 0) yield return str;
                        if (item is IPacket pk && count-- > 0) yield return pk.ToStr();
                    }
                }

                if (pos == null || pos == 0) break;
            }
        }
    }

    /// <summary>模糊搜索，支持?和*</summary>
    /// <param name="pattern">匹配表达式</param>
    /// <param name="count">返回个数</param>
    /// <returns></returns>
    [Obsolete("=>Search(String pattern, Int32 offset = 0, Int32 count = -1)")]
