    public function testIncr(): void
    {
        $key = __FUNCTION__;

        $this->assertFalse($this->cache->incr($key));

        $this->cache->set($key, 0);
        $this->cache->incr($key);
        $this->assertSame(1, $this->cache->get($key));

        $this->cache->incr($key, 2);
        $this->assertSame(3, $this->cache->get($key));
    }

    public function testWpCacheIncr(): void
    {
        $key = __FUNCTION__;

        $this->assertFalse(wp_cache_incr($key));

        wp_cache_set($key, 0);
        wp_cache_incr($key);
        $this->assertSame(1, wp_cache_get($key));

        wp_cache_incr($key, 2);
        $this->assertSame(3, wp_cache_get($key));
    }

    public function testDecr(): void
    {
        $key = __FUNCTION__;

        $this->assertFalse($this->cache->decr($key));

        $this->cache->set($key, 0);
        $this->cache->decr($key);
        $this->assertSame(0, $this->cache->get($key));

        $this->cache->set($key, 3);
        $this->cache->decr($key);
        $this->assertSame(2, $this->cache->get($key));

        $this->cache->decr($key, 2);
        $this->assertSame(0, $this->cache->get($key));
    }
