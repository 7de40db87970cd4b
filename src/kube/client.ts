import {
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  DiscoveryV1Api,
  KubeConfig,
  Observable,
  type ConfigurationOptions,
  type RequestContext,
  type ResponseContext,
  type User,
} from '@kubernetes/client-node';
import { err, ok, type Result } from '../util/result';
import { toKubeError, type KubeError, type RequestIntent } from './errors';
import { runExecPlugin, type ExecConfig, type ExecCredential } from './execCredentials';

export interface KubeClientOptions {
  /** Per-request timeout. */
  readonly timeoutMs: number;
  /** How long an interactive login (exec plugin, e.g. a browser) may take. */
  readonly loginTimeoutMs: number;
  /**
   * Told when a login plugin starts and ends, so the editor can say "Waiting for login…"; on
   * 'started' it may return a signal that cancels the login (the notification's Cancel button).
   */
  readonly onLogin?: ((phase: 'started' | 'finished', context: string) => AbortSignal | undefined) | undefined;
  readonly credentials: CredentialCache;
}

export interface CallOptions {
  readonly signal?: AbortSignal | undefined;
}

export interface Page<T> {
  readonly items: T[];
  readonly continueToken: string | undefined;
}

/** Exec-plugin credentials, kept until they expire, per kubeconfig user. Shared by all clients. */
export class CredentialCache {
  private readonly entries = new Map<string, ExecCredential>();

