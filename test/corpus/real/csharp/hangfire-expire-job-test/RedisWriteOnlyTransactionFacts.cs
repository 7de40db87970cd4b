        [Fact, CleanRedis]
        public void ExpireJob_SetsExpirationDateForAllRelatedKeys()
        {
            UseConnection(redis =>
            {
                // Arrange
                redis.StringSet("{hangfire}:job:my-job", "job");
                redis.StringSet("{hangfire}:job:my-job:state", "state");
                redis.StringSet("{hangfire}:job:my-job:history", "history");

                // Act
                Commit(redis, x => x.ExpireJob("my-job", TimeSpan.FromDays(1)));

                // Assert
                var jobEntryTtl = redis.KeyTimeToLive("{hangfire}:job:my-job");
                var stateEntryTtl = redis.KeyTimeToLive("{hangfire}:job:my-job:state");
                var historyEntryTtl = redis.KeyTimeToLive("{hangfire}:job:my-job:state");

                Assert.True(TimeSpan.FromHours(23) < jobEntryTtl && jobEntryTtl < TimeSpan.FromHours(25));
                Assert.True(TimeSpan.FromHours(23) < stateEntryTtl && stateEntryTtl < TimeSpan.FromHours(25));
                Assert.True(TimeSpan.FromHours(23) < historyEntryTtl && historyEntryTtl < TimeSpan.FromHours(25));
            });
        }
