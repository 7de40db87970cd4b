import { cap, type Template } from './names';

/** JavaScript, TypeScript and TSX application code: `...Calls` call methods named like Redis commands on their own objects, `...Plain` do not. */
export const javascriptCalls: Template[] = [
  (g) => {
    const [items, acc, f] = [`${g.noun()}s`, g.field(), g.field()];
    return `function ${g.fn()}(${items}, factor) {
  let ${acc} = 0;
  for (const item of ${items}) {
    if (item.${f} > ${g.int(100)}) {
      ${acc} += item.${f} * factor;
    } else {
      ${acc} -= ${g.int(9)};
    }
  }
  return Math.round(${acc} * 100) / 100;
}
`;
  },
  (g) => {
    const n = g.noun();
    return `class ${g.type()} {
  constructor(options = {}) {
    this.entries = new Map();
    this.seen = new Set();
    this.limit = options.limit ?? ${g.int(500)};
  }

  add(id, ${n}) {
    if (this.entries.size >= this.limit) {
      const oldest = this.entries.keys().next().value;
      this.entries.delete(oldest);
    }
    this.entries.set(id, ${n});
    this.seen.add(id);
    return this;
  }

  get(id) {
    return this.entries.has(id) ? this.entries.get(id) : undefined;
  }

  ids() {
    return [...this.seen].filter((id) => this.entries.has(id)).sort();
  }
}
`;
  },
  (g) => `function ${g.fn()}(record) {
  const out = {};
  for (const key of Object.keys(record)) {
    const value = record[key];
    out[key.toLowerCase()] = typeof value === 'string' ? value.trim() : value;
  }
  return Object.entries(out).filter(([, v]) => v !== undefined && v !== null).length > ${g.int(5)} ? out : null;
}
`,
  (g) => {
    const n = g.noun();
    const f = g.field();
    return `async function ${g.fn()}(id, options = {}) {
  const url = \`\${options.baseUrl ?? '/api'}/${n}s/\${encodeURIComponent(id)}\`;
  try {
    const res = await fetch(url, { method: 'GET', headers: { accept: 'application/json' } });
    if (!res.ok) {
      throw new Error(\`${n} \${id}: HTTP \${res.status}\`);
    }
    const body = await res.json();
    return body.items.filter((x) => x.${f} !== undefined).map((x) => ({ id: x.id, ${f}: x.${f} }));
  } catch (err) {
    console.error('could not ${g.verb()} ${n}', err);
    return [];
  }
}
`;
  },
  (g) => `function ${g.fn()}(entry) {
  switch (entry.status) {
    case '${g.word()}':
      return { ok: true, next: '${g.word()}' };
    case '${g.word()}':
    case '${g.word()}':
      return { ok: false, reason: 'status' };
    default:
      return { ok: entry.${g.field()} > ${g.int(50)}, next: null };
  }
}
`,
  (g) => `const ${g.fn()} = (handlers, name, ...args) => {
  const list = handlers.get(name) ?? [];
  handlers.set(name, list);
  return list.map((handler) => handler.call(null, ...args)).filter(Boolean);
};
`,
  (g) => {
    const f = g.field();
    return `function ${g.fn()}(rows) {
  const groups = rows.reduce((acc, row) => {
    const key = String(row.${f} ?? 'none');
    (acc[key] ||= []).push(row);
    return acc;
  }, {});
  return Object.keys(groups).sort().map((key) => \`\${key}: \${groups[key].length}\`).join('\\n');
}
`;
  },
];

