import type { Node } from '@vscode/tree-sitter-wasm';
import type { Adapter, OpDraft } from './adapter';
import type { FileContext } from './context';
import type { FileModel, FoundMisuse, Op } from './model';
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
 *
 * `include` limits the words looked at (by offset) when a re-lint re-uses what an earlier analysis
 * found in the functions an edit did not touch.
 */
export function analyzeFile(ctx: FileContext, adapter: Adapter, callWords: readonly string[], include?: (offset: number) => boolean): FileModel {
  const ops: Op[] = [];
  const units = new Map<number, Node>();
  const unitOf = (token: Node): Node | null => {
    const unit = outermostFunction(ctx, adapter, token);
    if (unit) units.set(unit.id, unit);
    return unit;
  };
  const seenCalls = new Set<number>();
  const re = wordPattern(callWords);
  re.lastIndex = 0;
  const { source } = ctx;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    ctx.deadline.tick();
    const start = m.index;
    if (include && !include(start)) continue;
    const end = start + m[0].length;
    const token = ctx.nodeAt(start, end);
    if (!token || token.startIndex !== start || token.endIndex !== end) continue;
    const unit = unitOf(token);
    const site = adapter.callSite(token);
    if (!site || seenCalls.has(site.call.id)) continue;
    seenCalls.add(site.call.id);
    adapter.ops(site).forEach((draft, index) => ops.push(finishOp(ctx, adapter, draft, start, unit, index)));
  }
  const sentinel: FoundMisuse[] = [];
  const seenConstructions = new Set<number>();
  SENTINEL_EVIDENCE.lastIndex = 0;
  for (let m = SENTINEL_EVIDENCE.exec(source); m; m = SENTINEL_EVIDENCE.exec(source)) {
    ctx.deadline.tick();
    if (include && !include(m.index)) continue;
    const hit = ctx.nodeAt(m.index, m.index + m[0].length);
    if (!hit || hit.childCount > 0) continue;
    const unit = unitOf(hit);
    const misuse = adapter.sentinelAt(hit);
    if (!misuse || seenConstructions.has(misuse.node.id)) continue;
    seenConstructions.add(misuse.node.id);
    sentinel.push({ ...misuse, hit: m.index, unit, order: [0, m.index, 0] });
  }
  ops.sort((a, b) => a.offset - b.offset);
  return { language: ctx.language, ops, sentinel, units: [...units.values()] };
}

function finishOp(ctx: FileContext, adapter: Adapter, d: OpDraft, hit: number, unit: Node | null, index: number): Op {
  const fns = enclosingFunctions(ctx, adapter, d.node);
  const offset = d.offset ?? d.node.startIndex;
  return {
    command: d.command,
    cls: d.cls,
    range: d.range ?? rangeOf(d.node),
    offset,
    keys: d.keys,
    ttl: d.ttl,
    fnChain: fns.map((f) => f.id),
    fn: fns[0] ?? null,
    outerFn: fns[fns.length - 1] ?? null,
    via: d.via,
    client: d.client,
    ...(d.site ? { site: d.site } : {}),
    ...(d.related ? { related: d.related } : {}),
    hit,
    unit,
    order: [offset, hit, index],
  };
}

/** Enclosing function-like nodes, innermost first. */
export function enclosingFunctions(ctx: FileContext, adapter: Adapter, node: Node): Node[] {
  const out: Node[] = [];
  const chain = ctx.ancestors(node);
  for (let i = chain.length - 1; i >= 0; i--) {
    const n = chain[i]!;
    if (adapter.functionTypes.has(ctx.typeOf(n))) out.push(n);
  }
  return out;
}

/** The outermost function-like node around `node`, or null at the top level. */
function outermostFunction(ctx: FileContext, adapter: Adapter, node: Node): Node | null {
  for (const n of ctx.ancestors(node)) if (adapter.functionTypes.has(ctx.typeOf(n))) return n;
  return null;
}
