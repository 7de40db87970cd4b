/** The API resources the stand-in serves, described the way discovery describes them. */

export type NameRule = 'subdomain' | 'label' | 'dns1035';

export interface Subresource {
  readonly name: string;
  readonly kind: string;
  /** Response group/version when it differs from the parent (`deployments/scale` answers autoscaling/v1). */
  readonly group?: string;
  readonly version?: string;
  readonly verbs: readonly string[];
}

export interface ResourceType {
  readonly group: string;
  readonly version: string;
  readonly resource: string;
  readonly singular: string;
  readonly kind: string;
  readonly namespaced: boolean;
  readonly verbs: readonly string[];
  readonly shortNames?: readonly string[];
  readonly categories?: readonly string[];
  readonly subresources: readonly Subresource[];
  /** The real strategy sets `metadata.generation` and bumps it when anything but metadata/status changes. */
  readonly hasGeneration: boolean;
  readonly nameRule: NameRule;
  /** Create-only virtual resources (access reviews) are never stored. */
  readonly virtual: boolean;
  /** Served from a CustomResourceDefinition: list items keep their kind and apiVersion, as the real server's unstructured lists do. */
  readonly customResource?: boolean;
}

const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const;
const STATUS: Subresource = { name: 'status', kind: '', verbs: ['get', 'patch', 'update'] };

function type(
  spec: Omit<ResourceType, 'verbs' | 'subresources' | 'hasGeneration' | 'nameRule' | 'virtual'> &
    Partial<Pick<ResourceType, 'verbs' | 'subresources' | 'hasGeneration' | 'nameRule' | 'virtual'>>,
): ResourceType {
  const subresources = (spec.subresources ?? []).map((s) => (s.kind === '' ? { ...s, kind: spec.kind } : s));
  return { verbs: CRUD, hasGeneration: false, nameRule: 'subdomain', virtual: false, ...spec, subresources };
}

const apps = (resource: string, singular: string, kind: string, shortNames: string[]): ResourceType =>
  type({
    group: 'apps',
    version: 'v1',
    resource,
    singular,
    kind,
    namespaced: true,
    shortNames,
    categories: ['all'],
    hasGeneration: true,
    subresources: [
      STATUS,
      ...(kind === 'DaemonSet' ? [] : [{ name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] }]),
    ],
  });

const review = (resource: string, singular: string, kind: string, namespaced = false): ResourceType =>
  type({ group: 'authorization.k8s.io', version: 'v1', resource, singular, kind, namespaced, verbs: ['create'], virtual: true });

