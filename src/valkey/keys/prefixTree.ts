import type { KeyDetails } from './types';

/** A key held in the tree. `id` is its bytes as a latin1 string (see bytes.ts). */
export interface KeyEntry {
  readonly id: string;
  details?: KeyDetails | undefined;
}

/** Keys sharing a prefix: `session:` holds `session:1`, and `session:eu:` below it holds `session:eu:7`. */
export interface KeyGroup {
  /** The whole prefix with its trailing delimiter, as a latin1 id; "" for the root. */
  readonly prefix: string;
  /** The last segment, without the delimiter. */
  readonly segment: string;
  readonly parent: KeyGroup | undefined;
  readonly groups: Map<string, KeyGroup>;
  readonly keys: Map<string, KeyEntry>;
  /** Keys seen under this prefix so far, held or not. */
  count: number;
  /** Keys seen under this prefix that the tree had no room to hold below it. */
  unlisted: number;
}

export interface PrefixTreeOptions {
  /** Default ":". */
  readonly delimiter?: string | undefined;
  /** Groups plus keys the tree may hold. Default 5000. */
  readonly maxNodes?: number | undefined;
}

export const DEFAULT_MAX_NODES = 5000;

/**
 * Keys grouped by prefix segments, holding at most `maxNodes` nodes (groups and keys): once full,
 * a new key only counts, in every group along its prefix that exists, and as "unlisted" in the
 * deepest one — that group then reads "… 12,345 more keys under session:". Memory stays bounded
 * however large the keyspace is.
 */
export class PrefixTree {
  readonly root: KeyGroup = newGroup('', '', undefined);
  readonly delimiter: string;
  readonly maxNodes: number;
  private nodes = 0;
  private readonly delimiterId: string;

  constructor(options: PrefixTreeOptions = {}) {
    this.delimiter = options.delimiter ?? ':';
    this.delimiterId = Buffer.from(this.delimiter, 'utf8').toString('latin1');
    this.maxNodes = Math.max(1, options.maxNodes ?? DEFAULT_MAX_NODES);
  }

  /** Groups plus keys held. */
  get nodeCount(): number {
    return this.nodes;
  }

  get full(): boolean {
    return this.nodes >= this.maxNodes;
  }

  /** Keys seen in all. */
  get count(): number {
    return this.root.count;
  }

  /** Adds a newly seen key (callers deduplicate). True when the tree holds it as a node. */
  add(id: string): boolean {
    let group = this.root;
    group.count++;
    for (const prefix of this.prefixes(id)) {
      let child = group.groups.get(prefix);
      if (!child) {
        if (this.full) {
          group.unlisted++;
          return false;
        }
        child = newGroup(prefix, prefix.slice(group.prefix.length, prefix.length - this.delimiterId.length), group);
        group.groups.set(prefix, child);
        this.nodes++;
      }
      child.count++;
      group = child;
    }
    if (this.full) {
      group.unlisted++;
      return false;
    }
    group.keys.set(id, { id });
    this.nodes++;
    return true;
  }

  /** The held key, if the tree holds it. */
  entry(id: string): KeyEntry | undefined {
    return this.groupOf(id)?.keys.get(id);
  }

  /** Forgets a deleted key: counts go down, and groups left empty go away. */
  remove(id: string): void {
    const path: KeyGroup[] = [this.root];
    for (const prefix of this.prefixes(id)) {
      const child = path.at(-1)!.groups.get(prefix);
      if (!child) break;
      path.push(child);
    }
    const deepest = path.at(-1)!;
    if (deepest.keys.delete(id)) this.nodes--;
    else if (deepest.unlisted > 0) deepest.unlisted--;
    else return;
    for (const g of path) g.count--;
    for (let i = path.length - 1; i > 0; i--) {
      const g = path[i]!;
      if (g.count > 0) break;
      g.parent!.groups.delete(g.prefix);
      this.nodes--;
    }
  }

  /** The group with this prefix id ("" is the root). */
  group(prefix: string): KeyGroup | undefined {
    let group = this.root;
    for (const p of this.prefixes(prefix + '\u0000')) {
      const child = group.groups.get(p);
      if (!child) return undefined;
      group = child;
    }
    return group.prefix === prefix ? group : undefined;
  }

  /** A group's children in display order: groups by segment, then keys by name, numbers numerically. */
  children(group: KeyGroup): { groups: KeyGroup[]; keys: KeyEntry[] } {
    const groups = [...group.groups.values()].sort((a, b) => compare(a.segment, b.segment));
    const rest = group.prefix.length;
    const keys = [...group.keys.values()].sort((a, b) => compare(a.id.slice(rest), b.id.slice(rest)) || compare(a.id, b.id));
    return { groups, keys };
  }

  /** The deepest held group along the key's prefix path: where it is listed or counted. */
  groupOf(id: string): KeyGroup | undefined {
    let group = this.root;
    for (const prefix of this.prefixes(id)) {
      const child = group.groups.get(prefix);
      if (!child) return group;
      group = child;
    }
    return group;
  }

  /** `a:b:c` → `a:`, `a:b:` (each prefix ends with the delimiter; the key itself is not one). */
  private *prefixes(id: string): Generator<string> {
    const d = this.delimiterId;
    if (d === '') return;
    let from = 0;
    for (;;) {
      const at = id.indexOf(d, from);
      // A key ending with the delimiter (`a:`) is a key, not a group.
      if (at < 0 || at + d.length === id.length) return;
      yield id.slice(0, at + d.length);
      from = at + d.length;
    }
  }
}

function newGroup(prefix: string, segment: string, parent: KeyGroup | undefined): KeyGroup {
  return { prefix, segment, parent, groups: new Map(), keys: new Map(), count: 0, unlisted: 0 };
}

/**
 * Numbers in names sort as numbers (`user:2` before `user:10`), the rest by code unit. Hex names
 * (ids, hashes: `0000b99a`, `000b5bc2`) sort character by character: read as numbers their digit
 * runs would put `0000b99a` between `000b5bc2` and `000b99a0`.
 */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });
const HEX = /^[0-9a-f]*[a-f][0-9a-f]*$|^[0-9A-F]*[A-F][0-9A-F]*$/;
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const compare = (a: string, b: string): number => (HEX.test(a) && HEX.test(b) && /\d/.test(a + b) ? byCodeUnit(a, b) : collator.compare(a, b) || byCodeUnit(a, b));
