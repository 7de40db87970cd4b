    public function testFlushWithSharedDatabase(): void
    {
        $instance = $this->getCacheInstance();
        $this->resetCacheInstance();
        $instance->shareDatabase = true;
        $instance->keyPrefix = 'myprefix_';
        $instance->redis->set('testkey', 'testvalue');

        for ($i = 0; $i < 1000; $i++) {
            $instance->set(sha1($i), uniqid('', true));
        }
        $keys = $instance->redis->keys('*');
        $this->assertCount(1001, $keys);

        $instance->flush();

        $keys = $instance->redis->keys('*');
        $this->assertCount(1, $keys);
        $this->assertSame(['testkey'], $keys);
    }
