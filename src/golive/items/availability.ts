import { podTemplateOf } from '../../welkin/workloads';
import { GoLiveLinks, item, unchecked, type CheckItem } from '../model';
import { selectorMatches } from '../networkPolicy';
import type { ClusterSnapshot, PodDisruptionBudgetLike } from '../snapshot';
import { consumers, workloadRef } from './accessLabel';

const LINK = { title: 'Welkin go-live checklist: survive a rolling node reboot', url: GoLiveLinks.goLive };

/** A PDB's minAvailable/maxUnavailable as a pod count for `replicas` pods (percentages round up, as the disruption controller does). */
function scaled(value: number | string, replicas: number): number {
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value.trim());
  return m ? Math.ceil((Number(m[1]) * replicas) / 100) : Number(value);
}

/** How many of `replicas` pods the budget lets a node drain evict at once. */
export function allowedDisruptions(pdb: PodDisruptionBudgetLike, replicas: number): number {
  const spec = pdb.spec ?? {};
  if (spec.maxUnavailable !== undefined) return Math.max(0, scaled(spec.maxUnavailable, replicas));
  if (spec.minAvailable !== undefined) return Math.max(0, replicas - scaled(spec.minAvailable, replicas));
  return replicas;
}

/** 5. Consumers run at least 2 replicas, and a PodDisruptionBudget, when one selects them, lets a drain evict one. */
export function checkAvailability(s: ClusterSnapshot): CheckItem {
  if (!s.workloads.ok) return unchecked('availability', `the workloads of ${s.namespace} are not readable (${s.workloads.error.message})`, 'cluster', LINK);
  const used = consumers(s, s.workloads.value);
  if (used.length === 0) return unchecked('availability', `no workload in ${s.namespace} uses the cluster (see item 2)`, 'cluster', LINK);
  const problems: string[] = [];
  const details: string[] = [];
  for (const { workload, access } of used) {
    const ref = workloadRef(access);
    if (workload.kind !== 'Deployment' && workload.kind !== 'StatefulSet') {
      details.push(`${ref}: not a long-running replicated workload (${workload.kind}), not judged`);
      continue;
    }
    const replicas = workload.object.spec?.replicas ?? 1;
    if (replicas < 2) {
      problems.push(`${ref} runs ${replicas} replica${replicas === 1 ? '' : 's'}: a node reboot takes it down (the checklist asks for at least 2)`);
      continue;
    }
    const labels = podTemplateOf(workload)?.metadata?.labels ?? {};
    const budgets = s.podDisruptionBudgets.ok ? s.podDisruptionBudgets.value.filter((p) => p.spec?.selector && selectorMatches(p.spec.selector, labels)) : [];
    const blocking = budgets.filter((p) => allowedDisruptions(p, replicas) < 1);
    if (blocking.length > 0) problems.push(`${ref}: the PodDisruptionBudget ${blocking.map((p) => p.metadata?.name ?? '').join(', ')} allows no disruption of its ${replicas} replicas, so a node drain blocks`);
    else details.push(`${ref}: ${replicas} replicas${budgets.length > 0 ? `, PodDisruptionBudget ${budgets.map((p) => p.metadata?.name ?? '').join(', ')} allows a drain` : ''}`);
  }
  if (!s.podDisruptionBudgets.ok) details.push(`PodDisruptionBudgets are not readable (${s.podDisruptionBudgets.error.message}): only replicas were judged.`);
  if (problems.length > 0) return item('availability', { status: 'fail', summary: `${problems.length} workload${problems.length === 1 ? '' : 's'} using the cluster would go down in a rolling node reboot.`, details: [...problems, ...details], link: LINK, fixes: [], source: 'cluster' });
  return item('availability', { status: s.podDisruptionBudgets.ok ? 'pass' : 'warn', summary: 'The workloads using the cluster survive a rolling node reboot.', details, link: LINK, fixes: [], source: 'cluster' });
}
