import type { Node } from '@vscode/tree-sitter-wasm';
import type { FileContext } from './context';

/** Client methods named after Redis commands that no in-process map, cache or ORM spells so. */
export const REDIS_ONLY_METHODS = [
  'zadd', 'zrange', 'zrangebyscore', 'zrevrange', 'zrevrangebyscore', 'zrem', 'zremrangebyscore', 'zscore', 'zcard', 'zincrby', 'zrank',
  'hgetall', 'hget', 'hset', 'hmset', 'hmget', 'hdel', 'hincrby', 'hexists', 'hlen', 'hkeys', 'hvals',
  'lrange', 'lpush', 'rpush', 'lpop', 'rpop', 'llen', 'ltrim', 'lrem', 'lindex', 'brpop', 'blpop', 'rpoplpush',
  'sadd', 'srem', 'smembers', 'sismember', 'scard', 'spop',
  'expire', 'pexpire', 'expireat', 'pexpireat', 'setex', 'psetex', 'incrby', 'decrby', 'setnx', 'pttl', 'evalsha', 'mapped_hmset', 'mapped_mget',
];

/** `.zadd(` or, Ruby style, `.zadd 'k'` (not `.expire = 5`). */
const CALL = new RegExp(`\\.\\s*(${REDIS_ONLY_METHODS.join('|')})(?=\\s*\\(|\\s+['"@:$\\w])`, 'gi');

/**
 * The receivers in `scope` sent Redis-only commands, each with the commands it is sent: one pass over
 * the scope's text, cached per scope. `receiverAt` reads the receiver written just before a `.`
 * (`this.db`, `multi`, `@ns`), normalised by the language (`self.x` as `this.x`), or undefined.
 */
export function redisOnlyReceivers(ctx: FileContext, scope: Node, language: string, receiverAt: (before: string) => string | undefined): Map<string, Set<string>> {
  return ctx.memo(`evidence.${language}`, scope.id, () => {
    const out = new Map<string, Set<string>>();
    const text = ctx.source.slice(scope.startIndex, scope.endIndex);
    CALL.lastIndex = 0;
    for (let m = CALL.exec(text); m; m = CALL.exec(text)) {
      ctx.deadline.tick();
      const receiver = receiverAt(text.slice(Math.max(0, m.index - 120), m.index));
      if (!receiver) continue;
      let set = out.get(receiver);
      if (!set) out.set(receiver, (set = new Set()));
      set.add(m[1]!.toLowerCase());
    }
    return out;
  }, new Map<string, Set<string>>());
}

/** At least two different Redis-only commands: one alone may be a look-alike API. */
export function sentRedisCommands(receivers: Map<string, Set<string>>, receiver: string): boolean {
  return (receivers.get(receiver)?.size ?? 0) >= 2;
}
