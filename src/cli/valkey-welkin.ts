/**
 * valkey-welkin: the local Sentinel endpoint without VS Code, for other editors and scripts.
 *
 *   valkey-welkin connect --context CTX --namespace NS --cluster NAME [--port P] [--env-file PATH] [--kubeconfig PATH]
 *   valkey-welkin check [PATH] …   the go-live check for CI (src/golive/cli.ts)
 *
 * Prints the local Sentinel address, the master name and the variables to set, logs failovers, and
 * stops cleanly on Ctrl-C or SIGTERM. Exit status: 0 after a clean stop; 2 on a usage error or when
 * the context, namespace or cluster is not found or access is denied; 1 on any other failure.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { CredentialCache, KubeClient } from '../kube/client';
import type { KubeError } from '../kube/errors';
import { describeKubeconfigProblem, loadKubeconfig } from '../kube/kubeconfig';
import { resolveKubeconfigLocation } from '../kube/kubeconfigPaths';
import { updateDotenv } from '../util/dotenv';
import { LocalSentinelEndpoint } from '../valkey/localEndpoint/index';
import type { ValkeyError } from '../valkey/errors';
import { readAnnouncements, type ValkeyCluster } from '../welkin/clusterAnnouncement';
import { localEndpointVariables } from '../welkin/localEnv';
import { runCheck } from '../golive/cli';

export interface ConnectIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Resolves when the endpoint should stop (SIGINT, SIGTERM). */
  readonly stopped: Promise<string>;
}

interface ConnectArgs {
  readonly context: string;
  readonly namespace: string;
  readonly cluster: string;
  readonly port: number;
  readonly envFile: string | undefined;
  readonly kubeconfig: string | undefined;
}

class Exit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const USAGE = 'usage: valkey-welkin connect --context CTX --namespace NS --cluster NAME [--port P] [--env-file PATH] [--kubeconfig PATH]';

export function parseConnectArgs(argv: readonly string[]): ConnectArgs {
  const [command, ...rest] = argv;
  if (command !== 'connect') throw new Exit(2, command === undefined ? USAGE : `unknown command "${command}"\n${USAGE}`);
  const values = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i]!;
    const [name, inline] = flag.includes('=') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined];
    if (!['--context', '--namespace', '--cluster', '--port', '--env-file', '--kubeconfig'].includes(name)) throw new Exit(2, `unknown option "${flag}"\n${USAGE}`);
    const value = inline ?? rest[++i];
    if (value === undefined || value === '') throw new Exit(2, `${name} needs a value\n${USAGE}`);
    values.set(name, value);
  }
  for (const required of ['--context', '--namespace', '--cluster']) if (!values.has(required)) throw new Exit(2, `${required} is required\n${USAGE}`);
  const port = Number(values.get('--port') ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Exit(2, `--port must be 0 (26379 when free, else any free port) or a port number`);
  return { context: values.get('--context')!, namespace: values.get('--namespace')!, cluster: values.get('--cluster')!, port, envFile: values.get('--env-file'), kubeconfig: values.get('--kubeconfig') };
}