  get(key: string, now = Date.now()): ExecCredential | undefined {
    const credential = this.entries.get(key);
    // Like client-go: a credential is used until its expiry; a 401 in between drops it (forget).
    if (credential?.expiresAt !== undefined && credential.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return credential;
  }

  set(key: string, credential: ExecCredential): void {
    this.entries.set(key, credential);
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}

/**
 * The extension's only door to a cluster: typed calls through @kubernetes/client-node, each with
 * a timeout and cancellation, every failure returned as a KubeError value.
 */
export class KubeClient {
  private readonly base: KubeConfig;
  private readonly user: User | null;
  private pendingLogin: Promise<Result<KubeConfig, KubeError>> | undefined;

  constructor(
    kubeConfig: KubeConfig,
    readonly contextName: string,
    private readonly options: KubeClientOptions,
  ) {
    this.base = new KubeConfig();
    this.base.loadFromOptions({
      clusters: kubeConfig.clusters,
      users: kubeConfig.users,
      contexts: kubeConfig.contexts,
      currentContext: contextName,
    });
    this.user = this.base.getCurrentUser();
  }

  /** The namespace the context names, if any. */
  get contextNamespace(): string | undefined {
    return this.base.getContextObject(this.contextName)?.namespace;
  }

  get usesLoginPlugin(): boolean {
    return Boolean(this.user?.exec);
  }

  /** Drops a cached login so the next call runs the login plugin again ("Log in again"). */
  forgetLogin(): void {
    this.options.credentials.forget(this.credentialKey());
  }

  listConfigMaps(namespace: string | undefined, page: { limit?: number; continueToken?: string | undefined }, call: CallOptions = {}) {
    return this.request({ verb: 'list', resource: 'configmaps', namespace }, call, async (kc, options) => {
      const api = kc.makeApiClient(CoreV1Api);
      const params = { limit: page.limit, _continue: page.continueToken };
      const list = namespace
        ? await api.listNamespacedConfigMap({ namespace, ...params }, options)
        : await api.listConfigMapForAllNamespaces(params, options);
      return { items: list.items, continueToken: list.metadata?._continue || undefined };
    });
  }

  listNamespaces(page: { limit?: number; continueToken?: string | undefined }, call: CallOptions = {}) {
    return this.request({ verb: 'list', resource: 'namespaces' }, call, async (kc, options) => {
      const list = await kc.makeApiClient(CoreV1Api).listNamespace({ limit: page.limit, _continue: page.continueToken }, options);
      return { items: list.items, continueToken: list.metadata?._continue || undefined };
    });
  }

  readService(namespace: string, name: string, call: CallOptions = {}) {
    return this.request({ verb: 'get', resource: 'services', namespace, name }, call, (kc, options) =>
      kc.makeApiClient(CoreV1Api).readNamespacedService({ namespace, name }, options),
    );
  }

  listEndpointSlices(namespace: string, serviceName: string, call: CallOptions = {}) {
    return this.request({ verb: 'list', resource: 'endpointslices.discovery.k8s.io', namespace }, call, async (kc, options) => {
      const list = await kc
        .makeApiClient(DiscoveryV1Api)
        .listNamespacedEndpointSlice({ namespace, labelSelector: `kubernetes.io/service-name=${serviceName}` }, options);
      return list.items;
    });
  }

  listPods(namespace: string, selectors: { labelSelector?: string; fieldSelector?: string }, call: CallOptions = {}) {
    return this.request({ verb: 'list', resource: 'pods', namespace }, call, async (kc, options) => {
      const list = await kc.makeApiClient(CoreV1Api).listNamespacedPod({ namespace, ...selectors }, options);
      return list.items;
    });
  }

  listDeployments(namespace: string, call: CallOptions = {}) {
    return this.request({ verb: 'list', resource: 'deployments.apps', namespace }, call, async (kc, options) =>
      (await kc.makeApiClient(AppsV1Api).listNamespacedDeployment({ namespace }, options)).items,
    );
  }

  listStatefulSets(namespace: string, call: CallOptions = {}) {
    return this.request({ verb: 'list', resource: 'statefulsets.apps', namespace }, call, async (kc, options) =>
      (await kc.makeApiClient(AppsV1Api).listNamespacedStatefulSet({ namespace }, options)).items,
    );
  }

  listDaemonSets(namespace: string, call: CallOptions = {}) {
    return this.request({ verb: 'list', resource: 'daemonsets.apps', namespace }, call, async (kc, options) =>
      (await kc.makeApiClient(AppsV1Api).listNamespacedDaemonSet({ namespace }, options)).items,
    );
  }

  listJobs(namespace: string, call: CallOptions = {}) {
    return this.request({ verb: 'list', resource: 'jobs.batch', namespace }, call, async (kc, options) =>
      (await kc.makeApiClient(BatchV1Api).listNamespacedJob({ namespace }, options)).items,
    );
  }

  listCronJobs(namespace: string, call: CallOptions = {}) {
    return this.request({ verb: 'list', resource: 'cronjobs.batch', namespace }, call, async (kc, options) =>
      (await kc.makeApiClient(BatchV1Api).listNamespacedCronJob({ namespace }, options)).items,
    );
  }

  /**
   * The context's kubeconfig with working credentials (an exec-plugin login runs here when needed),
   * for streams that client-node opens itself, such as port-forward WebSockets.
   */
  async authenticatedConfig(call: CallOptions = {}): Promise<Result<KubeConfig, KubeError>> {
    if (call.signal?.aborted) return err({ kind: 'cancelled', message: 'Cancelled.' });
    return this.authenticated(call.signal);
  }

  /** Runs one API call with credentials, a timeout and the caller's cancellation. */
  async request<T>(intent: RequestIntent, call: CallOptions, fn: (kc: KubeConfig, options: ConfigurationOptions) => Promise<T>): Promise<Result<T, KubeError>> {
    if (call.signal?.aborted) return err({ kind: 'cancelled', message: 'Cancelled.' });
    const kc = await this.authenticated(call.signal);
    if (!kc.ok) return kc;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    const onAbort = (): void => controller.abort();
    call.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return ok(await fn(kc.value, signalOptions(controller.signal)));
    } catch (e) {
      if (call.signal?.aborted) return err({ kind: 'cancelled', message: 'Cancelled.' });
      const error = toKubeError(e, intent, this.options.timeoutMs);
      if (error.kind === 'unauthorized') this.forgetLogin();
      return err(error);
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** The kubeconfig to send requests with: exec plugins are run here, under our timeout. */
  private async authenticated(signal: AbortSignal | undefined): Promise<Result<KubeConfig, KubeError>> {
    const exec = this.user?.exec as ExecConfig | undefined;
    if (!exec) return ok(this.base);
    const cached = this.options.credentials.get(this.credentialKey());
    if (cached) return ok(this.withCredential(cached));
    this.pendingLogin ??= this.login(exec, signal).finally(() => (this.pendingLogin = undefined));
    return this.pendingLogin;
  }

  private async login(exec: ExecConfig, signal: AbortSignal | undefined): Promise<Result<KubeConfig, KubeError>> {
    const cluster = this.base.getCurrentCluster();
    const uiSignal = this.options.onLogin?.('started', this.contextName);
    try {
      const result = await runExecPlugin(exec, {
        timeoutMs: this.options.loginTimeoutMs,
        signal: anySignal([signal, uiSignal]),
        cluster: { server: cluster?.server, caData: cluster?.caData, insecure: cluster?.skipTLSVerify },
      });
      if (!result.ok) return result;
      this.options.credentials.set(this.credentialKey(), result.value);
      return ok(this.withCredential(result.value));
    } finally {
      this.options.onLogin?.('finished', this.contextName);
    }
  }

  private withCredential(credential: ExecCredential): KubeConfig {
    const user = this.user!;
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: this.base.clusters,
      users: [{ name: user.name, token: credential.token, certData: credential.clientCertificateData, keyData: credential.clientKeyData }],
      contexts: this.base.contexts.filter((c) => c.name === this.contextName),
      currentContext: this.contextName,
    });
    return kc;
  }

  private credentialKey(): string {
    return JSON.stringify([this.user?.name, this.user?.exec, this.base.getCurrentCluster()?.server]);
  }
}

function anySignal(signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  return present.length <= 1 ? present[0] : AbortSignal.any(present);
}

/** client-node takes a per-call AbortSignal only through a middleware on the request context. */
export function signalOptions(signal: AbortSignal): ConfigurationOptions {
  return {
    middleware: [
      {
        pre: (request: RequestContext) => {
          request.setSignal(signal);
          return new Observable(Promise.resolve(request));
        },
        post: (response: ResponseContext) => new Observable(Promise.resolve(response)),
      },
    ],
    middlewareMergeStrategy: 'append',
  };
}
