    def default_queue_latency
      stat :default_queue_latency
    end

    # @return [Hash{String => Integer}] a hash of queue names to their lengths
    def queues
      Sidekiq.redis do |conn|
        queues = conn.sscan("queues").to_a

        lengths = conn.pipelined { |pipeline|
          queues.each do |queue|
            pipeline.llen("queue:#{queue}")
          end
        }

        array_of_arrays = queues.zip(lengths).sort_by { |_, size| -size }
        array_of_arrays.to_h
      end
    end

    # More detailed information about each queue: name, size, latency, paused status
    # @return [Array<QueueSummary>]
    def queue_summaries
      Sidekiq.redis do |conn|
        queues = conn.sscan("queues").to_a
        return [] if queues.empty?

        results = conn.pipelined { |pipeline|
          queues.each do |queue|
            pipeline.llen("queue:#{queue}")
            pipeline.lindex("queue:#{queue}", -1)
            pipeline.sismember("paused", queue)
          end
        }

        queue_summaries = []
        queues.each_with_index do |name, idx|
          size = results[idx * 3]
          last_item = results[idx * 3 + 1]
