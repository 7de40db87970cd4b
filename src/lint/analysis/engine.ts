import type { Node } from '@vscode/tree-sitter-wasm';
import type { Adapter, OpDraft } from './adapter';
import type { FileContext } from './context';
import type { FileModel, Op, SentinelMisuse } from './model';
import { rangeOf } from './tree';

const wordPatterns = new Map<string, RegExp>();

function wordPattern(words: readonly string[]): RegExp {
  const key = words.join('|');
  let re = wordPatterns.get(key);
  if (!re) {
    re = new RegExp(`\\b(?:${key})\\b`, 'gi');
    wordPatterns.set(key, re);
  }
  return re;
}

const SENTINEL_EVIDENCE = /26379|sentinel/gi;

/**
 * Finds the ops and Sentinel misuses in one file. Tree-sitter offers no index of identifiers by
 * name, and turning every node into a JavaScript object costs about as much as parsing; so the
 * engine lists where the words it cares about occur in the text, asks the syntax tree what sits at
 * each place (`descendantForIndex`), and only decides on the tree: a word inside a comment, a
 * string or a longer identifier is not the identifier it looks for and is dropped.
 */
export function analyzeFile(ctx: FileContext, adapter: Adapter, callWords: readonly string[]): FileModel {
  const ops: Op[] = [];
  const seenCalls = new Set<number>();
  const re = wordPattern(callWords);
  re.lastIndex = 0;
  const { source } = ctx;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    ctx.deadline.tick();
    const start = m.index;
    const end = start + m[0].length;
    const token = ctx.nodeAt(start, end);
    if (!token || token.startIndex !== start || token.endIndex !== end) continue;
    const site = adapter.callSite(token);
    if (!site || seenCalls.has(site.call.id)) continue;
    seenCalls.add(site.call.id);
    for (const draft of adapter.ops(site)) ops.push(finishOp(ctx, adapter, draft));
  }
  const sentinel: SentinelMisuse[] = [];
  const seenConstructions = new Set<number>();
  SENTINEL_EVIDENCE.lastIndex = 0;
  for (let m = SENTINEL_EVIDENCE.exec(source); m; m = SENTINEL_EVIDENCE.exec(source)) {
    ctx.deadline.tick();
    const hit = ctx.nodeAt(m.index, m.index + m[0].length);
    if (!hit || hit.childCount > 0) continue;
    const misuse = adapter.sentinelAt(hit);
    if (!misuse || seenConstructions.has(misuse.node.id)) continue;
    seenConstructions.add(misuse.node.id);
    sentinel.push(misuse);
  }
  ops.sort((a, b) => a.offset - b.offset);
  return { language: ctx.language, ops, sentinel };
}

function finishOp(ctx: FileContext, adapter: Adapter, d: OpDraft): Op {
  const fns = enclosingFunctions(ctx, adapter, d.node);
  return {
    command: d.command,
    cls: d.cls,
    range: d.range ?? rangeOf(d.node),
    offset: d.offset ?? d.node.startIndex,
    keys: d.keys,
    ttl: d.ttl,
    fnChain: fns.map((f) => f.id),
    fn: fns[0] ?? null,
    outerFn: fns[fns.length - 1] ?? null,
    via: d.via,
    client: d.client,
    ...(d.site ? { site: d.site } : {}),
  };
}

/** Enclosing function-like nodes, innermost first. */
export function enclosingFunctions(ctx: FileContext, adapter: Adapter, node: Node): Node[] {
  const out: Node[] = [];
  const chain = ctx.ancestors(node);
  for (let i = chain.length - 1; i >= 0; i--) {
    const n = chain[i]!;
    if (adapter.functionTypes.has(n.type)) out.push(n);
  }
  return out;
}
