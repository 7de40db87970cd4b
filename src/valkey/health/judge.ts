import { Advice } from './advice';
import { applicationClients, idleBuckets } from './clients';
import type { HealthSnapshot, SlowlogEntry } from './collect';
import { bytes, count, duration, micros, percent } from './format';
import { HealthLinks } from './links';
import type { Part } from './replies';

export type Level = 'ok' | 'warning' | 'problem' | 'unknown';

export type FigureId =
  | 'server'
  | 'replication'
  | 'hitRatio'
  | 'memory'
  | 'evictionPolicy'
  | 'evictions'
  | 'expired'
  | 'keysWithoutTtl'
  | 'keyspace'
  | 'clients'
  | 'idleClients'
  | 'slowlog'
  | 'permissions';

/** One figure, judged: what the tree row and the dashboard's table show. */
export interface Judgement {
  readonly id: FigureId;
  readonly title: string;
  /** The figure itself, short: `41%`, `12.0 MiB of 100 MiB`. */
  readonly value: string;
  readonly level: Level;
  /** A plain sentence with the advice: `Hit ratio 41% — below 80%: check key design and TTLs`. */
  readonly sentence: string;
  readonly link: string;
}

const j = (id: FigureId, title: string, value: string, level: Level, sentence: string, link: string): Judgement => ({ id, title, value, level, sentence, link });

/** Judges every figure of a snapshot against the platform's advice (see advice.ts for the thresholds). */
export function judgeHealth(s: HealthSnapshot): Judgement[] {
  const out = [server(s), replication(s), hitRatio(s), memory(s), evictionPolicy(s), evictions(s), expired(s), keysWithoutTtl(s), keyspace(s), clients(s), idleClients(s), slowlog(s)];
  const refused = permissions(s);
  if (refused) out.push(refused);
  return out;
}

function server(s: HealthSnapshot): Judgement {
  const { flavour, version, mode, uptimeSeconds } = s.figures.server;
  const name = flavour === 'valkey' ? 'Valkey' : 'Redis';
  const value = `${name} ${version ?? '?'}`;
  const up = uptimeSeconds !== undefined ? `, up ${duration(uptimeSeconds)}` : '';
  return j('server', 'Server', value, 'ok', `${value}${mode ? ` (${mode})` : ''}${up}`, HealthLinks.info);
}

function replication(s: HealthSnapshot): Judgement {
  const r = s.figures.replication;
  const a = Advice.replication;
  if (r.role === 'slave') {
    const link = r.masterLinkStatus ?? 'unknown';
    const level: Level = link === 'up' ? 'warning' : 'problem';
    return j('replication', 'Replication', `replica, link ${link}`, level, `Connected to a replica of ${r.masterHost ?? '?'}:${r.masterPort ?? '?'} (link ${link}) — the health view expects the primary; reconnect`, a.link);
  }
  if (r.role !== 'master') return j('replication', 'Replication', 'unknown', 'unknown', 'INFO does not report the replication role', a.link);
  // ROLE gives offsets the primary has acknowledged; INFO's slaveN lines add state and lag seconds.
  const roleReplicas = s.role.state === 'ok' && s.role.value.role === 'master' ? s.role.value.replicas : undefined;
  const primaryOffset = s.role.state === 'ok' && s.role.value.role === 'master' ? s.role.value.offset : (r.masterReplOffset ?? 0);
  const replicas = r.replicas.map((rep) => {
    const fromRole = roleReplicas?.find((x) => x.host === rep.ip && x.port === rep.port);
    const offset = fromRole?.offset ?? rep.offset;
    return { ...rep, behindBytes: Math.max(0, primaryOffset - offset) };
  });
  const online = replicas.filter((x) => x.state === 'online');
  const value = `primary, ${online.length}/${replicas.length} replicas online`;
  if (replicas.length === 0) return j('replication', 'Replication', value, 'problem', 'Primary without replicas — a failover has nothing to promote; ask your administrator', a.link);
  if (online.length < replicas.length) return j('replication', 'Replication', value, 'problem', `${replicas.length - online.length} of ${replicas.length} replicas not online (${replicas.filter((x) => x.state !== 'online').map((x) => x.state).join(', ')}) — a failover may lose writes`, a.link);
  const worstBytes = Math.max(...replicas.map((x) => x.behindBytes));
  const worstSeconds = Math.max(...replicas.map((x) => x.lagSeconds ?? 0));
  const lag = `lag ${bytes(worstBytes)}, ${worstSeconds} s`;
  if (worstBytes > a.lagWarningBytes || worstSeconds > a.lagWarningSeconds)
    return j('replication', 'Replication', `${value}, ${lag}`, 'warning', `Replica lag ${bytes(worstBytes)} / ${worstSeconds} s — above ${bytes(a.lagWarningBytes)} / ${a.lagWarningSeconds} s: a failover now would lose recent writes`, a.link);
  if (replicas.length < a.expectedReplicas)
    return j('replication', 'Replication', `${value}, ${lag}`, 'warning', `Only ${count(replicas.length, 'replica')} — Welkin runs a primary and ${a.expectedReplicas} replicas`, a.link);
  return j('replication', 'Replication', `${value}, ${lag}`, 'ok', `Primary with ${count(online.length, 'replica')} online, ${lag}`, a.link);
}

