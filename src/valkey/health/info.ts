/**
 * INFO text → typed figures. INFO is the one source every Valkey and Redis version answers, so the
 * health view reads flavour, memory, hits, evictions, clients, replication and the keyspace from it;
 * CONFIG, CLIENT LIST, SLOWLOG and ROLE only add detail (and may be refused on a managed service).
 */

/** `# Section` → `field:value`, as the server sent it (section names lower-cased). */
export interface InfoText {
  readonly sections: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** A field from any section (names are unique across sections). */
  get(field: string): string | undefined;
}

export function parseInfo(text: string): InfoText {
  const sections = new Map<string, Map<string, string>>();
  const all = new Map<string, string>();
  let current = new Map<string, string>();
  sections.set('', current);
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') continue;
    if (line.startsWith('#')) {
      current = new Map();
      sections.set(line.slice(1).trim().toLowerCase(), current);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const field = line.slice(0, colon);
    const value = line.slice(colon + 1);
    current.set(field, value);
    if (!all.has(field)) all.set(field, value);
  }
  if (sections.get('')?.size === 0) sections.delete('');
  return { sections, get: (field) => all.get(field) };
}

/** `a=1,b=x` (keyspace lines, slaveN lines, cmdstat lines) → a map. */
export function parseFieldList(value: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return out;
}

export type Flavour = 'valkey' | 'redis';

export interface ServerFigures {
  readonly flavour: Flavour;
  /** `valkey_version` on Valkey (its `redis_version` is the Redis version it is compatible with). */
  readonly version: string | undefined;
  readonly compatibleRedisVersion: string | undefined;
  /** standalone, sentinel, cluster. */
  readonly mode: string | undefined;
  readonly uptimeSeconds: number | undefined;
  readonly runId: string | undefined;
}

export interface MemoryFigures {
  readonly usedBytes: number | undefined;
  readonly peakBytes: number | undefined;
  readonly rssBytes: number | undefined;
  /** 0: no limit. */
  readonly maxmemoryBytes: number | undefined;
  readonly policy: string | undefined;
  readonly fragmentationRatio: number | undefined;
}

export interface StatsFigures {
  readonly keyspaceHits: number | undefined;
  readonly keyspaceMisses: number | undefined;
  readonly evictedKeys: number | undefined;
  readonly expiredKeys: number | undefined;
  readonly totalCommandsProcessed: number | undefined;
  readonly instantaneousOpsPerSec: number | undefined;
  readonly totalConnectionsReceived: number | undefined;
  readonly rejectedConnections: number | undefined;
}

export interface ClientFigures {
  readonly connected: number | undefined;
  readonly blocked: number | undefined;
  readonly maxclients: number | undefined;
}

export interface ReplicaEntry {
  readonly ip: string;
  readonly port: number;
  readonly state: string;
  readonly offset: number;
  /** Seconds since the replica's last acknowledgement. */
  readonly lagSeconds: number | undefined;
}

export interface ReplicationFigures {
  /** `master` or `slave`, as INFO says it. */
  readonly role: string | undefined;
  readonly masterReplOffset: number | undefined;
  readonly replicas: readonly ReplicaEntry[];
  /** On a replica: its primary and the link to it. */
  readonly masterHost: string | undefined;
  readonly masterPort: number | undefined;
  readonly masterLinkStatus: string | undefined;
  readonly masterLastIoSecondsAgo: number | undefined;
  readonly replicaReplOffset: number | undefined;
}

export interface DbFigures {
  readonly db: number;
  readonly keys: number;
  readonly expires: number;
  readonly avgTtlMs: number;
}

export interface InfoFigures {
  readonly server: ServerFigures;
  readonly memory: MemoryFigures;
  readonly stats: StatsFigures;
  readonly clients: ClientFigures;
  readonly replication: ReplicationFigures;
  readonly keyspace: readonly DbFigures[];
}

export function num(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** The figures the health view judges; a field the server does not report is undefined. */
export function readInfo(info: InfoText): InfoFigures {
  const g = (f: string): string | undefined => info.get(f);
  const valkeyVersion = g('valkey_version');
  const flavour: Flavour = valkeyVersion !== undefined || g('server_name') === 'valkey' ? 'valkey' : 'redis';
  return {
    server: {
      flavour,
      version: flavour === 'valkey' ? (valkeyVersion ?? g('redis_version')) : g('redis_version'),
      compatibleRedisVersion: g('redis_version'),
      mode: g('server_mode') ?? g('redis_mode'),
      uptimeSeconds: num(g('uptime_in_seconds')),
      runId: g('run_id'),
    },
    memory: {
      usedBytes: num(g('used_memory')),
      peakBytes: num(g('used_memory_peak')),
      rssBytes: num(g('used_memory_rss')),
      maxmemoryBytes: num(g('maxmemory')),
      policy: g('maxmemory_policy'),
      fragmentationRatio: num(g('mem_fragmentation_ratio')),
    },
    stats: {
      keyspaceHits: num(g('keyspace_hits')),
      keyspaceMisses: num(g('keyspace_misses')),
      evictedKeys: num(g('evicted_keys')),
      expiredKeys: num(g('expired_keys')),
      totalCommandsProcessed: num(g('total_commands_processed')),
      instantaneousOpsPerSec: num(g('instantaneous_ops_per_sec')),
      totalConnectionsReceived: num(g('total_connections_received')),
      rejectedConnections: num(g('rejected_connections')),
    },
    clients: {
      connected: num(g('connected_clients')),
      blocked: num(g('blocked_clients')),
      maxclients: num(g('maxclients')),
    },
    replication: readReplication(info),
    keyspace: readKeyspace(info),
  };
}

function readReplication(info: InfoText): ReplicationFigures {
  const section = info.sections.get('replication') ?? new Map<string, string>();
  const replicas: ReplicaEntry[] = [];
  for (const [field, value] of section) {
    if (!/^slave\d+$/.test(field)) continue;
    const f = parseFieldList(value);
    replicas.push({
      ip: f.get('ip') ?? '',
      port: num(f.get('port')) ?? 0,
      state: f.get('state') ?? 'unknown',
      offset: num(f.get('offset')) ?? 0,
      lagSeconds: num(f.get('lag')),
    });
  }
  return {
    role: section.get('role'),
    masterReplOffset: num(section.get('master_repl_offset')),
    replicas,
    masterHost: section.get('master_host'),
    masterPort: num(section.get('master_port')),
    masterLinkStatus: section.get('master_link_status'),
    masterLastIoSecondsAgo: num(section.get('master_last_io_seconds_ago')),
    replicaReplOffset: num(section.get('slave_repl_offset')),
  };
}

function readKeyspace(info: InfoText): DbFigures[] {
  const section = info.sections.get('keyspace');
  if (!section) return [];
  const dbs: DbFigures[] = [];
  for (const [field, value] of section) {
    const m = /^db(\d+)$/.exec(field);
    if (!m) continue;
    const f = parseFieldList(value);
    dbs.push({ db: Number(m[1]), keys: num(f.get('keys')) ?? 0, expires: num(f.get('expires')) ?? 0, avgTtlMs: num(f.get('avg_ttl')) ?? 0 });
  }
  return dbs.sort((a, b) => a.db - b.db);
}
