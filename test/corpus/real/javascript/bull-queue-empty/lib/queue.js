/**
  Empties the queue.

  Returns a promise that is resolved after the operation has been completed.
  Note that if some other process is adding jobs at the same time as emptying,
  the queues may not be really empty after this method has executed completely.
  Also, if the method does error between emptying the lists and removing all the
  jobs, there will be zombie jobs left in redis.

  TODO: Use EVAL to make this operation fully atomic.
*/
Queue.prototype.empty = function() {
  const queueKeys = this.keys;

  let multi = this.multi();

  multi.lrange(queueKeys.wait, 0, -1);
  multi.lrange(queueKeys.paused, 0, -1);
  multi.keys(this.toKey('*:limited'));
  multi.del(
    queueKeys.wait,
    queueKeys.paused,
    queueKeys['meta-paused'],
    queueKeys.delayed,
    queueKeys.priority,
    queueKeys.limiter,
    `${queueKeys.limiter}:index`
  );

  return multi.exec().then(res => {
    let [waiting, paused, limited] = res;

    waiting = waiting[1];
    paused = paused[1];
    limited = limited[1];

    const jobKeys = paused.concat(waiting).map(this.toKey, this);

    if (jobKeys.length || limited.length) {
      multi = this.multi();

      for (let i = 0; i < jobKeys.length; i += 10000) {
        multi.del.apply(multi, jobKeys.slice(i, i + 10000));
      }

      for (let i = 0; i < limited.length; i += 10000) {
        multi.del.apply(multi, limited.slice(i, i + 10000));
      }

      return multi.exec();
    }
  });
};
