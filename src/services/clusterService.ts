import * as vscode from 'vscode';
import type { Configuration } from '../config/configuration';
import type { Kube } from '../app/lazy';
import type { Discovery, KubeClient, KubeContextInfo, KubeError } from '../kube/index';
import type { Logger } from '../util/logger';
import type { ValkeyCluster } from '../welkin/clusterAnnouncement';
import type { Result } from '../util/result';
import type { KubeconfigService } from './kubeconfigService';

interface Session {
  readonly client: KubeClient;
  readonly memo: { clusterWideForbidden?: boolean };
  discovery?: Promise<Result<Discovery, KubeError>>;
}

/**
 * One session per kubeconfig context: its client, what discovery found, and the login UI. Sessions
 * are dropped when the kubeconfig or settings change. Nothing here writes the user's kubeconfig.
 */
export class ClusterService implements vscode.Disposable {
  private sessions = new Map<string, Promise<Session>>();
  private credentials: InstanceType<Kube['CredentialCache']> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly discovered = new vscode.EventEmitter<string>();
  /** Fires with a context's name when its discovery finished successfully. */
  readonly onDidDiscover = this.discovered.event;

  constructor(
    private readonly kubeconfig: KubeconfigService,
    private readonly config: Configuration,
    private readonly loadKube: () => Promise<Kube>,
    private readonly log: Logger,
  ) {
    this.subscriptions.push(kubeconfig.onDidChange(() => (this.sessions = new Map())));
  }

  /** Clusters announced to the namespaces of a context; cached until refreshed. */
  async discover(context: KubeContextInfo, signal?: AbortSignal): Promise<Result<Discovery, KubeError>> {
    const session = await this.session(context.name);
    session.discovery ??= this.runDiscovery(session, context, signal).then((result) => {
      if (!result.ok) session.discovery = undefined;
      return result;
    });
    return session.discovery;
  }

  /** The clusters discovery has found so far in a context (nothing is fetched). */
  async knownClusters(contextName: string): Promise<ValkeyCluster[] | undefined> {
    const session = await this.sessions.get(contextName)?.catch(() => undefined);
    const discovery = await session?.discovery;
    if (!discovery?.ok) return undefined;
    return discovery.value.namespaces.flatMap((n) => n.announcements.flatMap((a) => (a.ok ? [a.value] : [])));
  }

  async client(contextName: string): Promise<KubeClient> {
    return (await this.session(contextName)).client;
  }

  /** Forget cached results (and, with `login`, the cached login) so the next look asks the cluster again. */
  async reset(contextName: string | undefined, options: { login?: boolean } = {}): Promise<void> {
    const names = contextName ? [contextName] : [...this.sessions.keys()];
    for (const name of names) {
      const session = await this.sessions.get(name);
      if (!session) continue;
      session.discovery = undefined;
      if (options.login) session.client.forgetLogin();
    }
  }

  private async runDiscovery(session: Session, context: KubeContextInfo, signal?: AbortSignal): Promise<Result<Discovery, KubeError>> {
    const kube = await this.loadKube();
    const started = performance.now();
    const result = await kube.discoverClusters(session.client, {
      signal,
      memo: session.memo,
      extraNamespaces: this.config.extraNamespaces(),
    });
    const ms = (performance.now() - started).toFixed(0);
    if (result.ok) {
      queueMicrotask(() => this.discovered.fire(context.name));
      const d = result.value;
      this.log.info(`${context.name}: searched ${d.searched} namespaces (${d.mode}, ${d.requests} requests, ${ms} ms); ${d.namespaces.length} with Valkey clusters or errors`);
    } else {
      this.log.warn(`${context.name}: discovery failed after ${ms} ms: ${result.error.kind}: ${result.error.message}`);
    }
    return result;
  }

  private session(contextName: string): Promise<Session> {
    let session = this.sessions.get(contextName);
    if (!session) {
      session = this.createSession(contextName);
      this.sessions.set(contextName, session);
      session.catch(() => this.sessions.delete(contextName));
    }
    return session;
  }

  private async createSession(contextName: string): Promise<Session> {
    const [kube, snapshot] = await Promise.all([this.loadKube(), this.kubeconfig.get()]);
    if (!snapshot.ok) throw new Error(kube.describeKubeconfigProblem(snapshot.error));
    this.credentials ??= new kube.CredentialCache();
    const client = new kube.KubeClient(snapshot.value.kubeConfig, contextName, {
      timeoutMs: this.config.requestTimeoutSeconds() * 1000,
      loginTimeoutMs: this.config.loginTimeoutSeconds() * 1000,
      credentials: this.credentials,
      onLogin: (phase, context) => this.showLogin(phase, context),
    });
    return { client, memo: {} };
  }

  private readonly logins = new Map<string, { finish: () => void; signal: AbortSignal }>();

  /** "Waiting for login in your browser…" while an exec plugin runs, with Cancel. */
  private showLogin(phase: 'started' | 'finished', context: string): AbortSignal | undefined {
    if (phase === 'finished') {
      this.logins.get(context)?.finish();
      this.logins.delete(context);
      return undefined;
    }
    const controller = new AbortController();
    let finish = (): void => undefined;
    const done = new Promise<void>((resolve) => (finish = resolve));
    this.logins.set(context, { finish, signal: controller.signal });
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Waiting for login to ${context} in your browser…`, cancellable: true },
      async (_progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        await done;
      },
    );
    this.log.info(`${context}: running the login plugin`);
    return controller.signal;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.discovered.dispose();
    for (const login of this.logins.values()) login.finish();
    this.sessions.clear();
  }
}
