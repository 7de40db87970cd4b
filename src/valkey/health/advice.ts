import { HealthLinks } from './links';

/**
 * Every threshold the health view judges by, with where it comes from. The Welkin guide names what
 * to watch (hit ratio, memory, eviction policy, idle connections, TTLs, KEYS) but gives no numbers;
 * where a number is ours, `source` says so and why, so a reader can disagree with it knowingly.
 */
export const Advice = {
  hitRatio: {
    warningBelow: 0.8,
    problemBelow: 0.5,
    /** Fewer lookups than this since the server started say nothing about the key design. */
    minLookups: 100,
    advice: 'Watch the cache-hit ratio: INFO stats keyspace_hits / (keyspace_hits + keyspace_misses).',
    source: 'Welkin guide (monitor the cache-hit ratio); 80 % and 50 % are this extension’s choice, the usual bar for a cache that earns its keep.',
    link: HealthLinks.welkinGuide,
  },
  memory: {
    warningAbove: 0.8,
    problemAbove: 0.95,
    advice: 'Monitor memory use and scale before running out.',
    source: 'Welkin guide (monitor memory use, scale before running out); 80 % / 95 % of maxmemory are this extension’s choice.',
    link: HealthLinks.welkinGuide,
  },
  evictionPolicy: {
    expected: 'allkeys-lru',
    /** Policies under which a full server refuses writes instead of evicting. */
    refusesWrites: ['noeviction'],
    advice: 'The default eviction policy is allkeys-lru; the administrator sets it, not the user.',
    source: 'Welkin guide (eviction policy: default allkeys-lru, set by the administrator).',
    link: HealthLinks.evictionPolicies,
  },
  evictions: {
    /** Any eviction means the server was full at least once. */
    warningAbove: 0,
    advice: 'Evictions mean the server was full: the cache dropped keys to make room.',
    source: 'Welkin guide (monitor memory use, scale before running out); any eviction counts.',
    link: HealthLinks.evictionPolicies,
  },
  keysWithoutTtl: {
    warningAbove: 0.5,
    advice: 'Set a TTL on keys wherever possible; let the server expire them.',
    source: 'Welkin guide (set a TTL on keys wherever possible); warning above half the keys is this extension’s choice.',
    link: HealthLinks.welkinGuide,
  },
  databases: {
    /** One cluster, one purpose: keys in several databases suggest several applications. */
    warningAbove: 1,
    advice: 'One Valkey cluster should serve one purpose (no multi-tenant use).',
    source: 'Welkin guide (one cluster, one purpose).',
    link: HealthLinks.welkinGuide,
  },
  clients: {
    warningAboveShareOfMax: 0.8,
    advice: 'Watch the number of clients.',
    source: 'Welkin guide (idle connections: watch the number of clients and their idle time); 80 % of maxclients is this extension’s choice.',
    link: HealthLinks.welkinGuide,
  },
  idleClients: {
    /** "Idle for hours": a pooled client that has not run a command for an hour is likely leaked. */
    idleWarningSeconds: 3600,
    advice: 'The server timeout is 0 by default, so leaked clients stay forever: watch their idle time.',
    source: 'Welkin guide (idle connections); one hour is this extension’s choice for "idle for hours".',
    link: HealthLinks.welkinGuide,
  },
  replication: {
    /** Seconds since a replica's last acknowledgement (INFO `lag=`). */
    lagWarningSeconds: 10,
    /** Bytes a replica's offset trails the primary's. */
    lagWarningBytes: 1024 * 1024,
    /** Welkin runs three nodes: a primary and two replicas. */
    expectedReplicas: 2,
    advice: 'Three nodes, a primary and replicas watched by Sentinel: a failover needs an up-to-date replica.',
    source: 'Welkin guide (three nodes, a primary and replicas, watched by Sentinel); 10 s / 1 MiB lag are this extension’s choice.',
    link: HealthLinks.replication,
  },
  slowlog: {
    warningMicros: 10_000,
    problemMicros: 1_000_000,
    /** Commands that block the single-threaded server; the guide names KEYS. */
    blocking: ['keys', 'flushall', 'flushdb'],
    advice: 'Avoid KEYS (the server is single-threaded, it blocks everything); use SCAN.',
    source: 'Welkin guide (avoid KEYS, use SCAN); 10 ms is the server’s default slowlog-log-slower-than, 1 s this extension’s choice.',
    link: HealthLinks.slowlog,
  },
} as const;
