import { isUtf8 } from 'node:buffer';
import { err, ok } from '../../util/result';
import { count, display as displayBytes, size, ttl } from './bytes';
import { keyDetails } from './details';
import { prettyJson } from './json';
import { bytesOfReply, expectReply, integerOf, itemsOf, pairsOf, unexpected } from './replies';
import type { KeyCommands, KeyType, KeysResult } from './types';
import type { Reply } from '../resp/reply';
import { streamGroups, type StreamGroup } from './streamGroups';

export interface ValueLimits {
  /** Elements read from a hash, list, set, sorted set or stream. Default 1000. */
  readonly maxElements?: number | undefined;
  /** Bytes read from a string. Default 256 KiB. */
  readonly maxStringBytes?: number | undefined;
  /**
   * Bytes of strings, fields, elements and members one open may bring into the editor, whatever the
   * element count (a hash of 10 fields of 10 MB each is 100 MB). Past it, values are cut as they are
   * read to a 128-byte preview (the rest is dropped unread) and no further pages are asked for.
   * Default 1 MiB.
   */
  readonly maxBytes?: number | undefined;
}

export const DEFAULT_MAX_ELEMENTS = 1000;
export const DEFAULT_MAX_STRING_BYTES = 256 * 1024;
export const DEFAULT_MAX_VALUE_BYTES = 1024 * 1024;

/** What was read of a key: its type's elements, up to the limits, and how many there are in all. */
export type ValueBody =
  | { readonly type: 'string'; readonly bytes: Buffer }
  | { readonly type: 'hash'; readonly pairs: readonly (readonly [Buffer, Buffer])[] }
  | { readonly type: 'list' | 'set'; readonly items: readonly Buffer[] }
  | { readonly type: 'zset'; readonly members: readonly (readonly [Buffer, string])[] }
  | { readonly type: 'stream'; readonly entries: readonly StreamEntry[] }
  | { readonly type: 'none' }
  | { readonly type: 'other'; readonly name: string };

export interface StreamEntry {
  readonly id: string;
  readonly fields: readonly (readonly [Buffer, Buffer])[];
}

export interface KeyValue {
  readonly key: Buffer;
  readonly type: KeyType;
  readonly pttl: number;
  readonly memory: number | undefined;
  /** Bytes of a string, elements of the others. */
  readonly length: number;
  /** How many of them `body` holds. */
  readonly shown: number;
  readonly body: ValueBody;
  /** Elements cut by the byte budget: the bytes left out of each. */
  readonly cut?: ReadonlyMap<Buffer, number> | undefined;
  /** The byte budget the read had. */
  readonly budget?: number | undefined;
  /** A stream's consumer groups (XINFO GROUPS, XINFO CONSUMERS, XPENDING). */
  readonly groups?: readonly StreamGroup[] | undefined;
}

/**
 * Reads a key's value without changing it, bounded: GETRANGE (+ STRLEN), HSCAN, LRANGE, SSCAN,
 * ZRANGE … WITHSCORES, XRANGE … COUNT, each with the element count (HLEN, LLEN, …) for the note.
 */
