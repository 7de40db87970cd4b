import { GoLiveLinks, item, unchecked, type CheckItem } from '../model';
import type { ClusterSnapshot, ConstraintLike } from '../snapshot';
import { consumers } from './accessLabel';

const LINK = { title: 'Welkin safeguards (Gatekeeper constraints)', url: GoLiveLinks.safeguards };

/** The Pod-level kinds a violation may name for a workload (Gatekeeper audits pods as well as their controllers). */
function ownsViolation(workloadKind: string, workloadName: string, v: { kind?: string; name?: string }): boolean {
  if (v.kind === workloadKind && v.name === workloadName) return true;
  if (v.kind === 'Pod' || v.kind === 'ReplicaSet' || v.kind === 'Job') return (v.name ?? '').startsWith(`${workloadName}-`);
  return false;
}

/** 4. Where the user may read Gatekeeper's constraints, their audit finds no violation for the namespace's consumers. */
export function checkGatekeeper(s: ClusterSnapshot): CheckItem {
  if (!s.constraints.ok) return unchecked('gatekeeper', `Gatekeeper's constraints are not readable (${s.constraints.error.message})`, 'cluster', LINK);
  if (s.constraints.value.length === 0) return unchecked('gatekeeper', 'no Gatekeeper constraints found (Gatekeeper is not installed or lists none you may read)', 'cluster', LINK);
  if (!s.constraints.value.some((c) => c.status?.auditTimestamp)) return unchecked('gatekeeper', `Gatekeeper has not audited its ${s.constraints.value.length} constraint${s.constraints.value.length === 1 ? '' : 's'} yet`, 'cluster', LINK);
  const used = s.workloads.ok ? consumers(s, s.workloads.value) : [];
  const violations: string[] = [];
  const namespaceWide: string[] = [];
  for (const c of s.constraints.value) {
    const constraint = `${c.kind ?? 'Constraint'}/${c.metadata?.name ?? ''}`;
    for (const v of c.status?.violations ?? []) {
      if (v.namespace !== s.namespace) continue;
      const text = `${constraint} (${v.enforcementAction ?? c.spec?.enforcementAction ?? 'deny'}): ${v.kind ?? ''}/${v.name ?? ''}: ${v.message ?? ''}`;
      if (used.some((u) => ownsViolation(u.access.kind, u.access.name, v))) violations.push(text);
      else namespaceWide.push(text);
    }
  }
  const audited = auditSummary(s.constraints.value);
  if (violations.length > 0) return item('gatekeeper', { status: 'fail', summary: `${violations.length} Gatekeeper violation${violations.length === 1 ? '' : 's'} for the workloads using the cluster.`, details: [...violations, ...namespaceWide, audited], link: LINK, fixes: [], source: 'cluster' });
  if (namespaceWide.length > 0) return item('gatekeeper', { status: 'warn', summary: `${namespaceWide.length} Gatekeeper violation${namespaceWide.length === 1 ? '' : 's'} elsewhere in ${s.namespace}.`, details: [...namespaceWide, audited], link: LINK, fixes: [], source: 'cluster' });
  return item('gatekeeper', { status: 'pass', summary: `No violations of ${s.constraints.value.length} Gatekeeper constraint${s.constraints.value.length === 1 ? '' : 's'} in ${s.namespace}.`, details: [audited], link: LINK, fixes: [], source: 'cluster' });
}

function auditSummary(constraints: readonly ConstraintLike[]): string {
  const times = constraints.map((c) => c.status?.auditTimestamp).filter((t): t is string => Boolean(t)).sort();
  return `Last audit: ${times[times.length - 1] ?? '?'} (violations are only as fresh as Gatekeeper's audit).`;
}