function hitRatio(s: HealthSnapshot): Judgement {
  const { keyspaceHits: hits, keyspaceMisses: misses } = s.figures.stats;
  const a = Advice.hitRatio;
  if (hits === undefined || misses === undefined) return j('hitRatio', 'Hit ratio', 'unknown', 'unknown', 'INFO stats does not report keyspace_hits/keyspace_misses', a.link);
  const lookups = hits + misses;
  if (lookups < a.minLookups)
    return j('hitRatio', 'Hit ratio', lookups === 0 ? 'no lookups' : percent(hits / lookups), 'unknown', lookups === 0 ? 'No key lookups since the server started — nothing to judge yet' : `Only ${count(lookups, 'lookup')} since the server started — too few to judge the hit ratio`, a.link);
  const ratio = hits / lookups;
  const value = percent(ratio);
  const detail = `${hits.toLocaleString('en-US')} hits, ${misses.toLocaleString('en-US')} misses`;
  if (ratio < a.problemBelow) return j('hitRatio', 'Hit ratio', value, 'problem', `Hit ratio ${value} — below ${percent(a.problemBelow)}: most reads miss; check key design and TTLs (${detail})`, a.link);
  if (ratio < a.warningBelow) return j('hitRatio', 'Hit ratio', value, 'warning', `Hit ratio ${value} — below ${percent(a.warningBelow)}: check key design and TTLs (${detail})`, a.link);
  return j('hitRatio', 'Hit ratio', value, 'ok', `Hit ratio ${value} (${detail})`, a.link);
}

function memory(s: HealthSnapshot): Judgement {
  const m = s.figures.memory;
  const a = Advice.memory;
  if (m.usedBytes === undefined) return j('memory', 'Memory', 'unknown', 'unknown', 'INFO memory does not report used_memory', a.link);
  const max = m.maxmemoryBytes ?? configNumber(s.config, 'maxmemory');
  if (!max) return j('memory', 'Memory', `${bytes(m.usedBytes)}, no limit`, 'warning', `${bytes(m.usedBytes)} used, no maxmemory — the server grows until the pod’s memory limit kills it; ask your administrator for a limit`, a.link);
  const share = m.usedBytes / max;
  const value = `${bytes(m.usedBytes)} of ${bytes(max)} (${percent(share)})`;
  if (share > a.problemAbove) return j('memory', 'Memory', value, 'problem', `Memory ${percent(share)} of maxmemory — above ${percent(a.problemAbove)}: the server is evicting or refusing writes; scale now`, a.link);
  if (share > a.warningAbove) return j('memory', 'Memory', value, 'warning', `Memory ${percent(share)} of maxmemory — above ${percent(a.warningAbove)}: scale before running out`, a.link);
  return j('memory', 'Memory', value, 'ok', `Memory ${value}`, a.link);
}

function evictionPolicy(s: HealthSnapshot): Judgement {
  const a = Advice.evictionPolicy;
  const policy = s.figures.memory.policy ?? configValue(s.config, 'maxmemory-policy');
  if (!policy) return j('evictionPolicy', 'Eviction policy', 'unknown', 'unknown', 'Neither INFO nor CONFIG reports maxmemory-policy', a.link);
  if ((a.refusesWrites as readonly string[]).includes(policy))
    return j('evictionPolicy', 'Eviction policy', policy, 'warning', `Eviction policy ${policy} — when memory is full writes fail with OOM; the platform default is ${a.expected} (your administrator sets it)`, a.link);
  if (policy !== a.expected)
    return j('evictionPolicy', 'Eviction policy', policy, policy.startsWith('volatile-') ? 'warning' : 'ok', policy.startsWith('volatile-') ? `Eviction policy ${policy} — only keys with a TTL can be evicted; keys without one fill the memory (platform default ${a.expected})` : `Eviction policy ${policy} (platform default ${a.expected})`, a.link);
  return j('evictionPolicy', 'Eviction policy', policy, 'ok', `Eviction policy ${policy}, the platform default`, a.link);
}