export async function readValue(session: KeyCommands, key: Buffer, limits: ValueLimits = {}, signal?: AbortSignal): Promise<KeysResult<KeyValue>> {
  const n = Math.max(1, limits.maxElements ?? DEFAULT_MAX_ELEMENTS);
  const details = await keyDetails(session, [key], { signal });
  if (!details.ok) return details;
  const d = details.value.details.get(key.toString('latin1'))!;
  const budget = Math.max(1, limits.maxBytes ?? DEFAULT_MAX_VALUE_BYTES);
  const spend = { remaining: budget };
  const cut = new Map<Buffer, number>();
  const base = { key, type: d.type, pttl: d.pttl, memory: d.memory, cut, budget };
  /** Commands that read values get what is left of the budget; the parser cuts and drops past it. */
  const run = async (args: (string | Buffer)[]): Promise<KeysResult<Reply>> => {
    const r = expectReply(await session.command(args, { signal, maxReplyBytes: Math.max(0, spend.remaining) }));
    if (r.ok) spend.remaining -= bulkBytes(r.value);
    return r;
  };
  const bytes = (r: Reply | undefined): Buffer => {
    const b = (r && bytesOfReply(r)) ?? Buffer.alloc(0);
    if (r?.type === 'bulk' && r.omitted) cut.set(b, r.omitted);
    return b;
  };
  const both = async (a: (string | Buffer)[], b: (string | Buffer)[]): Promise<KeysResult<[Reply, Reply]>> => {
    const [x, y] = await Promise.all([run(a), run(b)]);
    if (!x.ok) return x;
    if (!y.ok) return y;
    return ok([x.value, y.value]);
  };
  switch (d.type) {
    case 'string': {
      const max = Math.max(1, limits.maxStringBytes ?? DEFAULT_MAX_STRING_BYTES);
      const r = await both(['GETRANGE', key, '0', String(Math.min(max, budget) - 1)], ['STRLEN', key]);
      if (!r.ok) return r;
      const value = bytesOfReply(r.value[0]) ?? Buffer.alloc(0);
      const length = integerOf(r.value[1]) ?? value.length;
      return ok({ ...base, length, shown: value.length, body: { type: 'string', bytes: value } });
    }
    case 'hash':
    case 'set': {
      const scanned = await scanElements(run, bytes, spend, d.type === 'hash' ? 'HSCAN' : 'SSCAN', key, n);
      if (!scanned.ok) return scanned;
      const len = await run([d.type === 'hash' ? 'HLEN' : 'SCARD', key]);
      if (!len.ok) return len;
      const length = integerOf(len.value) ?? 0;
      // Only what is shown counts as cut (an element dropped as a SCAN repeat is not).
      const kept = new Set(scanned.value);
      for (const b of [...cut.keys()]) if (!kept.has(b)) cut.delete(b);
      if (d.type === 'hash') {
        const pairs: [Buffer, Buffer][] = [];
        for (let i = 0; i + 1 < scanned.value.length; i += 2) pairs.push([scanned.value[i]!, scanned.value[i + 1]!]);
        return ok({ ...base, length, shown: pairs.length, body: { type: 'hash', pairs } });
      }
      return ok({ ...base, length, shown: scanned.value.length, body: { type: 'set', items: scanned.value } });
    }
    case 'list': {
      const r = await both(['LRANGE', key, '0', String(n - 1)], ['LLEN', key]);
      if (!r.ok) return r;
      const items = (itemsOf(r.value[0]) ?? []).map(bytes);
      return ok({ ...base, length: integerOf(r.value[1]) ?? items.length, shown: items.length, body: { type: 'list', items } });
    }
    case 'zset': {
      const r = await both(['ZRANGE', key, '0', String(n - 1), 'WITHSCORES'], ['ZCARD', key]);
      if (!r.ok) return r;
      const members = zsetMembers(r.value[0], bytes);
      if (!members) return err(unexpected('ZRANGE', r.value[0]));
      return ok({ ...base, length: integerOf(r.value[1]) ?? members.length, shown: members.length, body: { type: 'zset', members } });
    }
    case 'stream': {
      const [r, groups] = await Promise.all([both(['XRANGE', key, '-', '+', 'COUNT', String(n)], ['XLEN', key]), streamGroups(session, key, signal)]);
      if (!r.ok) return r;
      if (!groups.ok) return groups;
      const entries = streamEntries(r.value[0], bytes);
      if (!entries) return err(unexpected('XRANGE', r.value[0]));
      return ok({ ...base, length: integerOf(r.value[1]) ?? entries.length, shown: entries.length, body: { type: 'stream', entries }, groups: groups.value });
    }
    case 'none':
      return ok({ ...base, length: 0, shown: 0, body: { type: 'none' } });
    default:
      return ok({ ...base, length: 0, shown: 0, body: { type: 'other', name: d.type } });
  }
}

/** HSCAN/SSCAN until `n` elements (fields count once), the byte budget or the end; elements seen twice are dropped. */
async function scanElements(
  run: (args: (string | Buffer)[]) => Promise<KeysResult<Reply>>,
  bytes: (r: Reply | undefined) => Buffer,
  spend: { readonly remaining: number },
  command: 'HSCAN' | 'SSCAN',
  key: Buffer,
  n: number,
): Promise<KeysResult<Buffer[]>> {
  const step = command === 'HSCAN' ? 2 : 1;
  const seen = new Set<string>();
  const out: Buffer[] = [];
  let cursor = '0';
  do {
    const r = await run([command, key, cursor, 'COUNT', String(Math.min(n, 1000))]);
    if (!r.ok) return r;
    const items = itemsOf(r.value);
    const next = items?.[0] ? bytesOfReply(items[0]) : undefined;
    const elements = items?.[1] ? itemsOf(items[1]) : undefined;
    if (!next || !elements) return err(unexpected(command, r.value));
    cursor = next.toString('latin1');
    for (let i = 0; i + step - 1 < elements.length && out.length / step < n; i += step) {
      const first = bytes(elements[i]);
      const id = first.toString('latin1');
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(first);
      if (step === 2) out.push(bytes(elements[i + 1]));
    }
  } while (cursor !== '0' && out.length / step < n && spend.remaining > 0);
  return ok(out);
}

