module go-redis-demo

go 1.24