export const typescriptCalls: Template[] = [
  (g) => {
    const t = g.type();
    const f = g.field();
    return `export interface ${t}Options {
  limit?: number;
  label: string;
  tags: readonly string[];
}

export class ${t} {
  private readonly entries = new Map<string, { ${f}: number; at: number }>();
  private readonly seen = new Set<string>();

  constructor(private readonly options: ${t}Options) {}

  add(id: string, ${f}: number): this {
    if (this.entries.size >= (this.options.limit ?? ${g.int(500)})) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(id, { ${f}, at: Date.now() });
    this.seen.add(id);
    return this;
  }

  get(id: string): number | undefined {
    return this.entries.get(id)?.${f};
  }

  ids(): string[] {
    return [...this.seen].filter((id) => this.entries.has(id)).sort();
  }
}
`;
  },
  (g) => {
    const f = g.field();
    return `export function ${g.fn()}(items: ReadonlyArray<{ ${f}: number; id: string }>, factor: number): number {
  let total = 0;
  for (const item of items) {
    if (item.${f} > ${g.int(100)}) {
      total += item.${f} * factor;
    } else {
      total -= ${g.int(9)};
    }
  }
  return Math.round(total * 100) / 100;
}
`;
  },
  (g) => `export function ${g.fn()}(record: Record<string, unknown>): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const value = record[key];
    out[key.toLowerCase()] = typeof value === 'string' ? value.trim() : value;
  }
  return Object.keys(out).length > ${g.int(5)} ? out : null;
}
`,
  (g) => {
    const n = g.noun();
    const f = g.field();
    return `export async function ${g.fn()}(id: string, baseUrl = '/api'): Promise<Array<{ id: string; ${f}: number }>> {
  const url = \`\${baseUrl}/${n}s/\${encodeURIComponent(id)}\`;
  try {
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(\`${n} \${id}: HTTP \${res.status}\`);
    const body = (await res.json()) as { items: Array<{ id: string; ${f}?: number }> };
    return body.items.flatMap((x) => (x.${f} === undefined ? [] : [{ id: x.id, ${f}: x.${f} }]));
  } catch (err: unknown) {
    console.error('could not ${g.verb()} ${n}', err instanceof Error ? err.message : err);
    return [];
  }
}
`;
  },
  (g) => {
    const t = g.type();
    return `export type ${t}Status = '${g.word()}' | '${g.word()}' | '${g.word()}';

export function ${g.fn()}(status: ${t}Status, weight: number): { ok: boolean; next: ${t}Status | null } {
  switch (status) {
    case '${g.word()}':
      return { ok: weight > ${g.int(50)}, next: null };
    default:
      return { ok: true, next: status };
  }
}
`;
  },
  (g) => `export function ${g.fn()}<T>(handlers: Map<string, Array<(...args: T[]) => unknown>>, name: string, ...args: T[]): unknown[] {
  const list = handlers.get(name) ?? [];
  handlers.set(name, list);
  return list.map((handler) => handler.call(undefined, ...args)).filter(Boolean);
}
`,
];

export const tsxCalls: Template[] = [
  ...typescriptCalls,
  (g) => {
    const c = g.type();
    const f = g.field();
    return `export function ${c}View({ rows, onSelect }: { rows: Array<{ id: string; ${f}: number }>; onSelect: (id: string) => void }) {
  const [selected, setSelected] = useState<string | null>(null);
  const visible = useMemo(() => rows.filter((r) => r.${f} > ${g.int(20)}), [rows]);
  return (
    <ul className="${g.noun()}-list">
      {visible.map((row) => (
        <li key={row.id} className={row.id === selected ? 'selected' : undefined} onClick={() => { setSelected(row.id); onSelect(row.id); }}>
          {row.id}: {row.${f}}
        </li>
      ))}
    </ul>
  );
}
`;
  },
];

export const javascriptPlain: Template[] = [
  (g) => {
    const f = g.field();
    return `function ${g.fn()}(input) {
  if (typeof input !== 'object' || input === null) {
    return { valid: false, errors: ['not an object'] };
  }
  const errors = [];
  if (!/^[a-z0-9-]{3,40}$/.test(String(input.slug ?? ''))) errors.push('slug');
  if (!Number.isFinite(input.${f}) || input.${f} < 0) errors.push('${f}');
  if (input.email && !String(input.email).includes('@')) errors.push('email');
  return { valid: errors.length === 0, errors };
}
`;
  },
  (g) => `function ${g.fn()}(amount, currency = 'EUR', digits = ${g.int(3)}) {
  const sign = amount < 0 ? '-' : '';
  const [whole, fraction = ''] = Math.abs(amount).toFixed(digits).split('.');
  const grouped = whole.replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',');
  return \`\${sign}\${grouped}\${fraction ? '.' + fraction : ''} \${currency}\`;
}
`,
  (g) => {
    const f = g.field();
    const n = g.noun();
    return `function ${g.fn()}(${n}s, threshold) {
  const kept = ${n}s.filter((x) => x.${f} >= threshold && x.status !== '${g.word()}');
  const total = kept.reduce((sum, x) => sum + x.${f}, 0);
  const top = [...kept].sort((a, b) => b.${f} - a.${f}).slice(0, ${g.int(10)});
  return { count: kept.length, total, average: kept.length ? total / kept.length : 0, top: top.map((x) => x.id) };
}
`;
  },
  (g) => `async function ${g.fn()}(task, attempts = ${g.int(5)}, delayMs = ${g.int(500)}) {
  let lastError;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await task(attempt);
    } catch (err) {
      lastError = err;
      await new Promise((resolve) => setTimeout(resolve, delayMs * 2 ** (attempt - 1)));
    }
  }
  throw new Error(\`gave up after \${attempts} attempts: \${lastError}\`);
}
`,
  (g) => {
    const t = g.type();
    const f = g.field();
    return `class ${t} {
  constructor(name, ${f} = ${g.int(100)}) {
    this.name = name;
    this.${f} = ${f};
    this.history = [];
  }

  get label() {
    return \`\${this.name} (\${this.${f}})\`;
  }

  adjust(delta) {
    this.history.push({ at: Date.now(), delta });
    this.${f} = Math.max(0, this.${f} + delta);
    return this.${f};
  }

  toJSON() {
    return { name: this.name, ${f}: this.${f}, changes: this.history.length };
  }
}
`;
  },
  (g) => `const ${g.fn()}Options = Object.freeze({
  pageSize: ${g.int(100)},
  retries: ${g.int(5)},
  region: '${g.pick(['eu-west-1', 'us-east-2', 'ap-south-1'])}',
  features: ['${g.word()}', '${g.word()}'],
  timeouts: { connect: ${g.int(5000)}, read: ${g.int(30000)} },
});
`,
];

