/**
 * Safe writes of generated manifests: a server-side dry run first (so the editor can show the
 * live object beside what the server would store), then the real write, conditional on the
 * resourceVersion the preview saw. A change in between is a conflict to review, never a blind
 * overwrite.
 */
import {
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  NetworkingV1Api,
  PatchStrategy,
  setHeaderOptions,
  type ConfigurationOptions,
  type KubeConfig,
  type KubernetesObject,
  type V1ConfigMap,
  type V1NetworkPolicy,
} from '@kubernetes/client-node';
import { err, ok, type Result } from '../util/result';
import type { CallOptions, KubeClient } from './client';
import type { KubeError, RequestIntent } from './errors';

export type PatchableKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';

/** What to apply: a whole ConfigMap or NetworkPolicy (create or update), or a strategic merge patch of a workload. */
export type Applicable =
  | { readonly kind: 'ConfigMap'; readonly object: V1ConfigMap }
  | { readonly kind: 'NetworkPolicy'; readonly object: V1NetworkPolicy }
  | { readonly kind: 'WorkloadPatch'; readonly workloadKind: PatchableKind; readonly namespace: string; readonly name: string; readonly patch: object };

export interface ApplyPreview {
  readonly target: Applicable;
  /** `unchanged`: the dry run stores what is already there; committing does nothing. */
  readonly action: 'create' | 'update' | 'patch' | 'unchanged';
  /** The object as it is now (undefined: it does not exist yet). */
  readonly live: KubernetesObject | undefined;
  /** What the server would store, from `dryRun=All`. */
  readonly dryRun: KubernetesObject;
  /** The live object's resourceVersion; the commit is conditional on it. */
  readonly liveResourceVersion: string | undefined;
}

export type ApplyError =
  | KubeError
  /** Create found the object present: someone created it after the preview. */
  | { readonly kind: 'alreadyExists'; readonly message: string };

/** Reads the live object and asks the server what it would store; changes nothing. */
export async function previewApply(client: KubeClient, target: Applicable, call: CallOptions = {}): Promise<Result<ApplyPreview, ApplyError>> {
  const api = apiFor(target);
  const { namespace, name } = whereOf(target);
  const live = await client.request(api.intent('get', namespace, name), call, (kc, options) => api.read(kc, namespace, name, options));
  if (!live.ok && live.error.kind !== 'notFound') return live;
  const current = live.ok ? live.value : undefined;

  if (target.kind === 'WorkloadPatch') {
    if (!current) return err({ kind: 'notFound', message: `${target.workloadKind} "${name}" does not exist in namespace "${namespace}".` });
    const dryRun = await client.request(api.intent('patch', namespace, name), call, (kc, options) => api.patch(kc, namespace, name, target.patch, 'All', options));
    if (!dryRun.ok) return dryRun;
    return ok(preview(target, 'patch', current, dryRun.value));
  }
  const desired = current ? mergeForUpdate(target, current) : target.object;
  const dryRun = current
    ? await client.request(api.intent('update', namespace, name), call, (kc, options) => api.replace(kc, namespace, name, desired, 'All', options))
    : await client.request(api.intent('create', namespace, name), call, (kc, options) => api.create(kc, namespace, desired, 'All', options));
  if (!dryRun.ok) return dryRun;
  return ok(preview(target, current ? 'update' : 'create', current, dryRun.value));
}

/** The real write of a preview, conditional on the live object being what the preview saw. */
export async function commitApply(client: KubeClient, plan: ApplyPreview, call: CallOptions = {}): Promise<Result<KubernetesObject, ApplyError>> {
  const { target } = plan;
  const api = apiFor(target);
  const { namespace, name } = whereOf(target);
  const what = `${kindOf(target)} "${name}" in namespace "${namespace}"`;
  switch (plan.action) {
    case 'unchanged':
      return ok(plan.live ?? plan.dryRun);
    case 'create': {
      const created = await client.request(api.intent('create', namespace, name), call, (kc, options) => api.create(kc, namespace, plan.dryRun, undefined, options));
      if (!created.ok && created.error.kind === 'conflict') return err({ kind: 'alreadyExists', message: `${what} was created by someone else after the preview. Review the new difference and apply again.` });
      return created;
    }
    case 'update': {
      // dryRun carries no resourceVersion of its own on every server; pin the one the preview saw.
      const body = withResourceVersion(plan.dryRun, plan.liveResourceVersion);
      return explainRace(what, await client.request(api.intent('update', namespace, name), call, (kc, options) => api.replace(kc, namespace, name, body, undefined, options)));
    }
    case 'patch': {
      // A resourceVersion inside a patch is a precondition: the server answers 409 when it moved on.
      const body = withResourceVersion(target.kind === 'WorkloadPatch' ? target.patch : {}, plan.liveResourceVersion);
      return explainRace(what, await client.request(api.intent('patch', namespace, name), call, (kc, options) => api.patch(kc, namespace, name, body, undefined, options)));
    }
  }
}

