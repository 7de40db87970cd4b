        $this->assertLT(2, $idle1);
        $this->assertLT(2, $idle2);
    }

    public function testKeys() {
        $pattern = 'keys-test-';
        for ($i = 1; $i < 10; $i++) {
            $this->redis->set($pattern.$i, $i);
        }
        $this->redis->del($pattern.'3');
        $keys = $this->redis->keys($pattern.'*');

        $this->redis->set($pattern.'3', 'something');

        $keys2 = $this->redis->keys($pattern.'*');

        $this->assertEquals((count($keys) + 1), count($keys2));

        // empty array when no key matches
        $this->assertEquals([], $this->redis->keys(uniqid() . '*'));
    }

