import { createServer, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { PortForward, type KubeConfig } from '@kubernetes/client-node';
import type WebSocket from 'ws';
import { Emitter } from '../util/emitter';
import { err, ok, type Result } from '../util/result';
import type { KubeError } from './errors';
import { describeTarget, handshakeError, type ForwardTarget, type PortForwardError } from './portForwardErrors';
import { ChannelSocketFactory } from './portForwardSocket';
import { listenInRange } from '../util/localPorts';

export type { ForwardTarget, PortForwardError } from './portForwardErrors';

/** Where forwards get their credentials: `KubeClient.authenticatedConfig`, asked once per connection. */
export type KubeConfigSource = (signal?: AbortSignal) => Promise<Result<KubeConfig, KubeError>>;

export interface ForwardSetOptions {
  /** How long the API server may take to upgrade a port-forward request. Default 10 s. */
  readonly handshakeTimeoutMs?: number;
  /** Open one WebSocket when a forward is created, so that RBAC denial or a missing pod is an error of `open`. Default true. */
  readonly verify?: boolean;
  /** Told when the API server answers 401, so that the login can be dropped and done again (KubeClient.forgetLogin). */
  readonly onUnauthorized?: () => void;
}

/** One local listener on 127.0.0.1 whose every TCP connection is a new port-forward WebSocket to the target. */
export interface Forward {
  readonly target: ForwardTarget;
  readonly host: string;
  readonly port: number;
  /** Local TCP connections open right now. */
  readonly connections: number;
  /** False after a failure or a drop, true again once data comes back from the pod. */
  readonly healthy: boolean;
  /** What went wrong last while unhealthy. */
  readonly problem: string | undefined;
}

export type ForwardEvent =
  /** A connection could not be forwarded: the API server refused it, or the kubelet reported an error. Repeats of the same failure are reported once. */
  | { readonly type: 'failed'; readonly forward: Forward; readonly error: PortForwardError }
  /** A forwarded connection was closed from the cluster side while the local client still used it. */
  | { readonly type: 'dropped'; readonly forward: Forward; readonly message: string }
  /** Data flows again through a forward that had failed or dropped. */
  | { readonly type: 'recovered'; readonly forward: Forward };

const LOCAL_HOST = '127.0.0.1';
const DEFAULT_HANDSHAKE_TIMEOUT_MS = 10_000;
/** WebSocket pings keep idle connections (a console waiting for input) open through proxies and load balancers. */
const KEEPALIVE_MS = 30_000;

const targetKey = (t: ForwardTarget): string => `${t.namespace}/${t.pod}:${t.port}`;
const forwardPath = (t: ForwardTarget): string =>
  `/api/v1/namespaces/${encodeURIComponent(t.namespace)}/pods/${encodeURIComponent(t.pod)}/portforward?ports=${t.port}`;

/**
 * Owns a session's port-forwards: opens them (one per target, shared), reports their failures,
 * and on dispose closes every listener, local socket and WebSocket.
 */
export class ForwardSet {
  private readonly forwards = new Map<string, Promise<Result<LocalForward, PortForwardError>>>();
  private readonly settled = new Set<LocalForward>();
  /** Verification WebSockets in their handshake, ended by dispose. */
  private readonly verifying = new Set<WebSocket>();
  private readonly emitter = new Emitter<ForwardEvent>();
  private readonly handshakeTimeoutMs: number;
  private disposed = false;

  readonly onEvent = this.emitter.event;

  constructor(
    private readonly source: KubeConfigSource,
    private readonly options: ForwardSetOptions = {},
  ) {
    this.handshakeTimeoutMs = options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS;
  }

  /** The forward to `target`, opened on first use; concurrent calls share one. */
  open(target: ForwardTarget, signal?: AbortSignal): Promise<Result<Forward, PortForwardError>> {
    if (this.disposed) return Promise.resolve(err({ kind: 'cancelled', message: 'The port-forwards were closed.' }));
    const key = targetKey(target);
    let opening = this.forwards.get(key);
    if (!opening) {
      opening = this.create(target, signal);
      this.forwards.set(key, opening);
      // A failed open is forgotten, so that the next call tries again.
      void opening.then((r) => {
        if (!r.ok && this.forwards.get(key) === opening) this.forwards.delete(key);
      });
    }
    return opening;
  }

  /** Forwards that are open now. */
  list(): Forward[] {
    return [...this.settled];
  }

  /**
   * Points a forward at another pod (a Sentinel pod replaced by one with a new name): its local
   * port stays, so clients that know it keep working; new connections go to the new pod.
   */
  retarget(forward: Forward, pod: string): void {
    const local = [...this.settled].find((f) => f === forward);
    if (!local) return;
    const opening = this.forwards.get(targetKey(local.target));
    this.forwards.delete(targetKey(local.target));
    local.retarget(pod);
    if (opening) this.forwards.set(targetKey(local.target), opening);
  }

  /**
   * Closes the local connections through one forward, and closes new ones at once while `refuse`
   * says so (its listener stays). What a server does to its clients when Sentinel demotes it, so
   * that pooled clients ask Sentinel again instead of reconnecting to the same address.
   */
  dropConnections(forward: Forward, refuse?: () => boolean): number {
    const local = [...this.settled].find((f) => f === forward);
    return local ? local.dropConnections(refuse) : 0;
  }

  /** Closes one forward and its connections. */
  async close(forward: Forward): Promise<void> {
    const key = targetKey(forward.target);
    const opening = this.forwards.get(key);
    if (!opening) return;
    this.forwards.delete(key);
    const r = await opening;
    if (r.ok) {
      this.settled.delete(r.value);
      await r.value.close();
    }
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    const all = [...this.forwards.values()];
    this.forwards.clear();
    this.settled.clear();
    for (const ws of this.verifying) ws.terminate();
    await Promise.all(all.map(async (opening) => {
      const r = await opening;
      if (r.ok) await r.value.close();
    }));
    this.emitter.dispose();
  }

  private async create(target: ForwardTarget, signal: AbortSignal | undefined): Promise<Result<LocalForward, PortForwardError>> {
    if (this.options.verify !== false) {
      const verified = await this.verify(target, signal);
      if (!verified.ok) return verified;
    }
    if (this.disposed) return err({ kind: 'cancelled', message: 'The port-forwards were closed.' });
    const forward = new LocalForward(target, this.source, this.handshakeTimeoutMs, (e) => this.report(e));
    await forward.listen();
    this.settled.add(forward);
    return ok(forward);
  }

  private report(event: ForwardEvent): void {
    if (event.type === 'failed' && event.error.kind === 'unauthorized') this.options.onUnauthorized?.();
    this.emitter.fire(event);
  }

  /** One upgrade, closed at once: RBAC, a missing pod or an unreachable API server show up here. */
  private async verify(target: ForwardTarget, signal: AbortSignal | undefined): Promise<Result<void, PortForwardError>> {
    const kubeConfig = await this.source(signal);
    if (!kubeConfig.ok) return kubeConfig;
    let socket: WebSocket | undefined;
    const abort = (): void => socket?.terminate();
    signal?.addEventListener('abort', abort, { once: true });
    try {
      const factory = new ChannelSocketFactory(kubeConfig.value, this.handshakeTimeoutMs, (ws) => {
        socket = ws;
        this.verifying.add(ws);
      });
      (await factory.connect(forwardPath(target), null, null)).terminate();
      return ok(undefined);
    } catch (e) {
      if (signal?.aborted || this.disposed) return err({ kind: 'cancelled', message: 'Cancelled.' });
      const error = handshakeError(e, target, this.handshakeTimeoutMs);
      if (error.kind === 'unauthorized') this.options.onUnauthorized?.();
      return err(error);
    } finally {
      signal?.removeEventListener('abort', abort);
      if (socket) this.verifying.delete(socket);
    }
  }
}

class LocalForward implements Forward {
  readonly host = LOCAL_HOST;
  private readonly server: Server = createServer((socket) => this.accept(socket));
  private readonly sockets = new Set<Socket>();
  private readonly webSockets = new Set<WebSocket>();
  private listeningPort = 0;
  private closing = false;
  private refusing: (() => boolean) | undefined;
  healthy = true;
  problem: string | undefined;

  constructor(
    public target: ForwardTarget,
    private readonly source: KubeConfigSource,
    private readonly handshakeTimeoutMs: number,
    private readonly report: (event: ForwardEvent) => void,
  ) {}

  get port(): number {
    return this.listeningPort;
  }

  retarget(pod: string): void {
    this.target = { ...this.target, pod };
  }

  get connections(): number {
    return this.sockets.size;
  }

  async listen(): Promise<void> {
    // In the range VS Code is told not to auto-forward (see LOCAL_PORT_RANGE).
    this.listeningPort = await listenInRange(this.server, LOCAL_HOST);
  }

  dropConnections(refuse: (() => boolean) | undefined): number {
    this.refusing = refuse;
    const count = this.sockets.size;
    for (const socket of this.sockets) socket.destroy();
    return count;
  }

  close(): Promise<void> {
    this.closing = true;
    for (const ws of this.webSockets) ws.terminate();
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    if (this.refusing && !this.refusing()) this.refusing = undefined;
    if (this.closing || this.refusing) {
      socket.destroy();
      return;
    }
    this.sockets.add(socket);
    socket.setNoDelay(true);
    void this.pipe(socket);
  }

  /** One TCP connection ↔ one WebSocket; each closes the other, and every failure is reported. */
  private async pipe(socket: Socket): Promise<void> {
    let ws: WebSocket | undefined;
    let opened = false;
    let localClosed = false;
    let errorChannel = '';
    let socketError: string | undefined;
    socket.on('error', () => socket.destroy());
    socket.once('close', () => {
      localClosed = true;
      this.sockets.delete(socket);
      if (ws && opened) ws.close();
      else ws?.terminate();
    });

    const kubeConfig = await this.source();
    if (this.closing || localClosed) return;
    if (!kubeConfig.ok) {
      this.fail(kubeConfig.error);
      socket.destroy();
      return;
    }
    const errors = new Writable({
      write: (chunk: Buffer, _encoding, callback) => {
        errorChannel += chunk.toString('utf8');
        callback();
      },
    });
    const factory = new ChannelSocketFactory(kubeConfig.value, this.handshakeTimeoutMs, (created) => {
      ws = created;
      this.webSockets.add(created);
      // Set here, not after the await: frames and the close can arrive before that continuation runs.
      created.once('open', () => {
        opened = true;
        const keepAlive = setInterval(() => created.ping(), KEEPALIVE_MS);
        keepAlive.unref();
        created.once('close', () => clearInterval(keepAlive));
      });
      created.on('error', (e: Error) => (socketError = e.message));
      created.once('close', (code: number, reason: Buffer) => {
        this.webSockets.delete(created);
        if (!opened) return;
        if (errorChannel.trim()) this.fail({ kind: 'forwardFailed', message: errorChannel.trim() });
        else if (!localClosed && !this.closing) this.drop(dropMessage(this.target, socketError, code, reason));
        socket.end(() => socket.destroy());
      });
    });
    try {
      await new PortForward(kubeConfig.value, true, factory).portForward(this.target.namespace, this.target.pod, [this.target.port], this.output(socket, () => ws), errors, socket);
    } catch (e) {
      if (!this.closing && !localClosed) this.fail(handshakeError(e, this.target, this.handshakeTimeoutMs));
      socket.destroy();
      return;
    }
    if (localClosed) ws?.close();
  }

  /** Where the pod's bytes go: to the local socket while it is writable, pausing the WebSocket when it backs up. */
  private output(socket: Socket, current: () => WebSocket | undefined): Writable {
    return new Writable({
      write: (chunk: Buffer, _encoding, callback) => {
        if (chunk.length > 0) {
          if (!this.healthy) this.recover();
          if (socket.writable && !socket.destroyed && !socket.write(chunk)) {
            const ws = current();
            ws?.pause();
            socket.once('drain', () => ws?.resume());
          }
        }
        callback();
      },
    });
  }

  private fail(error: PortForwardError): void {
    const repeated = !this.healthy && this.problem === error.message;
    this.healthy = false;
    this.problem = error.message;
    if (!repeated) this.report({ type: 'failed', forward: this, error });
  }

  private drop(message: string): void {
    this.healthy = false;
    this.problem = message;
    this.report({ type: 'dropped', forward: this, message });
  }

  private recover(): void {
    this.healthy = true;
    this.problem = undefined;
    this.report({ type: 'recovered', forward: this });
  }
}

function dropMessage(target: ForwardTarget, socketError: string | undefined, code: number, reason: Buffer): string {
  const detail = socketError ?? (reason.length ? reason.toString('utf8') : code !== 1000 ? `WebSocket closed with code ${code}` : undefined);
  return `The port-forward to ${describeTarget(target)} was closed from the cluster side${detail ? ` (${detail})` : ''}: the pod or its server went away, or the server closed the connection.`;
}
