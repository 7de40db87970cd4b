using System;
using Hangfire.Common;
using Hangfire.Redis.StackExchange;
using Hangfire.Redis.Tests.Utils;
using Moq;
using Xunit;
using StackExchange.Redis;

namespace Hangfire.Redis.Tests
{
    [Collection("Sequential")]
    public class RedisFetchedJobFacts
    {
        private const string JobId = "id";
        private const string Queue = "queue";

        private readonly RedisStorage _storage;
        private readonly Mock<IDatabase> _redis;

        public RedisFetchedJobFacts()
        {
            _redis = new Mock<IDatabase>();

            var options = new RedisStorageOptions() { Db = RedisUtils.GetDb() };
            _storage = new RedisStorage(RedisUtils.GetHostAndPort(), options);
        }

        [Fact]
        public void Ctor_ThrowsAnException_WhenStorageIsNull()
        {
           Assert.Throws<ArgumentNullException>("storage",
               () => new RedisFetchedJob(null, _redis.Object, JobId, Queue, DateTime.UtcNow));
        }

        [Fact]
        public void Ctor_ThrowsAnException_WhenRedisIsNull()
        {
            Assert.Throws<ArgumentNullException>("redis",
                () => new RedisFetchedJob(_storage, null, JobId, Queue, DateTime.UtcNow));
        }

        [Fact]
        public void Ctor_ThrowsAnException_WhenJobIdIsNull()
        {
            Assert.Throws<ArgumentNullException>("jobId",
                () => new RedisFetchedJob(_storage, _redis.Object, null, Queue, DateTime.UtcNow));
        }

        [Fact]
        public void Ctor_ThrowsAnException_WhenQueueIsNull()
        {
            Assert.Throws<ArgumentNullException>("queue",
                () => new RedisFetchedJob(_storage, _redis.Object, JobId, null, DateTime.UtcNow));
        }

        [Fact, CleanRedis]
        public void RemoveFromQueue_RemovesJobFromTheFetchedList()
        {
            UseRedis(redis =>
            {
