import { Advice } from '../../valkey/health/advice';
import { applicationClients } from '../../valkey/health/clients';
import type { HealthSnapshot } from '../../valkey/health/collect';
import { duration } from '../../valkey/health/format';
import { judgeHealth, type FigureId, type Judgement } from '../../valkey/health/judge';
import { addrIp, joinConnections, type ConnectionJoin, type ControllerOwners } from '../connectionsByWorkload';
import { GoLiveLinks, item, unchecked, type CheckItem } from '../model';
import type { PodLike } from '../snapshot';

const LINK = { title: 'Welkin guide: best practices for the server', url: GoLiveLinks.guide };
const JUDGED: readonly FigureId[] = ['evictionPolicy', 'memory', 'hitRatio', 'keysWithoutTtl'];

export interface ServerInput {
  /** The health snapshot, or why there is none (no session, refused, unreachable). */
  readonly health: { readonly ok: true; readonly value: HealthSnapshot } | { readonly ok: false; readonly error: { readonly message: string } };
  /** Pods the user can see (application namespaces): CLIENT LIST addresses are matched to their IPs. */
  readonly pods: readonly PodLike[];
  readonly controllers?: ControllerOwners;
  /** The cluster's own Sentinel and data pods: their connections (Sentinels, replicas) are not the application's. */
  readonly clusterPods?: readonly PodLike[];
  /** Share of keys without TTL from a TTL audit sample, when one ran. */
  readonly ttlAudit?: { readonly sampled: number; readonly withoutTtl: number } | undefined;
  /** Default: the health view's threshold (one hour, "idle for hours"). */
  readonly idleWarningSeconds?: number;
}

export interface ServerResult {
  readonly item: CheckItem;
  readonly connections: ConnectionJoin | undefined;
}

function configValue(s: HealthSnapshot, key: string): string | undefined {
  return s.config.state === 'ok' ? s.config.value.get(key) : undefined;
}

/** 7. Eviction policy, memory headroom, hit ratio, keys without TTL, and connections by workload (idle ones named). */
export function checkServer(input: ServerInput): ServerResult {
  if (!input.health.ok) return { item: unchecked('server', `no session with the server (${input.health.error.message})`, 'server', LINK), connections: undefined };
  const s = input.health.value;
  const threshold = input.idleWarningSeconds ?? Advice.idleClients.idleWarningSeconds;
  const judgements = judgeHealth(s).filter((j) => JUDGED.includes(j.id));
  const details: string[] = judgements.map((j) => `${level(j)} ${j.sentence}`);
  let warned = judgements.some((j) => j.level === 'warning');
  const failed = judgements.some((j) => j.level === 'problem');
  if (input.ttlAudit && input.ttlAudit.sampled > 0) {
    const share = input.ttlAudit.withoutTtl / input.ttlAudit.sampled;
    const high = share > Advice.keysWithoutTtl.warningAbove;
    warned ||= high;
    details.push(`${high ? 'WARN' : 'ok'} TTL audit: ${Math.round(share * 100)} % of ${input.ttlAudit.sampled.toLocaleString('en-US')} sampled keys have no TTL`);
  }
  let connections: ConnectionJoin | undefined;
  if (s.clients.state === 'ok') {
    const own = new Set((input.clusterPods ?? []).flatMap((p) => [p.status?.podIP, ...(p.status?.podIPs ?? []).map((i) => i.ip)]).filter((ip): ip is string => Boolean(ip)));
    const all = applicationClients(s.clients.value, s.ownClientId);
    const apps = all.filter((c) => !own.has(addrIp(c.addr)));
    connections = joinConnections(apps, input.pods, threshold, input.controllers);
    const timeout = Number(configValue(s, 'timeout'));
    const timeoutKnown = configValue(s, 'timeout') !== undefined;
    for (const w of connections.byWorkload) {
      const leak = w.idleLong > 0 && (!timeoutKnown || timeout === 0);
      warned ||= leak;
      details.push(
        `${leak ? 'WARN' : 'ok'} ${w.workload}: ${w.connections} connection${w.connections === 1 ? '' : 's'} from ${w.pods.length} pod${w.pods.length === 1 ? '' : 's'}` +
          (w.idleLong > 0 ? `, ${w.idleLong} idle for ${duration(threshold)} or more (longest ${duration(w.longestIdleSeconds)})${leak ? (timeoutKnown ? ' while the server timeout is 0: leaked connections stay forever' : '; the server timeout cannot be read') : ''}` : ''),
      );
    }
    const other = connections.unknown.reduce((n, u) => n + u.connections, 0);
    if (all.length > apps.length) details.push(`${all.length - apps.length} connection${all.length - apps.length === 1 ? '' : 's'} from the cluster's own Sentinel and data pods (not counted)`);
    if (other > 0) details.push(`${other} connection${other === 1 ? '' : 's'} from addresses that are no pod you can see (${connections.unknown.map((u) => u.ip).join(', ')})`);
  } else {
    details.push(`CLIENT LIST is not available (${s.clients.state}): connections by workload unknown`);
  }
  const status = failed ? 'fail' : warned ? 'warn' : 'pass';
  const summary = failed ? 'The server needs attention before going live.' : warned ? 'The server works; some figures are outside the platform’s advice.' : 'Eviction, memory, hit ratio, TTLs and connections are within the platform’s advice.';
  return { item: item('server', { status, summary, details, link: LINK, fixes: [], source: 'server' }), connections };
}

function level(j: Judgement): string {
  return j.level === 'ok' ? 'ok' : j.level === 'warning' ? 'WARN' : j.level === 'problem' ? 'FAIL' : 'n/a';
}