function zsetMembers(reply: Reply, bytes: (r: Reply | undefined) => Buffer): [Buffer, string][] | undefined {
  const items = itemsOf(reply);
  if (!items) return undefined;
  const out: [Buffer, string][] = [];
  // RESP2: flat member, score; RESP3: [member, score] pairs.
  if (items.every((i) => i.type === 'array')) {
    for (const pair of items) {
      const [m, s] = itemsOf(pair) ?? [];
      out.push([bytes(m), bytesOfReply(s ?? { type: 'null' })?.toString('latin1') ?? '']);
    }
    return out;
  }
  for (const [m, s] of pairsOf(reply) ?? []) out.push([bytes(m), bytesOfReply(s)?.toString('latin1') ?? '']);
  return out;
}

function streamEntries(reply: Reply, bytes: (r: Reply | undefined) => Buffer): StreamEntry[] | undefined {
  const items = itemsOf(reply);
  if (!items) return undefined;
  const out: StreamEntry[] = [];
  for (const entry of items) {
    const [id, fields] = itemsOf(entry) ?? [];
    if (!id || !fields) return undefined;
    const pairs = (pairsOf(fields) ?? []).map(([f, v]): [Buffer, Buffer] => [bytes(f), bytes(v)]);
    out.push({ id: bytesOfReply(id)?.toString('latin1') ?? '', fields: pairs });
  }
  return out;
}

const UNITS: Record<string, [string, string]> = {
  string: ['byte', 'bytes'],
  hash: ['field', 'fields'],
  list: ['element', 'elements'],
  set: ['member', 'members'],
  zset: ['member', 'members'],
  stream: ['entry', 'entries'],
};

export const unitOf = (type: KeyType, n: number): string => {
  const [one, many] = UNITS[type] ?? ['element', 'elements'];
  return n === 1 ? one : many;
};

export interface RenderedValue {
  readonly text: string;
  /** `jsonc` for a string holding a JSON object or array (the header lines are comments), else `plaintext`. */
  readonly language: 'jsonc' | 'plaintext';
  readonly truncated: boolean;
}

/**
 * A value as text for a read-only editor: a header (key, type, TTL, size, element count), a
 * truncation note when not everything was read (`-- showing 1,000 of 52,311 fields --`), then the
 * elements. Bytes that are not printable UTF-8 are quoted like redis-cli does.
 */
export function renderValue(value: KeyValue): RenderedValue {
  const cut = value.cut ?? new Map<Buffer, number>();
  const display = (v: Buffer): string => {
    const omitted = cut.get(v);
    return omitted === undefined ? displayBytes(v) : `${displayBytes(v)} … (${size(omitted)} more not read)`;
  };
  const partial = value.shown < value.length;
  const truncated = partial || cut.size > 0;
  let json: string | undefined;
  let schemaNote: string | undefined;
  let body = '';
  switch (value.body.type) {
    case 'string': {
      const bytes = value.body.bytes;
      const text = utf8Text(bytes, truncated);
      if (text !== undefined) {
        json = truncated ? undefined : prettyJson(text);
        if (json !== undefined && namesSchema(text)) {
          // VS Code's JSON language downloads a document's `$schema`: data others wrote must not make the editor fetch a URL.
          schemaNote = '-- shown as plain text: the JSON names a $schema, which the JSON editor would download --';
          json = undefined;
        }
        body = json ?? text;
      } else {
        body = display(bytes);
      }
      break;
    }
    case 'hash':
      body = table(['field', 'value'], value.body.pairs.map(([f, v]) => [display(f), display(v)]));
      break;
    case 'list': {
      const width = String(Math.max(0, value.body.items.length - 1)).length;
      body = value.body.items.map((v, i) => `[${String(i).padStart(width)}] ${display(v)}`).join('\n');
      break;
    }
    case 'set':
      body = table(['member'], value.body.items.map((m) => [display(m)]));
      break;
    case 'zset':
      body = table(['score', 'member'], value.body.members.map(([m, s]) => [s, display(m)]), [true, false]);
      break;
    case 'stream':
      body = value.body.entries.map((e) => [e.id, ...e.fields.map(([f, v]) => `  ${display(f)} => ${display(v)}`)].join('\n')).join('\n');
      if (value.groups?.length) body += `\n\n${renderGroups(value.groups)}`;
      break;
    case 'none':
      body = '(the key does not exist: it was deleted or has expired)';
      break;
    case 'other':
      body = `(values of type ${value.body.name} are not shown)`;
      break;
  }
  const header = [`key: ${display(value.key)}`, headerFacts(value)];
  if (partial) header.push(`-- showing ${count(value.shown)} of ${count(value.length)} ${unitOf(value.type, value.length)} --`);
  if (cut.size > 0) {
    const omitted = [...cut.values()].reduce((a, b) => a + b, 0);
    header.push(`-- ${count(cut.size)} ${cut.size === 1 ? 'value was' : 'values were'} cut to keep this view within ${size(value.budget ?? 0)}: ${size(omitted)} not read --`);
  }
  if (schemaNote) header.push(schemaNote);
  const lines = json !== undefined ? header.map((l) => `// ${l}`) : header;
  return { text: `${lines.join('\n')}\n\n${body}\n`, language: json !== undefined ? 'jsonc' : 'plaintext', truncated };
}

