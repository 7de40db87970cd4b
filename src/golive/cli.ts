/**
 * `valkey-welkin check`: the go-live check from a repository, for CI.
 *
 *   valkey-welkin check [PATH] [--namespace NS] [--cluster NAME] [--sentinel HOST:PORT]
 *                       [--format text|json|junit|sarif] [--kubeconfig PATH --context CTX] [--no-code]
 *
 * Items 1-3 and 5 are judged from the repository's manifests (plain YAML, Kustomize overlays, Helm
 * charts) and item 6 from its code. With --context (and a kubeconfig) the in-cluster items are added
 * and marked so: the administrator's announcement (item 1), the Valkey pods and namespace labels
 * (item 3), Gatekeeper (4), the server (7) and one purpose per cluster (8); without, they say they
 * need a cluster. Exit status: 0 all pass, 1 a warning or an item not checked, 2 a failure, 3 a
 * usage error.
 */
import { homedir } from 'node:os';
import path from 'node:path';
import { CredentialCache, KubeClient } from '../kube/client';
import { describeKubeconfigProblem, loadKubeconfig } from '../kube/kubeconfig';
import { resolveKubeconfigLocation } from '../kube/kubeconfigPaths';
import { collectHealth } from '../valkey/health/collect';
import { ValkeySession } from '../valkey/session';
import { discoverClusters } from '../welkin/discovery';
import { parsePort, parseSentinelHost, sentinelAddress, type ValkeyCluster } from '../welkin/clusterAnnouncement';
import { FLAVOURS, appConfigMapName, flavourKeys, type Flavour } from '../welkin/flavour';
import type { Workload, WorkloadKind } from '../welkin/workloads';
import { ok } from '../util/result';
import { readClusterSnapshot, readPodsForJoin } from './clusterReads';
import { scanCode } from './codeScan';
import { accessLabelsOf } from './items/accessLabel';
import type { ServerInput } from './items/server';
import { unchecked, type CheckItem, type ItemId } from './model';
import { exitCodeOf, renderReport, REPORT_FORMATS, type ReportFormat } from './render/formats';
import { buildReport } from './report';
import { readRepoManifests, type ManifestObject } from './repoManifests';
import type { ClusterSnapshot, PodDisruptionBudgetLike, Read } from './snapshot';

export interface CheckIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export const CHECK_USAGE =
  'usage: valkey-welkin check [PATH] [--namespace NS] [--cluster NAME] [--sentinel HOST:PORT] [--format text|json|junit|sarif] [--kubeconfig PATH] [--context CTX] [--no-code]';

class UsageError extends Error {}

interface CheckArgs {
  readonly root: string;
  readonly namespace: string | undefined;
  readonly cluster: string | undefined;
  readonly sentinel: string | undefined;
  readonly format: ReportFormat;
  readonly kubeconfig: string | undefined;
  readonly context: string | undefined;
  readonly code: boolean;
}

function parseArgs(argv: readonly string[], cwd: string): CheckArgs {
  const values = new Map<string, string>();
  const paths: string[] = [];
  let code = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--no-code') {
      code = false;
      continue;
    }
    if (!arg.startsWith('--')) {
      paths.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!['--namespace', '--cluster', '--sentinel', '--format', '--kubeconfig', '--context'].includes(name)) throw new UsageError(`unknown option "${arg}"`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    values.set(name, value);
  }
  if (paths.length > 1) throw new UsageError('give one PATH (the repository)');
  const format = (values.get('--format') ?? 'text') as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  return {
    root: path.resolve(cwd, paths[0] ?? '.'),
    namespace: values.get('--namespace'),
    cluster: values.get('--cluster'),
    sentinel: values.get('--sentinel'),
    format,
    kubeconfig: values.get('--kubeconfig'),
    context: values.get('--context'),
    code,
  };
}

const WORKLOAD_KINDS: readonly WorkloadKind[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];
const NEEDS_CLUSTER = 'an in-cluster item: run with --context (and --kubeconfig) to check it';

