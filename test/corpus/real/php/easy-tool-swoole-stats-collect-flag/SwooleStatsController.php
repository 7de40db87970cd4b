    // =========================================================================
    // 多 Pod 支持（基于 Redis + SwooleStatsCollectorProcess）
    // =========================================================================

    /**
     * 开启采集：设置 Redis 标志位，所有 pod 的 SwooleStatsCollectorProcess 会检测到并开始写入
     */
    protected function handleStartCollect()
    {
        $duration = (int) request()->get('duration', self::DEFAULT_COLLECT_DURATION);
        $duration = max(10, min($duration, 3600)); // 限制 10秒 ~ 1小时

        Redis::setex(SwooleStatsCollectorProcess::COLLECTING_KEY, $duration, time());

        // 返回时自动跳转到 all_pods 页面
        $allPodsUrl = request()->url() . '?all_pods=1';
        return redirect($allPodsUrl);
    }

    /**
     * 停止采集：删除 Redis 标志位
     */
    protected function handleStopCollect()
    {
        Redis::del(SwooleStatsCollectorProcess::COLLECTING_KEY);

        $allPodsUrl = request()->url() . '?all_pods=1';
        return redirect($allPodsUrl);
    }

    /**
     * 查看当前采集剩余时间（秒），-2 表示未在采集
     */
