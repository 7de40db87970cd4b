import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import type { Kube } from '../app/lazy';
import type { Configuration } from '../config/configuration';
import type { ClusterService } from '../services/clusterService';
import { err, ok, type Result } from '../util/result';
import type { ValkeyError } from '../valkey/errors';
import type { ValkeySession } from '../valkey/session';
import type { SessionTls } from '../valkey/sessionTypes';
import { describeTarget, matchesAnyPattern, passwordSecretKey, sentinelAddress, targetKey, type ClusterTarget } from './target';

/** A connected session and the promise to give it back. */
export interface SessionLease {
  readonly session: ValkeySession;
  readonly target: ClusterTarget;
  /** Done with it: an own session is disposed; a shared one when its last user releases it (after a grace period). */
  release(): void;
}

export interface ConnectionsApi {
  /** A new session of its own, connected (asks for the password when the cluster needs one; kept in SecretStorage). */
  open(target: ClusterTarget, token?: vscode.CancellationToken): Promise<Result<SessionLease, ValkeyError>>;
  /** The target's one shared session for background readers (health, key browser), reference counted. */
  shared(target: ClusterTarget, token?: vscode.CancellationToken): Promise<Result<SessionLease, ValkeyError>>;
  /** Per-cluster override, else whether the context matches `valkeyWelkin.console.readOnlyContexts` (default `*prod*`). */
  isReadOnly(target: ClusterTarget): boolean;
  setReadOnly(target: ClusterTarget, value: boolean): void;
  readonly onDidChangeReadOnly: vscode.Event<ClusterTarget>;
}

/** How long a shared session stays open after its last user let go: re-expanding a node should not reconnect. */
const SHARED_GRACE_MS = 60_000;
const MAX_PASSWORD_TRIES = 3;

interface SharedEntry {
  readonly session: Promise<Result<ValkeySession, ValkeyError>>;
  users: number;
  timer?: NodeJS.Timeout;
}

/**
 * Sessions to Valkey clusters for the editor: consoles get sessions of their own, background
 * readers share one per cluster. Passwords live in SecretStorage only: asked when the server says
 * it needs one (or the stored one is refused), stored only after it worked, never logged.
 */
export class Connections implements ConnectionsApi, vscode.Disposable {
  private readonly shares = new Map<string, SharedEntry>();
  private readonly own = new Set<ValkeySession>();
  private readonly readOnlyOverrides = new Map<string, boolean>();
  private readonly readOnlyEmitter = new vscode.EventEmitter<ClusterTarget>();
  readonly onDidChangeReadOnly = this.readOnlyEmitter.event;

