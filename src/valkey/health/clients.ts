/**
 * CLIENT LIST → who is connected and for how long they have been idle. The Welkin guide warns that
 * the server's `timeout` is 0 by default, so a leaked client stays connected forever: the idle-time
 * distribution is how a developer sees such leaks.
 */

export interface ClientEntry {
  readonly id: number;
  readonly addr: string;
  readonly name: string;
  /** Seconds since the connection opened. */
  readonly ageSeconds: number;
  /** Seconds since its last command. */
  readonly idleSeconds: number;
  readonly flags: string;
  readonly db: number;
  /** The last command it ran, e.g. `get`, `client|list`. */
  readonly cmd: string;
  readonly user: string;
}

export function parseClientList(text: string): ClientEntry[] {
  const out: ClientEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const f = new Map<string, string>();
    // Fields are `key=value` separated by single spaces; only `name` may hold no value.
    for (const part of line.split(' ')) {
      const eq = part.indexOf('=');
      if (eq > 0) f.set(part.slice(0, eq), part.slice(eq + 1));
    }
    const id = Number(f.get('id'));
    if (!Number.isFinite(id)) continue;
    out.push({
      id,
      addr: f.get('addr') ?? '',
      name: f.get('name') ?? '',
      ageSeconds: Number(f.get('age') ?? 0) || 0,
      idleSeconds: Number(f.get('idle') ?? 0) || 0,
      flags: f.get('flags') ?? '',
      db: Number(f.get('db') ?? 0) || 0,
      cmd: f.get('cmd') ?? '',
      user: f.get('user') ?? '',
    });
  }
  return out;
}

/**
 * Application clients: not replicas or the link to a primary (flags S/M, they are idle by design),
 * and not the health view's own connection.
 */
export function applicationClients(clients: readonly ClientEntry[], ownId?: number): ClientEntry[] {
  return clients.filter((c) => c.id !== ownId && !c.flags.includes('S') && !c.flags.includes('M'));
}

export interface IdleBucket {
  readonly label: string;
  /** Inclusive lower bound in seconds. */
  readonly fromSeconds: number;
  /** Exclusive upper bound; undefined: no bound. */
  readonly toSeconds: number | undefined;
  readonly count: number;
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 24 * HOUR;

/** The bucket edges: short idle times are normal for pooled clients; hours mean a leak or an idle pool. */
export const IDLE_BUCKETS: readonly (readonly [label: string, from: number, to: number | undefined])[] = [
  ['< 1 min', 0, MINUTE],
  ['1–10 min', MINUTE, 10 * MINUTE],
  ['10–60 min', 10 * MINUTE, HOUR],
  ['1–24 h', HOUR, DAY],
  ['≥ 1 day', DAY, undefined],
];

export function idleBuckets(clients: readonly ClientEntry[]): IdleBucket[] {
  return IDLE_BUCKETS.map(([label, fromSeconds, toSeconds]) => ({
    label,
    fromSeconds,
    toSeconds,
    count: clients.filter((c) => c.idleSeconds >= fromSeconds && (toSeconds === undefined || c.idleSeconds < toSeconds)).length,
  }));
}
