import type { Node } from '@vscode/tree-sitter-wasm';
import type { LanguageId, Range, RelatedLocation } from '../types';

/** Client libraries the engine knows; `unknown` is a receiver recognised by its name only. */
export type Lib =
  | 'ioredis'
  | 'node-redis'
  | 'glide'
  | 'redis-py'
  | 'go-redis'
  | 'valkey-go'
  | 'redigo'
  | 'jedis'
  | 'lettuce'
  | 'spring'
  | 'redis-rb'
  | 'phpredis'
  | 'predis'
  | 'laravel'
  | 'stackexchange'
  | 'csredis'
  | 'freeredis'
  | 'servicestack'
  | 'redisson'
  | 'glide-java'
  | 'unknown';

/** What a receiver is: a client (or pipeline/transaction of one), or one of a library's helper objects. */
export type Role =
  | 'client'
  | 'pipeline'
  | 'server'
  | 'builder'
  | 'template'
  | 'connection'
  | 'value-ops'
  | 'hash-ops'
  | 'list-ops'
  | 'set-ops'
  | 'zset-ops';

export interface ClientRef {
  lib: Lib;
  role: Role;
  /** 'strong': traced to an import, constructor, factory or declared type; 'weak': by its name only. */
  strength: 'strong' | 'weak';
  /** The asyncio flavour of redis-py / valkey-py. */
  async?: boolean;
}

/** What an expression evaluates to, as far as the engine can tell. */
export type Value =
  | { t: 'client'; ref: ClientRef }
  /** Something from a client library that is not itself a client: a module, class, factory, type, pool... */
  | { t: 'lib'; lib: Lib; what: string; async?: boolean }
  | { t: 'other' }
  | { t: 'unknown' };

export const UNKNOWN: Value = { t: 'unknown' };
export const OTHER: Value = { t: 'other' };

export interface Arg {
  node: Node;
  /** Keyword / named argument name (Python `ex=`, C# `expiry:`, PHP `name:`), else undefined. */
  name?: string;
  /** `...args`, `*args`, `**kwargs`, `&block`: the engine cannot see what it holds. */
  spread?: boolean;
}

export interface CallSite {
  /** The whole call expression. */
  call: Node;
  /** The method / function name token. */
  nameNode: Node;
  name: string;
  /** Receiver expression, null for a bare function call. */
  receiver: Node | null;
  args: Arg[];
  /** The argument list node (with its parentheses where the language writes them). */
  argsNode: Node | null;
  /** Ruby block / trailing closure, when present. */
  block?: Node | null;
}

export type CommandClass = 'keys' | 'flush' | 'string-write' | 'counter' | 'collection' | 'expire' | 'script' | 'other';

export type Ttl = 'yes' | 'no' | 'unknown';

/**
 * Where the engine found an op or a misuse: the word of the text it started from (a method name,
 * `26379`, `sentinel`), the outermost function around that word (null at the top level of the file),
 * and the order a fresh lint lists it in among findings at the same position.
 */
export interface Origin {
  hit: number;
  unit: Node | null;
  /** [op offset, hit offset, index among the ops of one call]; compared element by element. */
  order: readonly [number, number, number];
}

/** One command the code sends to the server. */
export interface Op extends Origin {
  command: string;
  cls: CommandClass;
  range: Range;
  /** Start offset of the command in the source, for "later in the function" comparisons. */
  offset: number;
  keys: Node[];
  ttl: Ttl;
  /** Enclosing function nodes' ids, innermost first; empty at the top level of the file. */
  fnChain: number[];
  /** The innermost enclosing function node, null at top level. */
  fn: Node | null;
  /** The outermost enclosing function node, null at top level. */
  outerFn: Node | null;
  via: 'method' | 'command' | 'lua';
  client: ClientRef;
  site?: CallSite;
  /** Other places that explain the op: the command inside a project wrapper the op's call goes through. */
  related?: RelatedLocation[];
}

/** A client constructed with the Sentinel address as if Sentinel were the server. */
export interface SentinelMisuse {
  node: Node;
  range: Range;
  lib: Lib;
  evidence: string;
}

export interface FoundMisuse extends SentinelMisuse, Origin {}

export interface FileModel {
  language: LanguageId;
  ops: Op[];
  sentinel: FoundMisuse[];
  /** The outermost functions holding a call-site or Sentinel word the engine looked at (not one in a comment or string). */
  units: Node[];
}