  constructor(
    private readonly clusters: ClusterService,
    private readonly config: Configuration,
    private readonly secrets: vscode.SecretStorage,
    private readonly loadKube: () => Promise<Kube>,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async open(target: ClusterTarget, token?: vscode.CancellationToken): Promise<Result<SessionLease, ValkeyError>> {
    const result = await this.connect(target, token);
    if (!result.ok) return result;
    const session = result.value;
    this.own.add(session);
    let released = false;
    return ok({
      session,
      target,
      release: () => {
        if (released) return;
        released = true;
        this.own.delete(session);
        void session.dispose();
      },
    });
  }

  async shared(target: ClusterTarget, token?: vscode.CancellationToken): Promise<Result<SessionLease, ValkeyError>> {
    const key = targetKey(target);
    let entry = this.shares.get(key);
    if (!entry) {
      entry = { session: this.connect(target, token), users: 0 };
      this.shares.set(key, entry);
    }
    const current = entry;
    current.users++;
    if (current.timer) clearTimeout(current.timer);
    current.timer = undefined;
    const result = await current.session;
    if (!result.ok || result.value.state === 'disposed') {
      // A failed connection is not kept: the next ask tries again (perhaps after a login or a password).
      if (this.shares.get(key) === current) this.shares.delete(key);
      current.users--;
      return result.ok ? err({ kind: 'disposed', message: 'The connection was closed.' }) : result;
    }
    let released = false;
    return ok({
      session: result.value,
      target,
      release: () => {
        if (released) return;
        released = true;
        current.users--;
        if (current.users > 0 || this.shares.get(key) !== current) return;
        current.timer = setTimeout(() => {
          if (current.users > 0 || this.shares.get(key) !== current) return;
          this.shares.delete(key);
          void result.value.dispose();
        }, SHARED_GRACE_MS);
      },
    });
  }

  /** Closes the shared session so the next reader connects afresh (e.g. after a refresh). */
  async resetShared(target: ClusterTarget): Promise<void> {
    const key = targetKey(target);
    const entry = this.shares.get(key);
    if (!entry) return;
    this.shares.delete(key);
    if (entry.timer) clearTimeout(entry.timer);
    const result = await entry.session;
    if (result.ok) await result.value.dispose();
  }

  isReadOnly(target: ClusterTarget): boolean {
    return this.readOnlyOverrides.get(targetKey(target)) ?? matchesAnyPattern(target.context, this.config.readOnlyContexts());
  }

  setReadOnly(target: ClusterTarget, value: boolean): void {
    this.readOnlyOverrides.set(targetKey(target), value);
    this.readOnlyEmitter.fire(target);
  }

  /** Whether a password for the cluster is stored (never what it is). */
  async hasPassword(target: ClusterTarget): Promise<boolean> {
    return (await this.secrets.get(secretKey(target))) !== undefined;
  }

  async forgetPassword(target: ClusterTarget): Promise<boolean> {
    const key = secretKey(target);
    const had = (await this.secrets.get(key)) !== undefined;
    await this.secrets.delete(key);
    return had;
  }

  /** The session's TLS from the user's settings: the CA file read, the name to verify chosen. */
  private async tlsFor(target: ClusterTarget): Promise<Result<SessionTls | undefined, ValkeyError>> {
    const settings = this.config.tls();
    if (settings.mode === 'off') return ok(undefined);
    let ca: string | undefined;
    if (settings.caFile) {
      try {
        ca = await readFile(settings.caFile, 'utf8');
      } catch (e) {
        return err({ kind: 'connection', message: `Cannot read the CA file ${settings.caFile} (setting valkeyWelkin.connection.tlsCaFile): ${e instanceof Error ? e.message : String(e)}` });
      }
      if (!ca.includes('-----BEGIN CERTIFICATE-----')) {
        return err({ kind: 'connection', message: `The CA file ${settings.caFile} (setting valkeyWelkin.connection.tlsCaFile) holds no PEM certificate.` });
      }
    }
    return ok({ servername: settings.serverName ?? target.cluster.sentinel.host, sentinels: settings.mode === 'dataPodsAndSentinels', ...(ca ? { ca } : {}) });
  }

  private async connect(target: ClusterTarget, token: vscode.CancellationToken | undefined): Promise<Result<ValkeySession, ValkeyError>> {
    const abort = new AbortController();
    const subscription = token?.onCancellationRequested(() => abort.abort());
    try {
      const [kube, client] = await Promise.all([this.loadKube(), this.clusters.client(target.context)]);
      const tls = await this.tlsFor(target);
      if (!tls.ok) return tls;
      let password = await this.secrets.get(secretKey(target));
      for (let attempt = 0; ; attempt++) {
        const chosen = password;
        const session = new kube.ValkeySession({
          client,
          cluster: target.cluster,
          password: () => Promise.resolve(chosen),
          logger: this.log,
          tls: tls.value,
        });
        const result = await session.connect(abort.signal);
        if (result.ok) {
          if (chosen !== undefined) await this.secrets.store(secretKey(target), chosen);
          this.log.info(`Connected to ${describeTarget(target)}: ${result.value.role} ${result.value.pod}`);
          return ok(session);
        }
        await session.dispose();
        const error = result.error;
        if ((error.kind !== 'authRequired' && error.kind !== 'authFailed') || attempt >= MAX_PASSWORD_TRIES) return err(error);
        if (error.kind === 'authFailed') await this.secrets.delete(secretKey(target));
        const asked = await vscode.window.showInputBox({
          title: `Password for ${target.cluster.name} (Sentinel ${sentinelAddress(target.cluster)})`,
          prompt:
            error.kind === 'authFailed'
              ? `The password was refused by ${describeTarget(target)}. Enter it again (kept in the editor's secret storage).`
              : `${describeTarget(target)} needs a password (kept in the editor's secret storage, never in settings).`,
          password: true,
          ignoreFocusOut: true,
        });
        if (asked === undefined) return err({ kind: 'cancelled', message: 'Cancelled: no password given.' });
        password = asked;
      }
    } finally {
      subscription?.dispose();
    }
  }

  dispose(): void {
    this.readOnlyEmitter.dispose();
    for (const [, entry] of this.shares) {
      if (entry.timer) clearTimeout(entry.timer);
      void entry.session.then((r) => (r.ok ? r.value.dispose() : undefined));
    }
    this.shares.clear();
    for (const session of this.own) void session.dispose();
    this.own.clear();
  }
}

const secretKey = passwordSecretKey;
