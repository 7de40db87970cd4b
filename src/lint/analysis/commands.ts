import type { Node } from '@vscode/tree-sitter-wasm';
import type { CommandClass } from './model';

export interface CommandInfo {
  command: string;
  cls: CommandClass;
  /** SETEX-style commands that always carry an expiry. */
  alwaysTtl?: boolean;
  /** Commands whose keys sit at every other argument (MSET k1 v1 k2 v2). */
  keyValuePairs?: boolean;
}

const c = (command: string, cls: CommandClass, extra: Partial<CommandInfo> = {}): CommandInfo => ({ command, cls, ...extra });

/**
 * Commands by name as Redis spells them (upper case). Used for command-name tokens
 * (`call('KEYS', ...)`, `Do(ctx, "SET", ...)`, Lua `redis.call('KEYS', ...)`).
 */
export const commands: Record<string, CommandInfo> = {
  KEYS: c('KEYS', 'keys'),
  FLUSHALL: c('FLUSHALL', 'flush'),
  FLUSHDB: c('FLUSHDB', 'flush'),
  SET: c('SET', 'string-write'),
  SETNX: c('SETNX', 'string-write'),
  SETEX: c('SETEX', 'string-write', { alwaysTtl: true }),
  PSETEX: c('PSETEX', 'string-write', { alwaysTtl: true }),
  MSET: c('MSET', 'string-write', { keyValuePairs: true }),
  MSETNX: c('MSETNX', 'string-write', { keyValuePairs: true }),
  GETSET: c('GETSET', 'string-write'),
  INCR: c('INCR', 'counter'),
  INCRBY: c('INCRBY', 'counter'),
  INCRBYFLOAT: c('INCRBYFLOAT', 'counter'),
  DECR: c('DECR', 'counter'),
  DECRBY: c('DECRBY', 'counter'),
  HSET: c('HSET', 'collection'),
  HMSET: c('HMSET', 'collection'),
  HSETNX: c('HSETNX', 'collection'),
  HINCRBY: c('HINCRBY', 'collection'),
  HINCRBYFLOAT: c('HINCRBYFLOAT', 'collection'),
  SADD: c('SADD', 'collection'),
  LPUSH: c('LPUSH', 'collection'),
  RPUSH: c('RPUSH', 'collection'),
  ZADD: c('ZADD', 'collection'),
  ZINCRBY: c('ZINCRBY', 'collection'),
  XADD: c('XADD', 'collection'),
  PFADD: c('PFADD', 'collection'),
  GEOADD: c('GEOADD', 'collection'),
  EXPIRE: c('EXPIRE', 'expire'),
  PEXPIRE: c('PEXPIRE', 'expire'),
  EXPIREAT: c('EXPIREAT', 'expire'),
  PEXPIREAT: c('PEXPIREAT', 'expire'),
};

/**
 * Client method names, lower-cased with `_` removed, to the command they send. Shared by the
 * clients whose methods are named after the commands (ioredis, node-redis, glide, redis-py, go-redis,
 * Jedis, Lettuce, redis-rb, phpredis, Predis); library-specific names live with their library.
 */
export const methodCommands: Record<string, CommandInfo> = {
  keys: commands.KEYS!,
  keysbuffer: commands.KEYS!,
  flushall: commands.FLUSHALL!,
  flushdb: commands.FLUSHDB!,
  set: commands.SET!,
  setnx: commands.SETNX!,
  setex: commands.SETEX!,
  psetex: commands.PSETEX!,
  mset: commands.MSET!,
  msetnx: commands.MSETNX!,
  getset: commands.GETSET!,
  incr: commands.INCR!,
  incrby: commands.INCRBY!,
  incrbyfloat: commands.INCRBYFLOAT!,
  decr: commands.DECR!,
  decrby: commands.DECRBY!,
  hset: commands.HSET!,
  hmset: commands.HMSET!,
  hsetnx: commands.HSETNX!,
  hincrby: commands.HINCRBY!,
  hincrbyfloat: commands.HINCRBYFLOAT!,
  sadd: commands.SADD!,
  lpush: commands.LPUSH!,
  rpush: commands.RPUSH!,
  zadd: commands.ZADD!,
  zincrby: commands.ZINCRBY!,
  xadd: commands.XADD!,
  pfadd: commands.PFADD!,
  geoadd: commands.GEOADD!,
  expire: commands.EXPIRE!,
  pexpire: commands.PEXPIRE!,
  expireat: commands.EXPIREAT!,
  pexpireat: commands.PEXPIREAT!,
};

export function normalizeMethod(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}

/** SET options that give the key an expiry (or keep the one it has). */
export const ttlTokens = new Set(['EX', 'PX', 'EXAT', 'PXAT', 'KEEPTTL']);

/** Command-name token of a generic call: `'KEYS'`, `"keys"`, `:keys`, `Command.KEYS`. */
export function commandFromToken(token: string): CommandInfo | undefined {
  return commands[token.toUpperCase()];
}

/** One argument of a generic command call, with its literal text when it is a literal. */
export interface Token {
  node: Node;
  literal?: string;
}

export interface TokenCommand {
  info: CommandInfo;
  keys: Node[];
  ttl: 'yes' | 'no' | 'unknown';
}

/** Interprets `['SET', key, value, 'EX', 60]`-style token lists. */
export function commandFromTokens(tokens: readonly Token[]): TokenCommand | undefined {
  const name = tokens[0]?.literal;
  const info = name === undefined ? undefined : commandFromToken(name);
  if (!info) return undefined;
  const keys: Node[] = [];
  if (info.keyValuePairs) for (let i = 1; i < tokens.length; i += 2) keys.push(tokens[i]!.node);
  else if (tokens[1]) keys.push(tokens[1].node);
  return { info, keys, ttl: setTtl(info, tokens.slice(3)) };
}

/** TTL of a write given the tokens after `key value` (for SET: EX/PX/EXAT/PXAT/KEEPTTL). */
export function setTtl(info: CommandInfo, options: readonly Token[]): 'yes' | 'no' | 'unknown' {
  if (info.alwaysTtl) return 'yes';
  if (info.command !== 'SET') return 'no';
  if (options.some((t) => t.literal !== undefined && ttlTokens.has(t.literal.toUpperCase()))) return 'yes';
  if (options.some((t) => t.literal === undefined)) return 'unknown';
  return 'no';
}
