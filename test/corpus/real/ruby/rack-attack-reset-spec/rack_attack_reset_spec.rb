# frozen_string_literal: true

require_relative "spec_helper"

describe "Rack::Attack.reset!" do
  it "raises an error when is not supported by cache store" do
    fake_store_class = Class.new do
      def read(key); end

      def write(key, value); end

      def increment(key, count, options = {}); end

      def delete(key); end
    end

    Object.stub_const(:FakeStore, fake_store_class) do
      Rack::Attack.cache.store = FakeStore.new
      assert_raises(Rack::Attack::IncompatibleStoreError) do
        Rack::Attack.reset!
      end
    end
  end

  if defined?(Redis)
    it "should delete rack attack keys" do
      redis = Redis.new
      redis.set("key", "value")
      redis.set("#{Rack::Attack.cache.prefix}::key", "value")
      Rack::Attack.cache.store = redis
      Rack::Attack.reset!

      _(redis.get("key")).must_equal "value"
      _(redis.get("#{Rack::Attack.cache.prefix}::key")).must_be_nil
    end
  end

  if defined?(Redis::Store)
    it "should delete rack attack keys" do
      redis_store = Redis::Store.new
      redis_store.set("key", "value")
      redis_store.set("#{Rack::Attack.cache.prefix}::key", "value")
      Rack::Attack.cache.store = redis_store
      Rack::Attack.reset!

      _(redis_store.get("key")).must_equal "value"
      _(redis_store.get("#{Rack::Attack.cache.prefix}::key")).must_be_nil
    end
  end