function evictions(s: HealthSnapshot): Judgement {
  const a = Advice.evictions;
  const n = s.figures.stats.evictedKeys;
  if (n === undefined) return j('evictions', 'Evicted keys', 'unknown', 'unknown', 'INFO stats does not report evicted_keys', a.link);
  if (n > a.warningAbove) return j('evictions', 'Evicted keys', n.toLocaleString('en-US'), 'warning', `${count(n, 'key')} evicted since the server started — memory was full; scale or shorten TTLs`, a.link);
  return j('evictions', 'Evicted keys', '0', 'ok', 'No keys evicted since the server started', a.link);
}

function expired(s: HealthSnapshot): Judgement {
  const n = s.figures.stats.expiredKeys;
  if (n === undefined) return j('expired', 'Expired keys', 'unknown', 'unknown', 'INFO stats does not report expired_keys', HealthLinks.expire);
  return j('expired', 'Expired keys', n.toLocaleString('en-US'), 'ok', `${count(n, 'key')} expired by TTL since the server started`, HealthLinks.expire);
}

function keysWithoutTtl(s: HealthSnapshot): Judgement {
  const a = Advice.keysWithoutTtl;
  const dbs = s.figures.keyspace;
  const keys = dbs.reduce((n, d) => n + d.keys, 0);
  const expires = dbs.reduce((n, d) => n + d.expires, 0);
  if (keys === 0) return j('keysWithoutTtl', 'Keys without TTL', 'no keys', 'ok', 'The keyspace is empty', a.link);
  const share = (keys - expires) / keys;
  const value = `${percent(share)} of ${keys.toLocaleString('en-US')}`;
  if (share > a.warningAbove) return j('keysWithoutTtl', 'Keys without TTL', value, 'warning', `${percent(share)} of keys have no TTL — above ${percent(a.warningAbove)}: set a TTL wherever possible (run the TTL audit to see which prefixes)`, a.link);
  return j('keysWithoutTtl', 'Keys without TTL', value, 'ok', `${percent(share)} of keys have no TTL`, a.link);
}

function keyspace(s: HealthSnapshot): Judgement {
  const a = Advice.databases;
  const dbs = s.figures.keyspace.filter((d) => d.keys > 0);
  const value = dbs.length === 0 ? 'empty' : dbs.map((d) => `db${d.db}: ${d.keys.toLocaleString('en-US')}`).join(', ');
  if (dbs.length > a.warningAbove) return j('keyspace', 'Keys per database', value, 'warning', `Keys in ${dbs.length} databases (${value}) — one cluster should serve one purpose`, a.link);
  return j('keyspace', 'Keys per database', value, 'ok', dbs.length === 0 ? 'No keys' : `Keys per database: ${value}`, HealthLinks.info);
}

function clients(s: HealthSnapshot): Judgement {
  const a = Advice.clients;
  const { connected, maxclients } = s.figures.clients;
  const max = maxclients ?? configNumber(s.config, 'maxclients');
  if (connected === undefined) return j('clients', 'Clients', 'unknown', 'unknown', 'INFO clients does not report connected_clients', a.link);
  const value = max ? `${connected} of ${max}` : String(connected);
  if (max && connected / max > a.warningAboveShareOfMax)
    return j('clients', 'Clients', value, 'warning', `${connected} clients connected — above ${percent(a.warningAboveShareOfMax)} of maxclients ${max}: look for leaked connections`, a.link);
  return j('clients', 'Clients', value, 'ok', `${count(connected, 'client')} connected${max ? ` (maxclients ${max})` : ''}`, a.link);
}

function idleClients(s: HealthSnapshot): Judgement {
  const a = Advice.idleClients;
  if (s.clients.state !== 'ok') return j('idleClients', 'Idle clients', notAvailable(s.clients), 'unknown', `CLIENT LIST ${partWhy(s.clients)} — idle times unknown`, HealthLinks.clientList);
  const apps = applicationClients(s.clients.value, s.ownClientId);
  const buckets = idleBuckets(apps);
  const value = buckets.filter((b) => b.count > 0).map((b) => `${b.label}: ${b.count}`).join(', ') || 'no clients';
  const idleLong = apps.filter((c) => c.idleSeconds >= a.idleWarningSeconds);
  const timeout = configNumber(s.config, 'timeout');
  if (idleLong.length === 0)
    return j('idleClients', 'Idle clients', value, 'ok', `No client idle for ${duration(a.idleWarningSeconds)} or more${timeout === 0 ? ' (server timeout is 0: none are closed for idling)' : ''}`, a.link);
  const longest = Math.max(...idleLong.map((c) => c.idleSeconds));
  const what = `${count(idleLong.length, 'client')} idle for ${duration(a.idleWarningSeconds)} or more (longest ${duration(longest)})`;
  if (timeout === 0) return j('idleClients', 'Idle clients', value, 'warning', `${what} and the server timeout is 0 — leaked connections stay forever; close them in the application`, a.link);
  if (timeout === undefined)
    return j('idleClients', 'Idle clients', value, 'warning', `${what}; the server timeout cannot be read (CONFIG ${partWhy(s.config)}) — check for leaked connections`, a.link);
  return j('idleClients', 'Idle clients', value, 'ok', `${what}; the server closes clients idle for ${duration(timeout)}`, a.link);
}