/** The object as the diff view should show it: without managedFields, which nobody edits by hand. */
export function forDisplay(object: KubernetesObject | undefined): KubernetesObject | undefined {
  if (!object) return undefined;
  const { managedFields: _managed, ...metadata } = object.metadata ?? {};
  return { ...object, metadata };
}

function preview(target: Applicable, action: 'create' | 'update' | 'patch', live: KubernetesObject | undefined, dryRun: KubernetesObject): ApplyPreview {
  const unchanged = live !== undefined && JSON.stringify(comparable(live)) === JSON.stringify(comparable(dryRun));
  return { target, action: unchanged ? 'unchanged' : action, live, dryRun, liveResourceVersion: live?.metadata?.resourceVersion };
}

/** The parts a user changes; server-maintained metadata differs between a read and a dry run. */
function comparable(object: KubernetesObject): unknown {
  const o = object as KubernetesObject & { data?: unknown; binaryData?: unknown; spec?: unknown };
  return { labels: o.metadata?.labels ?? {}, annotations: o.metadata?.annotations ?? {}, data: o.data, binaryData: o.binaryData, spec: o.spec };
}

/**
 * Update keeps what the live object has beyond ours: other labels, annotations and (ConfigMap)
 * other data keys. A NetworkPolicy's spec is ours entirely.
 */
function mergeForUpdate(target: Exclude<Applicable, { kind: 'WorkloadPatch' }>, live: KubernetesObject): KubernetesObject {
  const metadata = {
    ...live.metadata,
    labels: merged(live.metadata?.labels, target.object.metadata?.labels),
    annotations: merged(live.metadata?.annotations, target.object.metadata?.annotations),
  };
  if (target.kind === 'ConfigMap') {
    const current = live as V1ConfigMap;
    const next: V1ConfigMap = { ...current, metadata, data: { ...current.data, ...target.object.data } };
    return next;
  }
  const next: V1NetworkPolicy = { ...(live as V1NetworkPolicy), metadata, spec: target.object.spec };
  return next;
}

function merged(a: Record<string, string> | undefined, b: Record<string, string> | undefined): Record<string, string> | undefined {
  return a === undefined && b === undefined ? undefined : { ...a, ...b };
}

function withResourceVersion<T extends object>(body: T, resourceVersion: string | undefined): T {
  const metadata = (body as { metadata?: object }).metadata ?? {};
  return { ...body, metadata: { ...metadata, resourceVersion } };
}

function explainRace(what: string, result: Result<KubernetesObject, KubeError>): Result<KubernetesObject, ApplyError> {
  if (result.ok) return result;
  if (result.error.kind === 'conflict') return err({ kind: 'conflict', message: `${what} changed after the preview (${result.error.message}). Nothing was written: review the new difference and apply again.` });
  if (result.error.kind === 'notFound') return err({ kind: 'notFound', message: `${what} was deleted after the preview. Nothing was written.` });
  return result;
}

function whereOf(target: Applicable): { namespace: string; name: string } {
  if (target.kind === 'WorkloadPatch') return { namespace: target.namespace, name: target.name };
  return { namespace: target.object.metadata?.namespace ?? '', name: target.object.metadata?.name ?? '' };
}

function kindOf(target: Applicable): string {
  return target.kind === 'WorkloadPatch' ? target.workloadKind : target.kind;
}

// ---------------------------------------------------------------------------
// The typed client-node calls per kind.
// ---------------------------------------------------------------------------

type DryRun = 'All' | undefined;

interface KindApi {
  intent(verb: string, namespace: string, name: string): RequestIntent;
  read(kc: KubeConfig, namespace: string, name: string, options: ConfigurationOptions): Promise<KubernetesObject>;
  create(kc: KubeConfig, namespace: string, body: KubernetesObject, dryRun: DryRun, options: ConfigurationOptions): Promise<KubernetesObject>;
  replace(kc: KubeConfig, namespace: string, name: string, body: KubernetesObject, dryRun: DryRun, options: ConfigurationOptions): Promise<KubernetesObject>;
  patch(kc: KubeConfig, namespace: string, name: string, body: object, dryRun: DryRun, options: ConfigurationOptions): Promise<KubernetesObject>;
}

