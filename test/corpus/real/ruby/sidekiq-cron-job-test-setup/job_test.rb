# frozen_string_literal: true

require './test/test_helper'

describe "Cron Job" do
  before do
    Sidekiq::Cron.reset!

    Sidekiq::Cron.configuration.available_namespaces = :auto

    # Clear all previous saved data from Redis.
    Sidekiq.redis do |conn|
      conn.keys("cron_job*").each do |key|
        conn.del(key)
      end
    end

    # Clear all queues.
    Sidekiq::Queue.all.each do |queue|
      queue.clear
    end
  end

  it "be initialized" do
    job = Sidekiq::Cron::Job.new()