/** The cluster the repository is wired to: named by --cluster or by the access labels, its Sentinel by --sentinel or the app ConfigMap. */
function clusterFromRepo(args: CheckArgs, objects: readonly ManifestObject[], namespace: string): { cluster: ValkeyCluster; announced: boolean } | string {
  const workloads = objects.filter((o) => WORKLOAD_KINDS.includes(o.kind as WorkloadKind)).map((object) => ({ kind: object.kind, object }) as Workload);
  const labelled = workloads.flatMap((w) => accessLabelsOf(w));
  const name = args.cluster ?? labelled[0]?.cluster;
  const flavour: Flavour = labelled.find((l) => l.cluster === name)?.flavour ?? 'valkey';
  if (!name) return 'no cluster: give --cluster NAME (no workload carries an elastisys.io/valkey-<cluster>-access label)';
  let host: { service: string; namespace: string; host: string } | string = `rfs-${name}.valkey-system`;
  let port: number | string = 26379;
  if (args.sentinel) {
    const [h, p] = args.sentinel.split(':');
    host = parseSentinelHost(h);
    port = parsePort(p ?? '26379');
  } else {
    const app = objects.find((o) => o.kind === 'ConfigMap' && FLAVOURS.some((f) => o.metadata?.name === appConfigMapName(f)));
    const data = (app?.data ?? {}) as Record<string, string>;
    const keys = flavourKeys(flavour);
    if (data[keys.sentinelHost]) host = parseSentinelHost(data[keys.sentinelHost]);
    if (data[keys.sentinelPort]) port = parsePort(data[keys.sentinelPort]);
  }
  if (typeof host === 'string') host = parseSentinelHost(host);
  if (typeof host === 'string') return `the Sentinel host: ${host}`;
  if (typeof port === 'string') return `the Sentinel port: ${port}`;
  return { cluster: { flavour, name, sentinel: { ...host, port }, source: { namespace, name: '(repository)' } }, announced: args.sentinel !== undefined };
}

function fromRepo(objects: readonly ManifestObject[], namespace: string): Pick<ClusterSnapshot, 'configMaps' | 'workloads' | 'networkPolicies' | 'podDisruptionBudgets'> {
  const inNs = objects.filter((o) => (o.metadata?.namespace ?? namespace) === namespace);
  return {
    configMaps: ok(inNs.filter((o) => o.kind === 'ConfigMap') as never[]),
    workloads: ok(inNs.filter((o) => WORKLOAD_KINDS.includes(o.kind as WorkloadKind)).map((object) => ({ kind: object.kind, object }) as Workload)),
    networkPolicies: ok(inNs.filter((o) => o.kind === 'NetworkPolicy').map((o) => ({ ...o, metadata: { ...o.metadata, namespace } }))),
    podDisruptionBudgets: ok(inNs.filter((o) => o.kind === 'PodDisruptionBudget') as PodDisruptionBudgetLike[]),
  };
}

const notInRepo = <T>(): Read<T> => ({ ok: false, error: { kind: 'notInRepository', message: NEEDS_CLUSTER } });

