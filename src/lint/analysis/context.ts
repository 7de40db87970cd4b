import type { Node } from '@vscode/tree-sitter-wasm';
import type { Deadline } from '../budget';
import type { ProjectFacts } from '../project/facts';
import type { LanguageId } from '../types';
import { MAX_DEPTH } from './tree';

const MAX_RESOLUTION_DEPTH = 150;
/** A module or folder name that says Redis/Valkey (`redis`, `redis_cache`, `valkeyClient`, `redis-store`, its tests `redis_spec`). */
const REDISH_MODULE = /^(?:redis|valkey)(?:[-_.]?(?:client|cache|store|conn|connection|db|util|utils|helper|service|pool|spec|test|tests))?$/i;
/** Parent lookups through the tree for one node before its statement's parents are indexed at once. */
const DEEP_WALK = 24;
/** Marks a memo entry being computed. */
const IN_PROGRESS = Symbol('in progress');

/** A path whose file or folder name says Redis/Valkey (`cache/redis.go`, `src/database/redis/main.js`). */
export function fileNamedAfterRedis(file: string | undefined): boolean {
  if (!file) return false;
  const parts = file.split(/[\\/]/);
  const base = (parts.pop() ?? '').replace(/\.[^.]+$/, '');
  const dir = parts.pop() ?? '';
  return REDISH_MODULE.test(base) || REDISH_MODULE.test(dir);
}

/** One file being analysed: its text, tree, time budget and per-file caches. */
export class FileContext {
  private readonly ancestorCache = new Map<number, Node[]>();
  private readonly memos = new Map<string, Map<number | string, unknown>>();
  private readonly types = new Map<number, string>();
  /** Parents of nodes reached from them (`field`) or met building an ancestry. */
  private readonly parents = new Map<number, Node>();
  /** Top-level statements whose parents indexParents has recorded. */
  private readonly indexedTops = new Set<number>();
  private depth = 0;
  /**
   * Set when a memoised resolution was cut short (a cycle, or too deep): its answer may then depend
   * on where the resolution started, so a partial re-analysis cannot stand for a full one.
   */
  truncated = false;
  private top: { nodes: Node[]; starts: number[]; ends: number[] } | undefined;

  constructor(
    readonly source: string,
    readonly root: Node,
    readonly language: LanguageId,
    readonly deadline: Deadline,
    /** Facts from other files of the project (the project index); absent when linted alone. */
    readonly project?: ProjectFacts,
    /** The file's path, when the caller knows it (see LintOptions.file). */
    readonly file?: string,
  ) {}

  /** The file is a module named after Redis/Valkey: its own name or its folder's says so. */
  namedAfterRedis(): boolean {
    return fileNamedAfterRedis(this.file);
  }

  text(node: Node): string {
    return this.source.slice(node.startIndex, node.endIndex);
  }

  /**
   * The nodes that span exactly a match of `re` (a global pattern) in the text of `within`, in text
   * order: a match inside a comment, a string or a longer token spans none. Cheaper than
   * `descendantsOfType` over a large subtree, which visits every node of it: the engine uses it to
   * find declarations and assignments by the word they start with.
   */
  spelled(re: RegExp, within: Node = this.root): Node[] {
    const out: Node[] = [];
    const end = within.endIndex;
    re.lastIndex = within.startIndex;
    for (let m = re.exec(this.source); m && m.index + m[0].length <= end; m = re.exec(this.source)) {
      this.deadline.tick();
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const n = this.nodeAt(m.index, m.index + m[0].length);
      if (n && n.startIndex === m.index && n.endIndex === m.index + m[0].length) out.push(n);
    }
    return out;
  }

  /** `node.type`, cached: every read of a node property is a call into WebAssembly. */
  typeOf(node: Node): string {
    let type = this.types.get(node.id);
    if (type === undefined) this.types.set(node.id, (type = node.type));
    return type;
  }

  /**
   * Ancestors of `node`, outermost first. Cached per node, and built on the cached chain of the
   * nearest ancestor already seen, so tokens of one statement share the work; the parents found on
   * the way are kept (asking tree-sitter for a parent searches down from the root).
   */
  ancestors(node: Node): Node[] {
    const hit = this.ancestorCache.get(node.id);
    if (hit) return hit;
    // node's parent, grandparent, ... up to the first with known ancestors (or the root).
    const up: Node[] = [];
    let base: Node[] = [];
    let asked = 0;
    for (let cur = node; up.length < MAX_DEPTH - 1; ) {
      this.deadline.tick();
      let parent = this.parents.get(cur.id);
      if (!parent) {
        // `Node.parent` walks down from the root (O(depth) per call): in deeply nested code, learn
        // every parent of the statement in one walk of a cursor instead.
        if (++asked === DEEP_WALK) {
          this.indexParents(cur);
          parent = this.parents.get(cur.id);
        }
        parent ??= cur.parent ?? undefined;
      }
      if (!parent) break;
      this.parents.set(cur.id, parent);
      up.push(parent);
      const known = this.ancestorCache.get(parent.id);
      if (known) {
        base = known;
        break;
      }
      cur = parent;
    }
    const chain = base.concat(up.reverse());
    this.ancestorCache.set(node.id, chain);
    return chain;
  }

  /** Records the parent of every node of the top-level statement around `node`, walking a cursor once. */
  private indexParents(node: Node): void {
    const top = this.topLevelAt(node.startIndex, node.endIndex) ?? this.root;
    if (this.indexedTops.has(top.id)) return;
    this.indexedTops.add(top.id);
    const cursor = top.walk();
    try {
      const stack: Node[] = [cursor.currentNode];
      for (;;) {
        this.deadline.tick();
        if (cursor.gotoFirstChild()) {
          const child = cursor.currentNode;
          this.parents.set(child.id, stack[stack.length - 1]!);
          stack.push(child);
          continue;
        }
        for (;;) {
          if (stack.length <= 1) return;
          stack.pop();
          if (cursor.gotoNextSibling()) {
            const sibling = cursor.currentNode;
            this.parents.set(sibling.id, stack[stack.length - 1]!);
            stack.push(sibling);
            break;
          }
          if (!cursor.gotoParent()) return;
        }
      }
    } finally {
      cursor.delete();
    }
  }

  /** `node.childForFieldName(name)`, remembering `node` as the child's parent. */
  field(node: Node, name: string): Node | null {
    const child = node.childForFieldName(name);
    if (child) this.parents.set(child.id, node);
    return child;
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
    const known = table.get(key);
    if (known === IN_PROGRESS) {
      this.truncated = true;
      return whileComputing;
    }
    if (known !== undefined || table.has(key)) return known as T;
    // Resolution chains (a = b, b = c, ...) are followed this deep; past it the answer is "not known".
    if (this.depth >= MAX_RESOLUTION_DEPTH) {
      this.truncated = true;
      return whileComputing;
    }
    table.set(key, IN_PROGRESS);
    this.depth++;
    try {
      const value = compute();
      table.set(key, value);
      return value;
    } catch (e) {
      table.set(key, whileComputing);
      throw e;
    } finally {
      this.depth--;
    }
  }
}
