import type { Node } from '@vscode/tree-sitter-wasm';
import type { Adapter } from './adapter';
import type { FileContext } from './context';
import type { Op } from './model';

const WRITE_CLASSES = new Set(['string-write', 'counter', 'collection']);
const EXPIRY_WORD = /\b\w*(?:expir|ttl)\w*\b/gi;
/** Commands and getters that read a key's expiry without setting one (`multi.incr(k).pttl(k)`). */
export const READS_TTL = /^(?:p?ttl|get_?p?ttl|p?expire_?time)$/i;

/**
 * Writes that create a key without an expiry when nothing later in the same function sets one for
 * that key: an EXPIRE-family op on the same key expression (also through a pipeline or MULTI chain
 * or a callback nested in the function), or a call of a helper whose name speaks of expiry or TTL
 * with the key as an argument (`touchTtl(key)`, `self._expire(key)`).
 */
export function writesWithoutTtl(ops: readonly Op[], ctx: FileContext, adapter: Adapter): Op[] {
  const expires = ops.filter((o) => o.cls === 'expire');
  const canon = (n: Op['keys'][number]): string => ctx.memo('canon', n.id, () => adapter.canonicalKey(n), ctx.text(n));
  const out: Op[] = [];
  for (const w of ops) {
    if (!WRITE_CLASSES.has(w.cls) || w.ttl !== 'no') continue;
    const keys = new Set(w.keys.map(canon));
    if (w.cls === 'counter' && keys.size === 1 && knownToExist(w, [...keys][0]!, ops, ctx, adapter, canon)) continue;
    // A counter on a key a SET/MSET of the same function created earlier keeps that key's TTL: the
    // finding (if any) is that write's.
    if (w.cls === 'counter' && adapter.counterOnCreatedKeyKeepsTtl === true && createdBefore(w, ops, ctx, canon)) continue;
    // A key the engine cannot see (`args...`) is taken as satisfied by any later EXPIRE in the function.
    const unknownKey = keys.size === 0;
    const later = expires.filter((e) => e.offset > w.offset && sameFunction(w, e));
    // Every key of a multi-key write (MSET k1 v1 k2 v2) needs its own EXPIRE.
    const expired = new Set(later.flatMap((e) => (e.keys[0] !== undefined ? [canon(e.keys[0])] : [])));
    const satisfied = (unknownKey ? later.length > 0 : [...keys].every((k) => expired.has(k))) || helperSetsExpiry(w, keys, ctx, adapter, canon, unknownKey);
    if (!satisfied) out.push(w);
  }
  return out;
}

/** Node types of branches: a write under one may not have run before a later counter. */
const BRANCH = /if|else|elif|case|when|switch|conditional|ternary|catch|rescue|except|unless/;