const RESOURCES: Record<'ConfigMap' | 'NetworkPolicy' | PatchableKind, string> = {
  ConfigMap: 'configmaps',
  NetworkPolicy: 'networkpolicies.networking.k8s.io',
  Deployment: 'deployments.apps',
  StatefulSet: 'statefulsets.apps',
  DaemonSet: 'daemonsets.apps',
  Job: 'jobs.batch',
  CronJob: 'cronjobs.batch',
};

const strategic = (options: ConfigurationOptions): ConfigurationOptions => setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch, options);

const unsupported = (what: string) => (): Promise<never> => Promise.reject(new Error(`${what} is not supported here`));

function apiFor(target: Applicable): KindApi {
  const kind = target.kind === 'WorkloadPatch' ? target.workloadKind : target.kind;
  const intent = (verb: string, namespace: string, name: string): RequestIntent => ({ verb, resource: RESOURCES[kind], namespace, name });
  switch (kind) {
    case 'ConfigMap':
      return {
        intent,
        read: (kc, namespace, name, o) => kc.makeApiClient(CoreV1Api).readNamespacedConfigMap({ namespace, name }, o),
        create: (kc, namespace, body, dryRun, o) => kc.makeApiClient(CoreV1Api).createNamespacedConfigMap({ namespace, body, dryRun }, o),
        replace: (kc, namespace, name, body, dryRun, o) => kc.makeApiClient(CoreV1Api).replaceNamespacedConfigMap({ namespace, name, body, dryRun }, o),
        patch: unsupported('Patching a ConfigMap'),
      };
    case 'NetworkPolicy':
      return {
        intent,
        read: (kc, namespace, name, o) => kc.makeApiClient(NetworkingV1Api).readNamespacedNetworkPolicy({ namespace, name }, o),
        create: (kc, namespace, body, dryRun, o) => kc.makeApiClient(NetworkingV1Api).createNamespacedNetworkPolicy({ namespace, body, dryRun }, o),
        replace: (kc, namespace, name, body, dryRun, o) =>
          kc.makeApiClient(NetworkingV1Api).replaceNamespacedNetworkPolicy({ namespace, name, body, dryRun }, o),
        patch: unsupported('Patching a NetworkPolicy'),
      };
    case 'Deployment':
      return workloadApi(intent, (kc, namespace, name, o) => kc.makeApiClient(AppsV1Api).readNamespacedDeployment({ namespace, name }, o), (kc, params, o) => kc.makeApiClient(AppsV1Api).patchNamespacedDeployment(params, o));
    case 'StatefulSet':
      return workloadApi(intent, (kc, namespace, name, o) => kc.makeApiClient(AppsV1Api).readNamespacedStatefulSet({ namespace, name }, o), (kc, params, o) => kc.makeApiClient(AppsV1Api).patchNamespacedStatefulSet(params, o));
    case 'DaemonSet':
      return workloadApi(intent, (kc, namespace, name, o) => kc.makeApiClient(AppsV1Api).readNamespacedDaemonSet({ namespace, name }, o), (kc, params, o) => kc.makeApiClient(AppsV1Api).patchNamespacedDaemonSet(params, o));
    case 'Job':
      return workloadApi(intent, (kc, namespace, name, o) => kc.makeApiClient(BatchV1Api).readNamespacedJob({ namespace, name }, o), (kc, params, o) => kc.makeApiClient(BatchV1Api).patchNamespacedJob(params, o));
    case 'CronJob':
      return workloadApi(intent, (kc, namespace, name, o) => kc.makeApiClient(BatchV1Api).readNamespacedCronJob({ namespace, name }, o), (kc, params, o) => kc.makeApiClient(BatchV1Api).patchNamespacedCronJob(params, o));
  }
}

interface PatchParams {
  readonly namespace: string;
  readonly name: string;
  readonly body: object;
  readonly dryRun: DryRun;
}

function workloadApi(
  intent: KindApi['intent'],
  read: KindApi['read'],
  patch: (kc: KubeConfig, params: PatchParams, options: ConfigurationOptions) => Promise<KubernetesObject>,
): KindApi {
  return {
    intent,
    read,
    create: unsupported('Creating a workload'),
    replace: unsupported('Replacing a workload'),
    patch: (kc, namespace, name, body, dryRun, o) => patch(kc, { namespace, name, body, dryRun }, strategic(o)),
  };
}
