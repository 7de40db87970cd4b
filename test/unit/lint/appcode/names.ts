/** Seeded names, words and numbers for the generated application code. */

/** mulberry32: small, seeded, so a generated corpus is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = ['order', 'invoice', 'customer', 'product', 'account', 'payment', 'report', 'shipment', 'ticket', 'profile', 'article', 'booking', 'device', 'vendor', 'coupon', 'review', 'budget', 'upload', 'metric', 'employee', 'lesson', 'route', 'warehouse', 'contract'];
const VERBS = ['load', 'save', 'compute', 'validate', 'format', 'parse', 'merge', 'filter', 'build', 'resolve', 'update', 'sync', 'render', 'collect', 'normalize', 'group', 'rank', 'apply', 'export', 'import'];
const FIELDS = ['total', 'amount', 'count', 'price', 'quantity', 'score', 'weight', 'status', 'region', 'owner', 'label', 'createdAt', 'priority', 'balance', 'rating', 'size'];

/** Names and literals drawn from one seeded generator; `n` keeps declared names unique in a file. */
export class Names {
  private n = 0;
  constructor(readonly rnd: () => number) {}
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)]!;
  }
  int(max: number): number {
    return 1 + Math.floor(this.rnd() * max);
  }
  noun(): string {
    return this.pick(NOUNS);
  }
  verb(): string {
    return this.pick(VERBS);
  }
  field(): string {
    return this.pick(FIELDS);
  }
  /** A unique camelCase function name: `computeOrderTotals12`. */
  fn(): string {
    return `${this.pick(VERBS)}${cap(this.noun())}${cap(this.pick(['items', 'totals', 'list', 'index', 'summary', 'batch', 'view', 'rows']))}${++this.n}`;
  }
  /** A unique PascalCase type name: `InvoiceRegistry7`. */
  type(): string {
    return `${cap(this.noun())}${this.pick(['Registry', 'Service', 'Builder', 'Repository', 'Manager', 'Tracker', 'Formatter', 'Index'])}${++this.n}`;
  }
  word(): string {
    return this.pick(['pending', 'active', 'archived', 'draft', 'paid', 'failed', 'shipped', 'open', 'closed']);
  }
}

export function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

export function snake(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export type Template = (g: Names) => string;
