		[Fact]
		public void ExpireAt() {
			Assert.True(rds.MSet("TestExpireAt_null1", base.Null, "TestExpireAt_string1", base.String, "TestExpireAt_bytes1", base.Bytes, "TestExpireAt_class1", base.Class));

			Assert.True(rds.ExpireAt("TestExpireAt_null1", DateTime.UtcNow.AddSeconds(10)));
			Assert.InRange(rds.Ttl("TestExpireAt_null1"), 9, 20);
			Assert.True(rds.ExpireAt("TestExpireAt_string1", DateTime.UtcNow.AddHours(1)));
			Assert.InRange(rds.Ttl("TestExpireAt_string1"), 60 * 60 - 10, 60 * 60 + 10);
		}

		[Fact]
		public void Keys() {
			Assert.True(rds.MSet("TestKeys_null1", base.Null, "TestKeys_string1", base.String, "TestKeys_bytes1", base.Bytes, "TestKeys_class1", base.Class));
			Assert.Equal(4, rds.Keys("TestKeys_*").Length);
		}

		[Fact]
		public void Move() {
			Assert.True(rds.MSet("TestMove_null1", base.Null, "TestMove_string1", base.String, "TestMove_bytes1", base.Bytes, "TestMove_class1", base.Class));

			Assert.True(rds.Move("TestMove_string1", 1));
			Assert.False(rds.Exists("TestMove_string1"));

			using (var conn = rds.Nodes.First().Value.Get()) {
				conn.Value.Select(1);
				Assert.Equal(base.String, conn.Value.Get("TestMove_string1"));
				conn.Value.Select(2);
			}

