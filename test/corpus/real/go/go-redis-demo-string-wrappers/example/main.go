package main

import (
	"context"
	"fmt"
	"log"
	"time"

	"go-redis-demo/redis"

	redisv9 "github.com/redis/go-redis/v9"
)

func main() {

	//1.初始化Redis客户端
	config := redis.DefaultConfig()
	redis.InitClient(config)
	defer redis.CloseClient()

	//2.创建上下文
	ctx := context.Background()

	//3.字符串操作示例
	stringExample(ctx)

	//4.哈希操作示例
	hashExample(ctx)

	//5.列表操作示例
	listExample(ctx)

	//6.集合操作示例
	setExample(ctx)

	//7.有序集合操作示例
	zsetExample(ctx)

	//8.地理位置操作示例
	geoExample(ctx)

	//9.位图操作示例
	bitmapExample(ctx)

	//10.HyperLogLog操作示例
	hllExample(ctx)

	fmt.Println("所有示例执行完成！")
}

// 字符串操作示例
func stringExample(ctx context.Context) {
	fmt.Println("=== 字符串操作示例 ===")

	//1.设置字符串
	err := redis.Client.String.Set(ctx, "name", "CodeBuddy", time.Hour)
	if err != nil {
		log.Printf("设置字符串失败: %v", err)
		return
	}

	//2.获取字符串
	name, err := redis.Client.String.Get(ctx, "name")
	if err != nil {
		log.Printf("获取字符串失败: %v", err)
		return
	}
	fmt.Printf("获取到的名称: %s\n", name)

	//3.自增操作
	count, err := redis.Client.String.Incr(ctx, "counter")
	if err != nil {
		log.Printf("自增操作失败: %v", err)
		return
	}
	fmt.Printf("计数器值: %d\n", count)

	//4.清理数据
	redis.Client.String.Del(ctx, "name", "counter")
	fmt.Println()
}
