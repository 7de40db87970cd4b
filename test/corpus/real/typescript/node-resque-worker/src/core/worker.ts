  private async succeed(job: ParsedJob, duration: number) {
    const response = await this.connection.redis
      .multi()
      .incr(this.connection.key("stat", "processed"))
      .incr(this.connection.key("stat", "processed", this.name))
      .exec();

    response?.forEach((res) => {
      if (res[0] !== null) {
        throw res[0];
      }
    });

    this.emit("success", this.queue, job, this.result, duration);
  }

  private async fail(err: Error, duration: number) {
    const response = await this.connection.redis
      .multi()
      .incr(this.connection.key("stat", "failed"))
      .incr(this.connection.key("stat", "failed", this.name))
      .rpush(
        this.connection.key("failed"),
        JSON.stringify(this.failurePayload(err, this.job!)),
      )
      .exec();

    response?.forEach((res) => {
      if (res[0] !== null) {
        throw res[0];
      }
    });

    this.emit("failure", this.queue, this.job, err, duration);
  }

  private async pause() {
    this.emit("pause");
    await new Promise((resolve) => {
      this.pollTimer = setTimeout(() => {
        this.poll().catch((e) => this.emit("error", e));
        resolve(null);
      }, this.options.timeout);
    });
  }

  private async getJob() {
    let currentJob: ParsedJob | undefined;
    const queueKey = this.connection.key("queue", this.queue);
    const workerKey = this.connection.key(
      "worker",
      this.name,
      this.stringQueues(),
    );

    let encodedJob: string | null;

    if (
      // We cannot use the atomic Lua script if we are using redis cluster - the shard storing the queue and worker may not be the same
      !(this.connection.redis instanceof Cluster) &&
      //@ts-ignore
      this.connection.redis["popAndStoreJob"]
    ) {
      //@ts-ignore
      encodedJob = await this.connection.redis["popAndStoreJob"](
        queueKey,
        workerKey,
        new Date().toString(),
        this.queue,
        this.name,
      );
    } else {
      encodedJob = await this.connection.redis.lpop(queueKey);
      if (encodedJob) {
        await this.connection.redis.set(
          workerKey,
          JSON.stringify({
            run_at: new Date().toString(),
            queue: this.queue,
            worker: this.name,
            payload: JSON.parse(encodedJob),
          }),
        );
      }
    }

    if (encodedJob) currentJob = JSON.parse(encodedJob);

    return currentJob;
  }

  private async track() {
    this.running = true;
    return this.connection.redis.sadd(
      this.connection.key("workers"),
      this.name + ":" + this.stringQueues(),
    );
  }

  private async ping() {
    if (!this.running) return;

    const name = this.name;
    const nowSeconds = Math.round(new Date().getTime() / 1000);
    this.emit("ping", nowSeconds);
    const payload = JSON.stringify({
      time: nowSeconds,
      name: name,
      queues: this.stringQueues(),
    });
    await this.connection.redis.set(
      this.connection.key("worker", "ping", name),
      payload,
    );
  }
