    @Test
    public void testSetIfLess() {
        RAtomicLong al = redisson.getAtomicLong("test");
        assertThat(al.setIfLess(0, 1)).isFalse();
        assertThat(al.get()).isEqualTo(0);
        
        al.set(12);
        assertThat(al.setIfLess(13, 1)).isTrue();
        assertThat(al.get()).isEqualTo(1);
    }
    
    @Test
    public void testSetIfGreater() {
        RAtomicLong al = redisson.getAtomicLong("test");
        assertThat(al.setIfLess(0, 1)).isFalse();
        assertThat(al.get()).isEqualTo(0);
        
        al.set(12);
        assertThat(al.setIfGreater(11, 1)).isTrue();
        assertThat(al.get()).isEqualTo(1);
    }
    
    @Test
    public void testGetAndSet() {
        RAtomicLong al = redisson.getAtomicLong("test");
        Assertions.assertEquals(0, al.getAndSet(12));
    }

    @Test
    public void testGetZero() {
        RAtomicLong ad2 = redisson.getAtomicLong("test");
        assertThat(ad2.get()).isZero();
    }
    