export const typescriptPlain: Template[] = [
  (g) => {
    const t = g.type();
    const f = g.field();
    return `export interface ${t}Input {
  slug?: string;
  ${f}: number;
  email?: string;
}

export function ${g.fn()}(input: ${t}Input): { valid: boolean; errors: string[] } {
  const errors: string[] = [];
  if (!/^[a-z0-9-]{3,40}$/.test(input.slug ?? '')) errors.push('slug');
  if (!Number.isFinite(input.${f}) || input.${f} < 0) errors.push('${f}');
  if (input.email !== undefined && !input.email.includes('@')) errors.push('email');
  return { valid: errors.length === 0, errors };
}
`;
  },
  (g) => `export function ${g.fn()}(amount: number, currency = 'EUR', digits = ${g.int(3)}): string {
  const sign = amount < 0 ? '-' : '';
  const [whole, fraction = ''] = Math.abs(amount).toFixed(digits).split('.');
  const grouped = whole!.replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',');
  return \`\${sign}\${grouped}\${fraction ? '.' + fraction : ''} \${currency}\`;
}
`,
  (g) => {
    const f = g.field();
    const t = g.type();
    return `export type ${t}Row = { id: string; ${f}: number; status: string };

export function ${g.fn()}(rows: readonly ${t}Row[], threshold: number): { count: number; total: number; top: string[] } {
  const kept = rows.filter((x) => x.${f} >= threshold && x.status !== '${g.word()}');
  const total = kept.reduce((sum, x) => sum + x.${f}, 0);
  const top = [...kept].sort((a, b) => b.${f} - a.${f}).slice(0, ${g.int(10)});
  return { count: kept.length, total, top: top.map((x) => x.id) };
}
`;
  },
  (g) => `export async function ${g.fn()}<T>(task: (attempt: number) => Promise<T>, attempts = ${g.int(5)}, delayMs = ${g.int(500)}): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await task(attempt);
    } catch (err: unknown) {
      lastError = err;
      await new Promise<void>((resolve) => setTimeout(resolve, delayMs * 2 ** (attempt - 1)));
    }
  }
  throw new Error(\`gave up after \${attempts} attempts: \${String(lastError)}\`);
}
`,
  (g) => {
    const t = g.type();
    const f = g.field();
    return `export class ${t} {
  private readonly history: Array<{ at: number; delta: number }> = [];

  constructor(
    readonly name: string,
    private ${f} = ${g.int(100)},
  ) {}

  get label(): string {
    return \`\${this.name} (\${this.${f}})\`;
  }

  adjust(delta: number): number {
    this.history.push({ at: Date.now(), delta });
    this.${f} = Math.max(0, this.${f} + delta);
    return this.${f};
  }
}
`;
  },
  (g) => {
    const t = g.type();
    return `export enum ${t}Kind {
  ${cap(g.word())} = '${g.word()}',
  ${cap(g.noun())} = '${g.noun()}',
}

export const ${g.fn()}Defaults: Readonly<Record<string, number>> = {
  pageSize: ${g.int(100)},
  retries: ${g.int(5)},
  connectTimeoutMs: ${g.int(5000)},
};
`;
  },
];

export const tsxPlain: Template[] = [
  ...typescriptPlain,
  (g) => {
    const c = g.type();
    return `export function ${c}Badge({ label, count }: { label: string; count: number }) {
  const tone = count > ${g.int(50)} ? 'warning' : 'neutral';
  return (
    <span className={\`badge badge-\${tone}\`} title={label}>
      {label}: <strong>{count}</strong>
    </span>
  );
}
`;
  },
];