function slowlog(s: HealthSnapshot): Judgement {
  const a = Advice.slowlog;
  if (s.slowlog.state !== 'ok') return j('slowlog', 'Slowest commands', notAvailable(s.slowlog), 'unknown', `SLOWLOG ${partWhy(s.slowlog)}`, a.link);
  // Sentinel's own connections (named sentinel-<id>-cmd) run CONFIG REWRITE and the like after a
  // failover: not the application's doing, so not judged.
  const fromSentinel = (e: SlowlogEntry): boolean => /^sentinel-[0-9a-f]+-(cmd|pubsub)$/i.test(e.clientName);
  const entries = s.slowlog.value.filter((e) => !fromSentinel(e)).sort((x, y) => y.durationMicros - x.durationMicros);
  const skipped = s.slowlog.value.length - entries.length;
  const worst = entries[0];
  if (!worst) return j('slowlog', 'Slowest commands', 'none', 'ok', skipped > 0 ? `Only Sentinel's own commands are in the slow log (${skipped}); they are not counted` : 'The slow log is empty', a.link);
  const name = (e: (typeof entries)[number]): string => (e.args[0] ?? '?').toUpperCase();
  const value = entries.slice(0, 3).map((e) => `${name(e)} ${micros(e.durationMicros)}`).join(', ');
  const blocking = entries.filter((e) => (a.blocking as readonly string[]).includes((e.args[0] ?? '').toLowerCase()));
  if (blocking.length > 0)
    return j('slowlog', 'Slowest commands', value, blocking.some((e) => e.durationMicros >= a.problemMicros) ? 'problem' : 'warning', `${[...new Set(blocking.map(name))].join(', ')} in the slow log (up to ${micros(Math.max(...blocking.map((e) => e.durationMicros)))}) — it blocks the single-threaded server; use SCAN`, a.link);
  if (worst.durationMicros >= a.problemMicros) return j('slowlog', 'Slowest commands', value, 'problem', `${name(worst)} took ${micros(worst.durationMicros)} — every other client waited that long`, a.link);
  if (worst.durationMicros >= a.warningMicros) return j('slowlog', 'Slowest commands', value, 'warning', `${name(worst)} took ${micros(worst.durationMicros)} — above ${micros(a.warningMicros)}; look for large values or O(N) commands`, a.link);
  return j('slowlog', 'Slowest commands', value, 'ok', `Slowest recent command ${name(worst)} ${micros(worst.durationMicros)}`, a.link);
}

function permissions(s: HealthSnapshot): Judgement | undefined {
  const parts: [string, Part<unknown>][] = [['CONFIG', s.config], ['CLIENT LIST', s.clients], ['SLOWLOG', s.slowlog], ['ROLE', s.role]];
  const refused = parts.filter(([, p]) => p.state === 'notPermitted').map(([n]) => n);
  if (refused.length === 0) return undefined;
  return j('permissions', 'Not permitted', refused.join(', '), 'unknown', `${refused.join(', ')} not permitted on this service — the figures that need ${refused.length === 1 ? 'it' : 'them'} are unknown`, HealthLinks.welkinGuide);
}

function configValue(config: HealthSnapshot['config'], key: string): string | undefined {
  return config.state === 'ok' ? config.value.get(key) : undefined;
}

function configNumber(config: HealthSnapshot['config'], key: string): number | undefined {
  const v = configValue(config, key);
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) ? n : undefined;
}

function notAvailable(part: Part<unknown>): string {
  return part.state === 'notPermitted' ? 'not permitted' : 'unavailable';
}

function partWhy(part: Part<unknown>): string {
  return part.state === 'notPermitted' ? 'not permitted' : part.state === 'failed' ? `failed: ${part.message}` : 'ok';
}
