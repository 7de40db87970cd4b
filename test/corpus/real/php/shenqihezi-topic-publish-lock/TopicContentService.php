     * @return \App\Base\Models\BaseModel|\App\Base\Services\BaseModel
     * @throws \Exception
     */
    public function publish($request)
    {
//        if (!isset($request['topic']) || empty($request['topic'])) {
//            throw new \Exception(transL('topic.topic_empty_error'));
//        }
        try {
            $request['mer_user_id'] = $this->userId();
            $request['game_package_id'] = $request['game_package_id'] ?? 0;
            $key = 'topic_content_lock_' . $request['mer_user_id'];
            if (Redis::set($key, 1, 'nx', 'ex', 5)) {
                $request['ip'] = getClientIp();
                $this->model->fill($this->model->filter($request))->save();
                $topicService = app(TopicService::class);

                if (isset($request['topic']) && $request['topic']) {
                    $topicArr = [];
                    foreach ($request['topic'] as $key => $value) {
                        $topicArr[] = $topicService->findOrCreate($value)->id;
                    }
                    $topicArr && $this->model->topic()->sync($topicArr);
                    //自动关注此话题
                    app(TopicService::class)->follow($topicArr);
                }
                //资源入表
                if (!$request['game_package_id']){
                    app(TopicContentResourceService::class)->resource($this->model->id, $request['image_resource'] ?? []);
                }
                //虚拟评论数据延迟入库