/** Runs `connect` until `io.stopped` resolves; returns the exit status. */
export async function runConnect(argv: readonly string[], io: ConnectIo): Promise<number> {
  let endpoint: LocalSentinelEndpoint | undefined;
  try {
    const args = parseConnectArgs(argv);
    const location = args.kubeconfig ? { source: 'setting' as const, files: [args.kubeconfig] } : resolveKubeconfigLocation({ env: io.env, homedir: homedir() });
    const loaded = await loadKubeconfig(location);
    if (!loaded.ok) throw new Exit(2, describeKubeconfigProblem(loaded.error));
    if (!loaded.value.contexts.some((c) => c.name === args.context)) {
      throw new Exit(2, `No context "${args.context}" in the kubeconfig (${loaded.value.files.join(', ')}); it has ${loaded.value.contexts.map((c) => `"${c.name}"`).join(', ')}.`);
    }
    const client = new KubeClient(loaded.value.kubeConfig, args.context, { timeoutMs: 15_000, loginTimeoutMs: 180_000, credentials: new CredentialCache() });
    const cluster = await findCluster(client, args);
    endpoint = new LocalSentinelEndpoint({ client, cluster, port: args.port });
    endpoint.onEvent((e) => {
      if (e.type === 'failover' || e.type === 'notice') io.stdout(`${timestamp()} ${e.message}\n`);
      else if (e.type === 'forward' && e.event.type !== 'recovered') io.stderr(`${timestamp()} ${e.message}\n`);
    });
    const started = await endpoint.start();
    if (!started.ok) throw new Exit(exitCodeOf(started.error), `Cannot start the local Sentinel endpoint for ${cluster.name}: ${started.error.message}`);
    const { sentinel, masterName, primary } = started.value;
    const variables = localEndpointVariables(cluster.flavour, sentinel, masterName);
    io.stdout(`Local Sentinel endpoint for ${cluster.name} (namespace ${cluster.sentinel.namespace}, context ${args.context}): ${sentinel.host}:${sentinel.port}\n`);
    io.stdout(`Master name: ${masterName}; primary now ${primary?.pod ?? '(none reachable)'}\n`);
    io.stdout(`Any local process can use it while it runs. Set in your application's environment:\n${Object.entries(variables).map(([k, v]) => `  ${k}=${v}`).join('\n')}\n`);
    if (args.envFile) {
      const existing = await readFile(args.envFile, 'utf8').catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return '';
        throw new Exit(1, `Cannot read ${args.envFile}: ${e.message}`);
      });
      const update = updateDotenv(existing, variables, `Valkey on Welkin: local Sentinel endpoint for ${cluster.name} (valkey-welkin connect)`);
      await writeFile(args.envFile, update.text);
      io.stdout(`Wrote ${[...update.updated, ...update.added].join(', ')} to ${args.envFile} (other lines kept).\n`);
    }
    io.stdout('Press Ctrl-C to stop.\n');
    const reason = await io.stopped;
    io.stdout(`${reason}: stopping the endpoint and its port-forwards.\n`);
    await endpoint.stop();
    return 0;
  } catch (e) {
    await endpoint?.stop();
    if (e instanceof Exit) {
      io.stderr(`valkey-welkin: ${e.message}\n`);
      return e.code;
    }
    io.stderr(`valkey-welkin: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

async function findCluster(client: KubeClient, args: ConnectArgs): Promise<ValkeyCluster> {
  const found: ValkeyCluster[] = [];
  let continueToken: string | undefined;
  do {
    const page = await client.listConfigMaps(args.namespace, { limit: 500, continueToken });
    if (!page.ok) throw new Exit(kubeExitCode(page.error), `Cannot read the ConfigMaps of namespace "${args.namespace}" (context ${args.context}): ${page.error.message}`);
    for (const item of page.value.items) for (const a of readAnnouncements(item)) if (a.ok) found.push(a.value);
    continueToken = page.value.continueToken;
  } while (continueToken);
  const cluster = found.find((c) => c.name === args.cluster);
  if (!cluster) {
    throw new Exit(2, `No Valkey cluster "${args.cluster}" is announced in namespace "${args.namespace}" (context ${args.context})${found.length ? `; it announces ${found.map((c) => `"${c.name}"`).join(', ')}` : ': is it the application namespace your administrator announced the cluster to?'}.`);
  }
  return cluster;
}

const kubeExitCode = (error: KubeError): number => (error.kind === 'forbidden' || error.kind === 'notFound' || error.kind === 'unauthorized' ? 2 : 1);

function exitCodeOf(error: ValkeyError): number {
  if (error.kind === 'kube') return kubeExitCode(error.cause);
  if (error.kind === 'portForward') return error.cause.kind === 'forbidden' || error.cause.kind === 'notFound' || error.cause.kind === 'unauthorized' ? 2 : 1;
  if (error.kind === 'noSentinel' || error.kind === 'unknownMaster') return 2;
  return 1;
}

const timestamp = (): string => new Date().toISOString();

/* c8 ignore start */
if (require.main === module && process.argv[2] === 'check') {
  // The go-live check (src/golive/cli.ts).
  void runCheck(process.argv.slice(3), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), env: process.env, cwd: process.cwd() }).then((code) => {
    process.exitCode = code;
  });
} else if (require.main === module) {
  const stopped = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('Interrupted'));
    process.once('SIGTERM', () => resolve('Terminated'));
  });
  void runConnect(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), env: process.env, stopped }).then((code) => {
    process.exitCode = code;
    // Nothing else may keep the process: the endpoint and its forwards are closed.
    setTimeout(() => process.exit(code), 200).unref();
  });
}
/* c8 ignore stop */
