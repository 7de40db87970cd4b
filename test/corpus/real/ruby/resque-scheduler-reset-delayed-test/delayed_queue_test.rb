
    # Since we didn't specify :queue when calling delayed_push, it will be
    # forced to load the class to figure out the queue.  This is the upgrade
    # case from 1.0.4 to 1.0.5.
    Resque::Job.expects(:create).once.with(:ivar, SomeIvarJob, nil)

    Resque::Scheduler.handle_delayed_items
  end

  test 'reset_delayed_queue clears the queue' do
    t = Time.now + 120
    4.times { Resque.enqueue_at(t, SomeIvarJob) }
    4.times { Resque.enqueue_at(Time.now + rand(100), SomeIvarJob) }

    Resque.reset_delayed_queue
    assert_equal(0, Resque.delayed_queue_schedule_size)
    assert_equal(0, Resque.redis.keys('timestamps:*').size)
  end