/** A stream's consumer groups, then each group's consumers, as tables. */
function renderGroups(groups: readonly StreamGroup[]): string {
  const out = [
    `-- consumer groups (XINFO GROUPS, XPENDING): ${count(groups.length)} --`,
    table(
      ['group', 'consumers', 'pending', 'oldest pending', 'last delivered', 'lag'],
      groups.map((g) => [displayBytes(g.name), count(g.consumers), count(g.pending), g.oldestPending ?? '-', g.lastDeliveredId, g.lag === undefined ? '?' : count(g.lag)]),
      [false, true, true, false, false, true],
    ),
  ];
  for (const g of groups) {
    if (g.consumerList.length === 0) continue;
    out.push('', `-- consumers of ${displayBytes(g.name)} (XINFO CONSUMERS) --`, table(['consumer', 'pending', 'idle'], g.consumerList.map((c) => [displayBytes(c.name), count(c.pending), ttl(c.idleMs)]), [false, true, true]));
  }
  return out.join('\n');
}

/** Columns wider than this are not padded further: a long field name does not push every value off screen. */
const MAX_COLUMN = 40;

/**
 * A text table: a header, a rule, one row per element, columns separated by `│` and padded to the
 * widest cell (at most MAX_COLUMN); `right` aligns a column to the right (scores).
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[] = []): string {
  const widths = header.map((h, c) => Math.min(MAX_COLUMN, Math.max(h.length, ...rows.map((r) => r[c]!.length))));
  const last = header.length - 1;
  const line = (cells: readonly string[]): string =>
    cells.map((cell, c) => (c === last && !right[c] ? cell : right[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' │ ');
  const rule = widths.map((w, c) => '─'.repeat(c === last ? Math.max(w, header[c]!.length) : w)).join('─┼─');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/**
 * `type: hash · TTL: no expiry · memory: 1.2 KB (MEMORY USAGE) · length: 52,311 fields`: what the
 * server spends on the key (with its overhead) and how long the value is, each named.
 */
export function headerFacts(value: Pick<KeyValue, 'type' | 'pttl' | 'memory' | 'length'>): string {
  const facts = [`type: ${value.type}`, `TTL: ${ttl(value.pttl)}`, `memory: ${value.memory === undefined ? 'unknown' : `${size(value.memory)} (MEMORY USAGE)`}`];
  if (value.type in UNITS) facts.push(`length: ${count(value.length)} ${unitOf(value.type, value.length)}`);
  return facts.join(' · ');
}

/** Whether a JSON document's root object has a `$schema` property (the one the JSON language fetches). */
function namesSchema(text: string): boolean {
  try {
    const root: unknown = JSON.parse(text);
    return typeof root === 'object' && root !== null && !Array.isArray(root) && Object.prototype.hasOwnProperty.call(root, '$schema');
  } catch {
    return false;
  }
}

/** The bytes as UTF-8 text, allowing a sequence cut by GETRANGE at the end; undefined when not UTF-8. */
function utf8Text(bytes: Buffer, truncated: boolean): string | undefined {
  for (let cut = 0; cut <= (truncated ? 3 : 0) && cut <= bytes.length; cut++) {
    const part = bytes.subarray(0, bytes.length - cut);
    if (isUtf8(part)) {
      const text = part.toString('utf8');
      // Binary data that happens to be valid UTF-8 (NULs, control bytes) is shown quoted.
      // eslint-disable-next-line no-control-regex
      return /[\u0000-\u0008\u000e-\u001f\u007f]/.test(text) ? undefined : text;
    }
  }
  return undefined;
}

/** Bytes of the bulk strings a reply holds (what it cost of the byte budget). */
function bulkBytes(reply: Reply): number {
  let total = 0;
  const stack: Reply[] = [reply];
  while (stack.length > 0) {
    const r = stack.pop()!;
    if (r.type === 'bulk' || r.type === 'simple' || r.type === 'verbatim') total += r.value.length;
    else if (r.type === 'array' || r.type === 'set' || r.type === 'push') stack.push(...r.items);
    else if (r.type === 'map') for (const [k, v] of r.entries) stack.push(k, v);
  }
  return total;
}
