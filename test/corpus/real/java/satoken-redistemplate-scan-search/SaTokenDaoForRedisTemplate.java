
	
	/**
	 * 搜索数据 
	 */
	@Override
	public List<String> searchData(String prefix, String keyword, int start, int size, boolean sortType) {
		// 对完整匹配串做 wrap，避免用户在 key 尾部等位置加工时只 wrap(prefix) 拼错 pattern
		String finalPattern = wrapKey(prefix + "*" + keyword + "*");
		Set<String> keys = new HashSet<>();
		ScanOptions options = ScanOptions.scanOptions().match(finalPattern).count(1000).build();
		stringRedisTemplate.execute((RedisCallback<Void>) connection -> {
			try (Cursor<byte[]> cursor = connection.scan(options)) {
				while (cursor.hasNext()) {
					keys.add(stringRedisTemplate.getStringSerializer().deserialize(cursor.next()));
				}
			}
			return null;
		});
		return SaFoxUtil.searchList(new ArrayList<>(keys), start, size, sortType);
	}

	/**
	 * SET key value XX KEEPTTL：仅 key 存在时覆写 value，并保留原 TTL
	 */
	public void setStringAndKeepTTL(String finalKey, String value) {
		stringRedisTemplate.execute((RedisCallback<Boolean>) connection ->
			connection.set(
				stringRedisTemplate.getStringSerializer().serialize(finalKey),
				stringRedisTemplate.getStringSerializer().serialize(value),
				Expiration.keepTtl(),
				RedisStringCommands.SetOption.ifPresent()
			)
		);
	}

	/**
	 * 包装 key（默认原样返回）。需要给 Redis 键加统一前缀时，可重写此方法。
	 *
	 * @param key 原始 key
	 * @return 包装后的 key
	 */
	public String wrapKey(String key) {
		return key;
	}

