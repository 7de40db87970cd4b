import { literal, type Snippet, type SnippetContext } from './snippet';

export function goRedisSnippet({ keys, defaultMaster }: SnippetContext): Snippet {
  return {
    id: 'go-redis',
    title: 'Go: go-redis',
    language: 'go',
    install: 'go get github.com/redis/go-redis/v9',
    code: `package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"time"

	"github.com/redis/go-redis/v9"
)

func main() {
	// From the app ConfigMap, exposed to the pod as environment variables (envFrom: configMapRef).
	port := os.Getenv(${literal(keys.sentinelPort)})
	if port == "" {
		port = "26379"
	}
	master := os.Getenv(${literal(keys.sentinelMaster)})
	if master == "" {
		master = ${literal(defaultMaster)}
	}

	// The failover client asks Sentinel for the current primary and follows failovers.
	client := redis.NewFailoverClient(&redis.FailoverOptions{
		MasterName:    master,
		SentinelAddrs: []string{net.JoinHostPort(os.Getenv(${literal(keys.sentinelHost)}), port)},
	})
	defer client.Close()

	ctx := context.Background()
	// Give every key an expiry: the cluster is a cache, not a database.
	if err := client.Set(ctx, "greeting", "hello", 60*time.Second).Err(); err != nil {
		panic(err)
	}
	value, err := client.Get(ctx, "greeting").Result()
	if err != nil {
		panic(err)
	}
	fmt.Println(value)
}
`,
  };
}
