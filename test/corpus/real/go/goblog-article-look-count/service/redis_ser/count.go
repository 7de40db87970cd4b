package redis_ser

import (
	"goblog_server/global"
	"strconv"
)

type CountDB struct {
	Index string // 索引
}

// Set 设置某一个数据，重复执行，重复累加
func (c CountDB) Set(id string) error {
	num, _ := global.Redis.HGet(c.Index, id).Int()
	num++
	err := global.Redis.HSet(c.Index, id, num).Err()
	return err
}

// SetCount 加一个值
func (c CountDB) SetCount(id string, count int) error {
	num, _ := global.Redis.HGet(c.Index, id).Int()
	num += count
	err := global.Redis.HSet(c.Index, id, num).Err()
	return err
}

// Get 获取某个的数据
func (c CountDB) Get(id string) int {
	num, _ := global.Redis.HGet(c.Index, id).Int()
	return num
}

// GetInfo 取出数据
func (c CountDB) GetInfo() map[string]int {
	var DiggInfo = map[string]int{}
	maps := global.Redis.HGetAll(c.Index).Val()
	for id, val := range maps {
		num, _ := strconv.Atoi(val)
		DiggInfo[id] = num
	}
	return DiggInfo
}

func (c CountDB) Clear() {
	global.Redis.Del(c.Index)
}
