import type { Node } from '@vscode/tree-sitter-wasm';
import type { Deadline } from '../budget';
import type { LanguageId } from '../types';
import { MAX_DEPTH } from './tree';

const MAX_RESOLUTION_DEPTH = 150;

/** One file being analysed: its text, tree, time budget and per-file caches. */
export class FileContext {
  private readonly ancestorCache = new Map<number, Node[]>();
  private readonly memos = new Map<string, Map<number | string, unknown>>();
  private depth = 0;
  private top: { nodes: Node[]; starts: number[]; ends: number[] } | undefined;

  constructor(
    readonly source: string,
    readonly root: Node,
    readonly language: LanguageId,
    readonly deadline: Deadline,
  ) {}

  text(node: Node): string {
    return this.source.slice(node.startIndex, node.endIndex);
  }

  /**
   * Ancestors of `node`, outermost first. Cached per node, and built on the cached chain of the
   * nearest ancestor already seen, so tokens of one statement share the work.
   */
  ancestors(node: Node): Node[] {
    const hit = this.ancestorCache.get(node.id);
    if (hit) return hit;
    const pending: Node[] = [node];
    let base: Node[] = [];
    for (let cur = node; pending.length < MAX_DEPTH; ) {
      const parent = cur.parent;
      if (!parent) break;
      const cached = this.ancestorCache.get(parent.id);
      if (cached) {
        base = [...cached, parent];
        break;
      }
      pending.push(parent);
      cur = parent;
    }
    // pending holds node, its parent, grandparent...; `base` is the chain of the last of them.
    let chain = base;
    for (let i = pending.length - 1; i >= 0; i--) {
      if (i < pending.length - 1) chain = [...chain, pending[i + 1]!];
      this.ancestorCache.set(pending[i]!.id, chain);
    }
    return this.ancestorCache.get(node.id)!;
  }

  parentOf(node: Node): Node | null {
    const chain = this.ancestors(node);
    return chain[chain.length - 1] ?? null;
  }

  /** The smallest node spanning [start, end), found from its top-level statement. */
  nodeAt(start: number, end: number): Node | null {
    const top = this.topLevelAt(start, end);
    return top ? top.descendantForIndex(start, end) : this.root.descendantForIndex(start, end);
  }

  /** The child of the root that spans [start, end), by binary search over the root's children. */
  private topLevelAt(start: number, end: number): Node | undefined {
    const top = (this.top ??= this.indexTopLevel());
    let lo = 0;
    let hi = top.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (top.starts[mid]! <= start) lo = mid + 1;
      else hi = mid - 1;
    }
    for (let i = hi; i >= 0 && i >= hi - 2; i--) {
      if (top.starts[i]! <= start && top.ends[i]! >= end) return top.nodes[i];
    }
    return undefined;
  }

  private indexTopLevel(): { nodes: Node[]; starts: number[]; ends: number[] } {
    const nodes = this.root.children.filter((n): n is Node => n !== null);
    return { nodes, starts: nodes.map((n) => n.startIndex), ends: nodes.map((n) => n.endIndex) };
  }


  /** Memoises `compute` per namespace and key; a re-entrant call (a cycle) sees `whileComputing`. */
  memo<T>(ns: string, key: number | string, compute: () => T, whileComputing: T): T {
    let table = this.memos.get(ns);
    if (!table) this.memos.set(ns, (table = new Map<number | string, unknown>()));
    if (table.has(key)) return table.get(key) as T;
    // Resolution chains (a = b, b = c, ...) are followed this deep; past it the answer is "not known".
    if (this.depth >= MAX_RESOLUTION_DEPTH) return whileComputing;
    table.set(key, whileComputing);
    this.depth++;
    try {
      const value = compute();
      table.set(key, value);
      return value;
    } finally {
      this.depth--;
    }
  }
}