export async function runCheck(argv: readonly string[], io: CheckIo): Promise<number> {
  let args: CheckArgs;
  try {
    args = parseArgs(argv, io.cwd);
  } catch (e) {
    io.stderr(`valkey-welkin check: ${(e as Error).message}\n${CHECK_USAGE}\n`);
    return 3;
  }
  const started = Date.now();
  const manifests = await readRepoManifests(args.root);
  for (const note of manifests.notes) io.stderr(`valkey-welkin check: ${note}\n`);
  const objects = manifests.objects.map((o) => o.object);
  const namespace = args.namespace ?? objects.find((o) => o.kind === 'ConfigMap' && o.metadata?.namespace)?.metadata?.namespace ?? objects.find((o) => o.metadata?.namespace)?.metadata?.namespace ?? 'default';
  let live: { client: KubeClient; cluster: ValkeyCluster; known: { flavour: Flavour; name: string }[]; others: string[] } | undefined;
  if (args.context) {
    const location = args.kubeconfig ? { source: 'setting' as const, files: [args.kubeconfig] } : resolveKubeconfigLocation({ env: io.env, homedir: homedir() });
    const loaded = await loadKubeconfig(location);
    if (!loaded.ok) {
      io.stderr(`valkey-welkin check: ${describeKubeconfigProblem(loaded.error)}\n`);
      return 3;
    }
    const client = new KubeClient(loaded.value.kubeConfig, args.context, { timeoutMs: 15_000, loginTimeoutMs: 180_000, credentials: new CredentialCache() });
    const discovery = await discoverClusters(client, { extraNamespaces: [namespace] });
    if (!discovery.ok) {
      io.stderr(`valkey-welkin check: cannot read the cluster (context ${args.context}): ${discovery.error.message}\n`);
      return 3;
    }
    const announced = discovery.value.namespaces.find((n) => n.namespace === namespace)?.announcements.flatMap((a) => (a.ok ? [a.value] : [])) ?? [];
    const fromLabels = clusterFromRepo(args, objects, namespace);
    const wanted = args.cluster ?? (typeof fromLabels === 'string' ? undefined : fromLabels.cluster.name);
    const cluster = announced.find((c) => wanted === undefined || c.name === wanted);
    if (!cluster) {
      io.stderr(`valkey-welkin check: no Valkey cluster${wanted ? ` "${wanted}"` : ''} is announced to namespace "${namespace}" (context ${args.context})${announced.length ? `; it announces ${announced.map((c) => `"${c.name}"`).join(', ')}` : ''}\n`);
      return 3;
    }
    const address = sentinelAddress(cluster);
    live = {
      client,
      cluster,
      known: discovery.value.namespaces.flatMap((n) => n.announcements.flatMap((a) => (a.ok ? [{ flavour: a.value.flavour, name: a.value.name }] : []))),
      others: discovery.value.namespaces.filter((n) => n.namespace !== namespace && !n.error && n.announcements.some((a) => a.ok && sentinelAddress(a.value) === address)).map((n) => n.namespace),
    };
  }
  const repoCluster = live ? { cluster: live.cluster, announced: true } : clusterFromRepo(args, objects, namespace);
  if (typeof repoCluster === 'string') {
    io.stderr(`valkey-welkin check: ${repoCluster}\n${CHECK_USAGE}\n`);
    return 3;
  }
  const { cluster } = repoCluster;
  const repo = fromRepo(objects, namespace);
  let snapshot: ClusterSnapshot;
  let server: ServerInput = { health: { ok: false, error: { message: NEEDS_CLUSTER } }, pods: [] };
  if (live) {
    const inCluster = await readClusterSnapshot(live.client, { namespace, cluster, knownClusters: live.known, otherNamespaces: live.others });
    // What the repository will deploy wins over what runs now; the cluster adds what only it knows.
    snapshot = { ...inCluster, ...repo };
    server = await serverInput(live.client, cluster, [namespace, ...live.others], io);
  } else {
    snapshot = {
      context: '',
      namespace,
      cluster,
      knownClusters: [{ flavour: cluster.flavour, name: cluster.name }],
      ...repo,
      namespaceLabels: notInRepo(),
      valkeyPods: notInRepo(),
      valkeyPolicies: notInRepo(),
      constraints: notInRepo(),
      otherNamespaces: [],
    };
  }
  const code = args.code ? await scanCode([args.root], { displayRoot: args.root }) : { unavailable: 'skipped (--no-code)', files: [], findings: [] };
  const { report } = buildReport({ snapshot, code, server }, started);
  const items = report.items.map((i) => adjustForRepository(i, live !== undefined, repoCluster.announced));
  const final = { ...report, items };
  io.stdout(renderReport(final, args.format));
  return exitCodeOf(items);
}

/** Without a cluster: items only a cluster can answer say so, and item 1 is not compared with an announcement nobody gave. */
function adjustForRepository(original: CheckItem, live: boolean, announced: boolean): CheckItem {
  if (live) return original;
  const fromManifests: readonly ItemId[] = ['appConfigMap', 'accessLabel', 'networkPath', 'availability'];
  const i: CheckItem = fromManifests.includes(original.id) ? { ...original, source: 'workspace' } : original;
  const link = i.link;
  const ids: readonly ItemId[] = ['onePurpose'];
  if (ids.includes(i.id)) return unchecked(i.id, NEEDS_CLUSTER, 'cluster', link);
  if (i.id === 'appConfigMap' && !announced && i.status === 'pass') {
    return { ...i, status: 'unchecked', summary: `Cannot be checked against the administrator's announcement: ${i.summary.replace(/\.$/, '')}; give --sentinel HOST:PORT or --context to compare.` };
  }
  return i;
}

async function serverInput(client: KubeClient, cluster: ValkeyCluster, namespaces: readonly string[], io: CheckIo): Promise<ServerInput> {
  const password = io.env.VALKEY_PASSWORD ?? io.env.REDIS_PASSWORD;
  const session = new ValkeySession({ client, cluster, password: () => Promise.resolve(password), connectTimeoutMs: 20_000 });
  try {
    const connected = await session.connect();
    if (!connected.ok) return { health: { ok: false, error: { message: connected.error.message } }, pods: [] };
    const [health, join, own] = await Promise.all([collectHealth(session), readPodsForJoin(client, namespaces), readPodsForJoin(client, [cluster.sentinel.namespace])]);
    return { health: health.ok ? health : { ok: false, error: { message: health.error.message } }, pods: join.pods, controllers: join.controllers, clusterPods: own.pods };
  } finally {
    await session.dispose();
  }
}
