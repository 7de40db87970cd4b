import type { Node } from '@vscode/tree-sitter-wasm';
import type { CallSite, ClientRef, CommandClass, SentinelMisuse, Ttl } from './model';
import type { Range } from '../types';

/** An op as an adapter reports it; the engine adds positions and function scopes. */
export interface OpDraft {
  command: string;
  cls: CommandClass;
  /** The node whose range is reported, or an explicit range (inside a Lua string). */
  node: Node;
  range?: Range;
  offset?: number;
  keys: Node[];
  ttl: Ttl;
  via: 'method' | 'command' | 'lua';
  client: ClientRef;
  site?: CallSite;
}

/** Per-language syntax knowledge, created per file (it caches what it resolves). */
export interface Adapter {
  /** Node types of functions, methods, lambdas and blocks that scope a write and its EXPIRE. */
  readonly functionTypes: ReadonlySet<string>;
  /** Node types of string literals (a finding inside one is suppressed from the line the literal starts on). */
  readonly stringTypes: ReadonlySet<string>;
  /** The call whose method or function name is `token`. */
  callSite(token: Node): CallSite | undefined;
  /** What the call sends to the server, if its receiver is a Redis/Valkey client. */
  ops(site: CallSite): OpDraft[];
  /** The client construction that `hit` (a `26379` or `sentinel` token) configures, if it misuses Sentinel. */
  sentinelAt(hit: Node): SentinelMisuse | undefined;
  /** Canonical text of a key expression, to match a write with a later EXPIRE. */
  canonicalKey(node: Node): string;
}
