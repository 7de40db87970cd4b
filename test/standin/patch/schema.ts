/**
 * The slice of the built-in types' schemas that merging needs: which lists merge by key
 * (`patchMergeKey` for strategic merge, `listMapKeys` for server-side apply), which are sets,
 * and which maps retain keys. Lists not described here are atomic (replaced whole).
 */

export interface SchemaNode {
  readonly fields?: Readonly<Record<string, SchemaNode>>;
  /** `map`: merge items by key; `set`: merge primitive values; absent: atomic. */
  readonly list?: 'map' | 'set';
  readonly mergeKey?: string;
  readonly listMapKeys?: readonly string[];
  readonly items?: SchemaNode;
  readonly retainKeys?: boolean;
}

const mapList = (mergeKey: string, items?: SchemaNode, listMapKeys: readonly string[] = [mergeKey]): SchemaNode => ({
  list: 'map',
  mergeKey,
  listMapKeys,
  ...(items ? { items } : {}),
});
const SET: SchemaNode = { list: 'set' };
const CONDITIONS = mapList('type');

const OBJECT_META: SchemaNode = { fields: { finalizers: SET, ownerReferences: mapList('uid') } };

const CONTAINER: SchemaNode = {
  fields: {
    ports: mapList('containerPort', undefined, ['containerPort', 'protocol']),
    env: mapList('name'),
    volumeMounts: mapList('mountPath'),
    volumeDevices: mapList('devicePath'),
    resizePolicy: mapList('resourceName'),
  },
};

const POD_SPEC: SchemaNode = {
  fields: {
    containers: mapList('name', CONTAINER),
    initContainers: mapList('name', CONTAINER),
    ephemeralContainers: mapList('name', CONTAINER),
    volumes: mapList('name', { retainKeys: true }),
    imagePullSecrets: mapList('name'),
    hostAliases: mapList('ip'),
    topologySpreadConstraints: mapList('topologyKey', undefined, ['topologyKey', 'whenUnsatisfiable']),
    resourceClaims: mapList('name'),
    schedulingGates: mapList('name'),
  },
};

const POD_TEMPLATE: SchemaNode = { fields: { metadata: OBJECT_META, spec: POD_SPEC } };

const workload = (extraSpec: Record<string, SchemaNode> = {}): SchemaNode => ({
  fields: { metadata: OBJECT_META, spec: { fields: { template: POD_TEMPLATE, ...extraSpec } }, status: { fields: { conditions: CONDITIONS } } },
});

const BY_KIND: Readonly<Record<string, SchemaNode>> = {
  Pod: {
    fields: {
      metadata: OBJECT_META,
      spec: POD_SPEC,
      status: { fields: { conditions: CONDITIONS, podIPs: mapList('ip'), hostIPs: mapList('ip') } },
    },
  },
  Deployment: workload({ strategy: { retainKeys: true } }),
  StatefulSet: workload(),
  DaemonSet: workload({ updateStrategy: { retainKeys: true } }),
  ReplicaSet: workload(),
  Job: workload(),
  CronJob: {
    fields: {
      metadata: OBJECT_META,
      spec: { fields: { jobTemplate: { fields: { metadata: OBJECT_META, spec: { fields: { template: POD_TEMPLATE } } } } } },
    },
  },
  Service: { fields: { metadata: OBJECT_META, spec: { fields: { ports: mapList('port', undefined, ['port', 'protocol']) } } } },
  Namespace: { fields: { metadata: OBJECT_META, status: { fields: { conditions: CONDITIONS } } } },
};

export function schemaFor(kind: string): SchemaNode {
  return BY_KIND[kind] ?? { fields: { metadata: OBJECT_META } };
}

export const child = (node: SchemaNode | undefined, key: string): SchemaNode | undefined => node?.fields?.[key];