export const RESOURCE_TYPES: readonly ResourceType[] = [
  type({
    group: '',
    version: 'v1',
    resource: 'namespaces',
    singular: 'namespace',
    kind: 'Namespace',
    namespaced: false,
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    shortNames: ['ns'],
    nameRule: 'label',
    subresources: [STATUS, { name: 'finalize', kind: 'Namespace', verbs: ['update'] }],
  }),
  type({ group: '', version: 'v1', resource: 'configmaps', singular: 'configmap', kind: 'ConfigMap', namespaced: true, shortNames: ['cm'] }),
  type({ group: '', version: 'v1', resource: 'secrets', singular: 'secret', kind: 'Secret', namespaced: true }),
  type({
    group: '',
    version: 'v1',
    resource: 'serviceaccounts',
    singular: 'serviceaccount',
    kind: 'ServiceAccount',
    namespaced: true,
    shortNames: ['sa'],
  }),
  type({
    group: '',
    version: 'v1',
    resource: 'pods',
    singular: 'pod',
    kind: 'Pod',
    namespaced: true,
    shortNames: ['po'],
    categories: ['all'],
    subresources: [
      STATUS,
      { name: 'portforward', kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
      { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
      { name: 'log', kind: 'Pod', verbs: ['get'] },
    ],
  }),
  type({
    group: '',
    version: 'v1',
    resource: 'services',
    singular: 'service',
    kind: 'Service',
    namespaced: true,
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    shortNames: ['svc'],
    categories: ['all'],
    nameRule: 'dns1035',
    subresources: [STATUS],
  }),
  type({ group: '', version: 'v1', resource: 'events', singular: 'event', kind: 'Event', namespaced: true, shortNames: ['ev'] }),
  type({ group: '', version: 'v1', resource: 'endpoints', singular: 'endpoints', kind: 'Endpoints', namespaced: true, shortNames: ['ep'] }),
  type({
    group: 'discovery.k8s.io',
    version: 'v1',
    resource: 'endpointslices',
    singular: 'endpointslice',
    kind: 'EndpointSlice',
    namespaced: true,
    hasGeneration: true,
  }),
  apps('deployments', 'deployment', 'Deployment', ['deploy']),
  apps('statefulsets', 'statefulset', 'StatefulSet', ['sts']),
  apps('daemonsets', 'daemonset', 'DaemonSet', ['ds']),
  apps('replicasets', 'replicaset', 'ReplicaSet', ['rs']),
  type({
    group: 'batch',
    version: 'v1',
    resource: 'jobs',
    singular: 'job',
    kind: 'Job',
    namespaced: true,
    categories: ['all'],
    hasGeneration: true,
    subresources: [STATUS],
  }),
  type({
    group: 'batch',
    version: 'v1',
    resource: 'cronjobs',
    singular: 'cronjob',
    kind: 'CronJob',
    namespaced: true,
    shortNames: ['cj'],
    categories: ['all'],
    hasGeneration: true,
    subresources: [STATUS],
  }),
  type({
    group: 'networking.k8s.io',
    version: 'v1',
    resource: 'networkpolicies',
    singular: 'networkpolicy',
    kind: 'NetworkPolicy',
    namespaced: true,
    shortNames: ['netpol'],
    hasGeneration: true,
  }),
  type({
    group: 'policy',
    version: 'v1',
    resource: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    kind: 'PodDisruptionBudget',
    namespaced: true,
    shortNames: ['pdb'],
    hasGeneration: true,
    subresources: [STATUS],
  }),
  // Gatekeeper constraints, as the CRDs Gatekeeper generates from the ConstraintTemplate
  // (k8srequirenetworkpolicy, k8sresourcerequests: two of Welkin's safeguards) serves them: cluster-scoped, categories constraint(s), status written by the audit.
  type({
    group: 'constraints.gatekeeper.sh',
    version: 'v1beta1',
    resource: 'k8srequirenetworkpolicy',
    singular: 'k8srequirenetworkpolicy',
    kind: 'K8sRequireNetworkPolicy',
    namespaced: false,
    categories: ['constraint', 'constraints'],
    customResource: true,
    hasGeneration: true,
    subresources: [STATUS],
  }),
  type({
    group: 'constraints.gatekeeper.sh',
    version: 'v1beta1',
    resource: 'k8sresourcerequests',
    singular: 'k8sresourcerequests',
    kind: 'K8sResourceRequests',
    namespaced: false,
    categories: ['constraint', 'constraints'],
    customResource: true,
    hasGeneration: true,
    subresources: [STATUS],
  }),
  review('selfsubjectaccessreviews', 'selfsubjectaccessreview', 'SelfSubjectAccessReview'),
  review('selfsubjectrulesreviews', 'selfsubjectrulesreview', 'SelfSubjectRulesReview'),
];

export const apiVersionOf = (t: Pick<ResourceType, 'group' | 'version'>): string => (t.group ? `${t.group}/${t.version}` : t.version);

/** `configmaps`, `deployments.apps`: how errors name a resource. */
export const qualifiedResource = (t: ResourceType): string => (t.group ? `${t.resource}.${t.group}` : t.resource);

/** `ConfigMap`, `Deployment.apps`: how validation errors name a kind. */
export const qualifiedKind = (t: ResourceType): string => (t.group ? `${t.kind}.${t.group}` : t.kind);

export function findByResource(group: string, version: string, resource: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.group === group && t.version === version && t.resource === resource);
}

export function findByKind(apiVersion: string, kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => apiVersionOf(t) === apiVersion && t.kind === kind);
}

/** Group versions in the order discovery lists them (core first). */
export function groupVersions(): { group: string; version: string }[] {
  const seen = new Map<string, { group: string; version: string }>();
  for (const t of RESOURCE_TYPES) seen.set(apiVersionOf(t), { group: t.group, version: t.version });
  return [...seen.values()];
}
