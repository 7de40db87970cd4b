export * from './redis-cache/redis-cache.service';
