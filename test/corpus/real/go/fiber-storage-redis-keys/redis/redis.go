func (s *Storage) Get(key string) ([]byte, error) {
	return s.GetWithContext(context.Background(), key)
}

// SetWithContext key with value with context
func (s *Storage) SetWithContext(ctx context.Context, key string, val []byte, exp time.Duration) error {
	if s.closed.Load() {
		return ErrClosed
	}
	if len(key) <= 0 || len(val) <= 0 {
		return nil
	}
	// go-redis reads a negative expiration as KeepTTL, carrying the previous one over instead of clearing it.
	if exp < 0 {
		exp = 0
	}
	return s.db.Set(ctx, key, val, exp).Err()
}

// Set key with value
func (s *Storage) Set(key string, val []byte, exp time.Duration) error {
	return s.SetWithContext(context.Background(), key, val, exp)
}

// DeleteWithContext key by key with context
func (s *Storage) DeleteWithContext(ctx context.Context, key string) error {
	if s.closed.Load() {
		return ErrClosed
	}
	if len(key) <= 0 {
		return nil
	}
	return s.db.Del(ctx, key).Err()
}

// Delete key by key
func (s *Storage) Delete(key string) error {
	return s.DeleteWithContext(context.Background(), key)
}

// ResetWithContext all keys with context
func (s *Storage) ResetWithContext(ctx context.Context) error {
	if s.closed.Load() {
		return ErrClosed
	}

	return s.forEachNode(ctx, func(ctx context.Context, node redis.Cmdable) error {
		return node.FlushDB(ctx).Err()
	})
}

// Reset all keys
func (s *Storage) Reset() error {
	return s.ResetWithContext(context.Background())
}

// Close the database unless the client came from NewFromConnection; later operations report ErrClosed either way.
func (s *Storage) Close() error {
	s.closeMu.Lock()
	defer s.closeMu.Unlock()

	if s.closed.Load() {
		return nil
	}

	// A borrowed client is not ours to close, but the storage still is.
	if !s.ownsDB {
		s.closed.Store(true)
		return nil
	}

	// Latched even on failure: the client's pools are already closed, so leaving the storage open would let later operations reach them instead of reporting ErrClosed.
	err := s.db.Close()
	s.closed.Store(true)

	return err
}

// Return database client
func (s *Storage) Conn() redis.UniversalClient {
	return s.db
}

// Return all the keys
func (s *Storage) Keys() ([][]byte, error) {
	if s.closed.Load() {
		return nil, ErrClosed
	}

	var (
		mu   sync.Mutex
		keys [][]byte
	)

	err := s.forEachNode(context.Background(), func(ctx context.Context, node redis.Cmdable) error {
		nodeKeys, err := scanKeys(ctx, node)
		if err != nil {
			return err
		}

		mu.Lock()
		defer mu.Unlock()
		keys = append(keys, nodeKeys...)

		return nil
	})
	if err != nil {
		return nil, err
	}

	if len(keys) == 0 {
		return nil, nil
	}

	return keys, nil
}

func (s *Storage) forEachNode(ctx context.Context, fn func(context.Context, redis.Cmdable) error) error {
	return forEachNode(ctx, s.db, fn)
}

// forEachNode runs fn against every master, since a cluster client scans one keyspace and sends a keyless command such as FLUSHDB to a single shard.
func forEachNode(ctx context.Context, db redis.UniversalClient, fn func(context.Context, redis.Cmdable) error) error {
	if cluster, ok := db.(*redis.ClusterClient); ok {
		return cluster.ForEachMaster(ctx, func(ctx context.Context, shard *redis.Client) error {
			return fn(ctx, shard)
		})
	}

	return fn(ctx, db)
}

// scanKeys walks one node's keyspace.
func scanKeys(ctx context.Context, client redis.Cmdable) ([][]byte, error) {
	var (
		keys   [][]byte
		cursor uint64
		err    error
	)

	for {
		var batch []string

		if batch, cursor, err = client.Scan(ctx, cursor, "*", 10).Result(); err != nil {
			return nil, err
		}

		for _, key := range batch {
			keys = append(keys, []byte(key))
		}

		if cursor == 0 {
			return keys, nil
		}
	}
}
