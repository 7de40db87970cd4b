/** `startStandin`: the HTTPS server, its kubeconfigs and the test hooks, with clean shutdown. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Authenticator, tokenFor } from './auth';
import { generateCertificates } from './certs';
import { Faults, type PathPattern, RequestLog } from './faults';
import { checkFixture, seedStore } from './fixture';
import { canonical, meta, nameOf, namespaceOf, toJson } from './json';
import { renderKubeconfig } from './kubeconfig';
import { prepareCreate, prepareUpdate } from './lifecycle';
import { PortForwarder } from './portForward';
import { Registry } from './registry';
import { findByKind, findByResource, type ResourceType } from './resources';
import { handleRequest, handleUpgrade, type ServerState } from './router';
import { internalError } from './status';
import { Store } from './store';
import type { Fixture, FixtureObject, KubeObject } from './types';

export interface StandinOptions {
  readonly fixture: Fixture;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1 (the certificate covers 127.0.0.1, ::1 and localhost). */
  readonly host?: string;
  readonly latencyMs?: number;
}

export interface Standin {
  readonly url: string;
  readonly caPem: string;
  /** Kubeconfig file whose current context is `user` (default: the first fixture user). */
  kubeconfigPath(user?: string): string;
  kubeconfigYaml(user?: string): string;
  token(user: string): string;
  readonly requests: RequestLog;
  setLatency(ms: number): void;
  /** The next `count` requests whose path matches answer `status` (a Status body) or never answer ('hang'). */
  failNext(pathPattern: PathPattern, status: number | 'hang', count?: number, method?: string): void;
  clearFaults(): void;
  expireToken(user: string): void;
  renewToken(user: string): void;
  /** Reads an object as stored (undefined when absent); `resource` is the plural, e.g. 'pods' or 'deployments.apps'. */
  getObject(resource: string, namespace: string, name: string): KubeObject | undefined;
  /** Creates or replaces an object behind the API's back, like a controller would (bumps resourceVersion). */
  putObject(obj: FixtureObject): KubeObject;
  deleteObject(resource: string, namespace: string, name: string): boolean;
  stop(): Promise<void>;
}

function parseVersion(v: string): number {
  const minor = Number(v.split('.')[1]);
  return Number.isFinite(minor) ? minor : 32;
}

function typeOfResource(resource: string): ResourceType {
  const [plural = '', ...group] = resource.split('.');
  const t = findByResource(group.join('.'), 'v1', plural);
  if (!t) throw new Error(`unknown resource ${resource} (use e.g. 'pods', 'deployments.apps', 'endpointslices.discovery.k8s.io')`);
  return t;
}

export async function startStandin(options: StandinOptions): Promise<Standin> {
  const fixture = checkFixture(options.fixture);
  const serverVersion = fixture.serverVersion ?? '1.32.4';
  const store = new Store(fixture.initialResourceVersion ?? 1000);
  seedStore(store, fixture);
  const auth = new Authenticator(fixture.users);
  const faults = new Faults();
  faults.latencyMs = options.latencyMs ?? 0;
  const certs = await generateCertificates();
  const state: ServerState = {
    store,
    registry: new Registry(store),
    auth,
    faults,
    log: new RequestLog(),
    portForwarder: new PortForwarder(),
    serverVersion,
    websocketUpgradeNeedsCreate: fixture.websocketUpgradeNeedsCreate ?? parseVersion(serverVersion) >= 35,
    serverAddress: '',
    closers: new Set(),
  };

  const sockets = new Set<Socket>();
  const server = createServer({ key: certs.keyPem, cert: certs.certPem });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('request', (req, res) => {
    handleRequest(state, req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(JSON.stringify(internalError(String(e)).toStatus()));
      else res.destroy();
    });
  });
  server.on('upgrade', (req, socket, head) => {
    handleUpgrade(state, req, socket, head).catch(() => socket.destroy());
  });
  server.on('clientError', (_e, socket) => socket.destroy());

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the stand-in has no TCP address');
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  const url = `https://${hostInUrl}:${address.port}`;
  state.serverAddress = `${hostInUrl}:${address.port}`;

  const users = auth.userNames();
  const defaultUser = users[0] ?? '';
  const dir = mkdtempSync(path.join(tmpdir(), 'kube-standin-'));
  const kubeUsers = Object.entries(fixture.users).map(([name, spec]) => ({ name, token: tokenFor(name, spec), ...(spec.namespace ? { namespace: spec.namespace } : {}) }));
  const kubeconfigYaml = (user = defaultUser): string => {
    auth.token(user);
    return renderKubeconfig(url, certs.caPem, kubeUsers, user);
  };
  const files = new Map<string, string>();
  users.forEach((user, index) => {
    const file = path.join(dir, `kubeconfig-${index}.yaml`);
    writeFileSync(file, kubeconfigYaml(user), { mode: 0o600 });
    files.set(user, file);
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      for (const close of [...state.closers]) close();
      state.portForwarder.closeAll();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await closed;
      rmSync(dir, { recursive: true, force: true });
    })();
    return stopping;
  };

  return {
    url,
    caPem: certs.caPem,
    kubeconfigPath: (user = defaultUser) => {
      const file = files.get(user);
      if (!file) throw new Error(`no user ${user} in the fixture (users: ${users.join(', ')})`);
      return file;
    },
    kubeconfigYaml,
    token: (user) => auth.token(user),
    requests: state.log,
    setLatency: (ms) => {
      faults.latencyMs = ms;
    },
    failNext: (pattern, status, count = 1, method) => faults.failNext(pattern, status, count, method),
    clearFaults: () => faults.clear(),
    expireToken: (user) => auth.expire(user),
    renewToken: (user) => auth.renew(user),
    getObject: (resource, namespace, name) => store.get(typeOfResource(resource), namespace, name),
    putObject: (input) => {
      const t = findByKind(input.apiVersion, input.kind);
      if (!t || t.virtual) throw new Error(`the stand-in does not serve ${input.apiVersion} ${input.kind}`);
      const obj = toJson(input) as KubeObject;
      const prev = store.get(t, namespaceOf(obj), nameOf(obj));
      if (prev) {
        const status = obj.status;
        prepareUpdate(t, obj, prev);
        if (status !== undefined) obj.status = status;
      } else prepareCreate(t, obj, true);
      delete meta(obj).resourceVersion;
      return store.put(t, canonical(obj));
    },
    deleteObject: (resource, namespace, name) => store.remove(typeOfResource(resource), namespace, name) !== undefined,
    stop,
  };
}