/** A SET/MSET earlier in the same function and not in a branch the counter is outside of created the counter's key. */
function createdBefore(w: Op, ops: readonly Op[], ctx: FileContext, canon: (n: Op['keys'][number]) => string, counters = false): boolean {
  const bare = (s: string) => s.replace(/^['"`:]|['"`]$/g, '');
  const keys = new Set(w.keys.map((k) => bare(canon(k))));
  if (keys.size === 0) return false;
  return ops.some((o) => {
    if (o === w || !(o.cls === 'string-write' || (counters && o.cls === 'counter')) || o.offset >= w.offset || !sameFunction(w, o) || !o.keys.some((k) => keys.has(bare(canon(k))))) return false;
    if (!o.site) return true;
    const chain = ctx.ancestors(o.site.call);
    for (let i = chain.length - 1; i >= 0; i--) {
      const a = chain[i]!;
      if (a.startIndex <= w.offset && a.endIndex > w.offset) return true;
      if (BRANCH.test(ctx.typeOf(a))) return false;
    }
    return false;
  });
}

/** The EXPIRE runs in the write's function, in a function nested in it, or in one that encloses it. */
function sameFunction(w: Op, e: Op): boolean {
  if (w.fnChain.length === 0 || e.fnChain.length === 0) return w.fnChain.length === e.fnChain.length;
  return e.fnChain.includes(w.fnChain[0]!) || w.fnChain.includes(e.fnChain[0]!);
}

function helperSetsExpiry(w: Op, keys: Set<string>, ctx: FileContext, adapter: Adapter, canon: (n: Op['keys'][number]) => string, anyKey: boolean): boolean {
  const scope = adapter.expiryScope?.(w) ?? w.outerFn ?? ctx.root;
  const calls = ctx.memo('expiryCalls', scope.id, () => expiryCalls(scope, ctx, adapter), []);
  const later = calls.filter((c) => c.offset > w.offset);
  if (anyKey) return later.length > 0;
  // Every key of the write has a call that names it (a literal id the helper builds the key from counts: `ExpireJob("my-job")` for "{hangfire}:job:my-job").
  return [...keys].every((k) => later.some((c) => c.args.some((a) => canon(a) === k || namesPartOf(ctx.text(a), k))));
}

/** A string literal argument (of 3+ characters) that is part of a literal key: the helper derives the key from it. */
function namesPartOf(arg: string, key: string): boolean {
  const m = /^(["'`])([\w:.\-{}]{3,})\1$/.exec(arg.trim());
  return m !== null && /^(["'`]).*\1$/.test(key) && key.includes(m[2]!);
}

/**
 * Calls in `scope` whose name speaks of expiry or TTL, or that the project index or the adapter
 * knows as TTL helpers (`touch(key)` sends EXPIRE on its parameter), found like the engine finds
 * every call: by name, then on the tree.
 */
function expiryCalls(scope: Node, ctx: FileContext, adapter: Adapter): { args: Node[]; offset: number }[] {
  const out: { args: Node[]; offset: number }[] = [];
  const text = ctx.source.slice(scope.startIndex, scope.endIndex);
  const helpers = [...(adapter.ttlHelperNames?.() ?? [])].filter((n) => /^[A-Za-z_]\w*$/.test(n));
  const scan = (words: RegExp, wanted: (word: string) => boolean) => {
    words.lastIndex = 0;
    for (let m = words.exec(text); m; m = words.exec(text)) {
      const word = m[0];
      if (!wanted(word)) continue;
      const start = scope.startIndex + m.index;
      const token = ctx.nodeAt(start, start + word.length);
      if (!token || token.startIndex !== start || token.endIndex !== start + word.length) continue;
      const site = adapter.callSite(token);
      if (site) out.push({ args: site.args.map((a) => a.node), offset: start });
    }
  };
  scan(helpers.length ? new RegExp(`\\b(?:\\w*(?:expir|ttl)\\w*|${helpers.join('|')})\\b`, 'gi') : EXPIRY_WORD, (w) => !READS_TTL.test(w));
  const project = ctx.project;
  if (project) scan(CALLED_WORD, (w) => !/expir|ttl/i.test(w) && !helpers.includes(w) && project.isTtlHelper(w));
  return out;
}

/** A word followed by `(`: a call of a function or method of that name. */
const CALLED_WORD = /\b[A-Za-z_]\w*(?=\s*\()/g;

const EXISTS_WORD = /\b(?:IsExists?|isExists?|Exists?|exists?|KeyExists|KeyExistsAsync|has_?key|hasKey)\b/g;

/**
 * INCR/DECR keep an existing key's TTL (or its lack of one): a counter on a key the function wrote
 * before (the write is the finding) or checked with an EXISTS-like call creates nothing.
 */
function knownToExist(w: Op, key: string, ops: readonly Op[], ctx: FileContext, adapter: Adapter, canon: (n: Op['keys'][number]) => string): boolean {
  // Created earlier in the function, on the counter's path (not in a branch the counter is outside of).
  if (createdBefore(w, ops, ctx, canon, true)) return true;
  const scope = w.fn ?? ctx.root;
  const text = ctx.source.slice(scope.startIndex, w.offset);
  EXISTS_WORD.lastIndex = 0;
  for (let m = EXISTS_WORD.exec(text); m; m = EXISTS_WORD.exec(text)) {
    const start = scope.startIndex + m.index;
    const token = ctx.nodeAt(start, start + m[0].length);
    if (!token || token.startIndex !== start) continue;
    const site = adapter.callSite(token);
    // `if !c.IsExist(key) { return err }; c.c.Incr(c.prefix + key)`: the checked name is part of the key.
    if (site?.args.some((a) => a.node.type === 'identifier' || a.node.type === 'variable_name' ? new RegExp(`(?<![\\w$])${ctx.text(a.node).replace(/\$/g, '\\$')}(?![\\w])`).test(key) : canon(a.node) === key)) return true;
  }
  return false;
}
