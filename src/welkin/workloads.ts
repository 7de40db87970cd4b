import type { V1CronJob, V1DaemonSet, V1Deployment, V1Job, V1PodTemplateSpec, V1StatefulSet } from '@kubernetes/client-node';
import { ACCESS_LABEL_VALUE } from './flavour';

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';

export type Workload =
  | { readonly kind: 'Deployment'; readonly object: V1Deployment }
  | { readonly kind: 'StatefulSet'; readonly object: V1StatefulSet }
  | { readonly kind: 'DaemonSet'; readonly object: V1DaemonSet }
  | { readonly kind: 'Job'; readonly object: V1Job }
  | { readonly kind: 'CronJob'; readonly object: V1CronJob };

export interface WorkloadAccess {
  readonly kind: WorkloadKind;
  readonly name: string;
  readonly namespace: string;
  /** The pod template carries `<access label>: allow`. */
  readonly hasAccess: boolean;
  /** The label is present with another value (NetworkPolicies then deny). */
  readonly wrongValue: string | undefined;
  /** The pod template reads the given ConfigMap (env, envFrom or a volume). */
  readonly usesAppConfigMap: boolean;
  readonly state: string;
  readonly healthy: boolean;
}

/** The pod template the access label belongs on (CronJob: `spec.jobTemplate.spec.template`). */
export function podTemplateOf(workload: Workload): V1PodTemplateSpec | undefined {
  return workload.kind === 'CronJob' ? workload.object.spec?.jobTemplate?.spec?.template : workload.object.spec?.template;
}

export function assessWorkload(workload: Workload, accessLabelKey: string, appConfigMapName: string | undefined): WorkloadAccess {
  const template = podTemplateOf(workload);
  const value = template?.metadata?.labels?.[accessLabelKey];
  return {
    kind: workload.kind,
    name: workload.object.metadata?.name ?? '',
    namespace: workload.object.metadata?.namespace ?? '',
    hasAccess: value === ACCESS_LABEL_VALUE,
    wrongValue: value !== undefined && value !== ACCESS_LABEL_VALUE ? value : undefined,
    usesAppConfigMap: appConfigMapName !== undefined && referencesConfigMap(template, appConfigMapName),
    ...stateOf(workload),
  };
}

export function referencesConfigMap(template: V1PodTemplateSpec | undefined, name: string): boolean {
  const spec = template?.spec;
  if (!spec) return false;
  const containers = [...(spec.initContainers ?? []), ...spec.containers];
  return (
    containers.some(
      (c) => (c.envFrom ?? []).some((e) => e.configMapRef?.name === name) || (c.env ?? []).some((e) => e.valueFrom?.configMapKeyRef?.name === name),
    ) ||
    (spec.volumes ?? []).some((v) => v.configMap?.name === name || (v.projected?.sources ?? []).some((s) => s.configMap?.name === name))
  );
}

function stateOf(workload: Workload): { state: string; healthy: boolean } {
  switch (workload.kind) {
    case 'Deployment':
    case 'StatefulSet': {
      const desired = workload.object.spec?.replicas ?? 1;
      const ready = workload.object.status?.readyReplicas ?? 0;
      return { state: `${ready}/${desired} ready`, healthy: ready >= desired };
    }
    case 'DaemonSet': {
      const desired = workload.object.status?.desiredNumberScheduled ?? 0;
      const ready = workload.object.status?.numberReady ?? 0;
      return { state: `${ready}/${desired} ready`, healthy: ready >= desired };
    }
    case 'Job': {
      const s = workload.object.status;
      if ((s?.succeeded ?? 0) > 0) return { state: 'completed', healthy: true };
      if ((s?.failed ?? 0) > 0) return { state: `${s?.failed} failed`, healthy: false };
      return { state: (s?.active ?? 0) > 0 ? 'running' : 'pending', healthy: true };
    }
    case 'CronJob': {
      const suspended = workload.object.spec?.suspend === true;
      const last = workload.object.status?.lastScheduleTime;
      return { state: suspended ? 'suspended' : `schedule ${workload.object.spec?.schedule ?? '?'}${last ? `, last run ${new Date(last).toISOString().slice(0, 16).replace('T', ' ')}` : ''}`, healthy: true };
    }
  }
}
