import { ForwardSet, type Forward, type ForwardEvent } from '../kube/portForward';
import { describeTarget } from '../kube/portForwardErrors';
import { Emitter, type Disposable } from '../util/emitter';
import { silentLogger, type Logger } from '../util/logger';
import { err, ok, type Result } from '../util/result';
import { AddressMap, type PodAddress } from './addressMap';
import { commandName, RespConnection, type Arg, type TlsOptions } from './connection';
import { podByIp, readySentinels } from './discovery';
import { cancelled, type ValkeyError } from './errors';
import { handshake } from './handshake';
import { replyText, type Reply } from './resp/reply';
import { isDown, nodeKey, queryMaster, type MasterView } from './sentinel';
import { SentinelWatch, type NodeAddress, type SentinelEvent } from './sentinelWatch';
import type { CommandOptions, ConnectionInfo, ForwardInfo, SessionEvent, SessionState, ValkeySessionOptions } from './sessionTypes';
import { PrimaryTracker, type TrackerEvent } from './tracker';

const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
const DEFAULT_COMMAND_WAIT_MS = 10_000;
const DEFAULT_STEP_TIMEOUT_MS = 10_000;
/** Redis 7.0 Sentinel demotes an old primary only ~10 s after a failover; until then it still says "master". */
const DEMOTION_WINDOW_MS = 15_000;
const REOPEN_BACKOFF_MS = [50, 100, 200, 300, 500];
/** Commands whose effect on the connection a new connection must repeat. */
const STATEFUL = new Set(['SELECT', 'HELLO', 'RESET', 'AUTH']);

/** What one connect() builds, torn down together. */
interface Parts {
  readonly forwards: ForwardSet;
  readonly addresses: AddressMap;
  readonly subscriptions: Disposable[];
  sentinels: PodAddress[];
  tracker?: PrimaryTracker;
  watch?: SentinelWatch;
  console?: { readonly connection: RespConnection; readonly address: PodAddress };
}

/**
 * A console's connection to the current primary of a Valkey cluster, through the Kubernetes API
 * alone: port-forwards to the Sentinel pods, Sentinel's word on the primary, port-forwards to the
 * data pods, and iovalkey's Sentinel client to follow failovers. Commands go over a connection of
 * its own (typed RESP2/RESP3 replies) to the current primary; one in flight when that connection
 * drops fails as "interrupted" and is never sent again.
 */
export class ValkeySession {
  private readonly emitter = new Emitter<SessionEvent>();
  private readonly log: Logger;
  private readonly stepMs: number;
  private readonly changes = new Set<() => void>();
  private stateValue: SessionState = 'idle';
  private parts: Parts | undefined;
  private connecting: Promise<Result<ConnectionInfo, ValkeyError>> | undefined;
  private connectAbort: AbortController | undefined;
  private info: ConnectionInfo | undefined;
  private masterName = '';
  /** The primary according to the latest word from Sentinel (its answer, +switch-master, or iovalkey). */
  private primary: NodeAddress | undefined;
  private readonly demoted = new Map<string, number>();
  /** natMap misses already told about, until resolved. */
  private readonly missed = new Set<string>();
  private password: string | undefined;
  /** The arguments of the console's last successful AUTH as another user (memory only), restored on every new console connection. */
  private consoleAuth: readonly Arg[] | undefined;
  private db = 0;
  private protocol: 2 | 3 = 2;
  private reopening = false;
  private wake: (() => void) | undefined;
  private lastProblem = 'not connected yet';

  readonly onEvent = this.emitter.event;

  /** TLS for connections to the Sentinels, when they speak it. */
  private sentinelTls(): TlsOptions | undefined {
    return this.options.tls?.sentinels ? this.options.tls : undefined;
  }

  constructor(private readonly options: ValkeySessionOptions) {
    this.log = options.logger ?? silentLogger;
    this.stepMs = options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  }

  get state(): SessionState {
    return this.stateValue;
  }

  /** Where commands go now; undefined while there is no connection to a primary. */
  get connection(): ConnectionInfo | undefined {
    return this.consoleOnPrimary() ? this.info : undefined;
  }

  /** The session's port-forwards, for a view of what is open and working. */
  forwards(): ForwardInfo[] {
    const list = this.parts?.forwards.list() ?? [];
    return list.map((f) => ({ pod: f.target.pod, port: f.target.port, localPort: f.port, healthy: f.healthy, connections: f.connections }));
  }

  /**
   * Finds the primary and connects to it. Asks the password provider first (so a password prompt
   * does not count against the timeout). Calling it again while connected returns the connection.
   */
  connect(signal?: AbortSignal): Promise<Result<ConnectionInfo, ValkeyError>> {
    if (this.stateValue === 'disposed') return Promise.resolve(err(disposedError()));
    if (this.info && this.parts && this.stateValue !== 'connecting') return Promise.resolve(ok(this.info));
    this.connecting ??= this.connectOnce(signal).finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  /** Runs one command on the primary. Error replies are replies; failures to run it are errors. */
  command(args: readonly Arg[], options: CommandOptions = {}): Promise<Result<Reply, ValkeyError>> {
    if (options.signal?.aborted) return Promise.resolve(err(cancelled()));
    const console = this.parts?.console;
    if (console && this.consoleOnPrimary()) return this.send(console.connection, args, options);
    return this.commandWhenReady(args, options);
  }

  private async commandWhenReady(args: readonly Arg[], options: CommandOptions): Promise<Result<Reply, ValkeyError>> {
    if (this.stateValue === 'disposed') return err(disposedError());
    if (!this.parts) return err({ kind: 'notConnected', message: 'Not connected to the Valkey cluster.' });
    const waitMs = this.options.commandWaitMs ?? DEFAULT_COMMAND_WAIT_MS;
    const ready = await this.waitFor(() => this.consoleOnPrimary() || !this.parts, waitMs, options.signal);
    const console = this.parts?.console;
    if (!ready || !console || !this.consoleOnPrimary()) {
      if (options.signal?.aborted) return err(cancelled());
      if (this.isDisposed()) return err(disposedError());
      return err({ kind: 'notConnected', message: `No primary has been reachable for ${seconds(waitMs)} (${this.lastProblem}); ${commandName(args)} was not sent.` });
    }
    return this.send(console.connection, args, options);
  }

  private async send(connection: RespConnection, args: readonly Arg[], options: CommandOptions): Promise<Result<Reply, ValkeyError>> {
    const result = await connection.send(args, { timeoutMs: options.timeoutMs, maxReplyBytes: options.maxReplyBytes });
    if (result.ok && result.value.type !== 'error' && STATEFUL.has(commandName(args))) this.remember(args);
    return result;
  }

  /**
   * Drops the console's connection on purpose (a command the user stopped waiting for would
   * otherwise hold it: BLPOP 0 blocks it for good); the session reconnects to the primary as after
   * any dropped connection, restoring the database and protocol. Commands in flight fail as
   * interrupted ("may or may not have run").
   */
  resetConsoleConnection(reason: string): boolean {
    const console = this.parts?.console;
    if (!console || console.connection.closed) return false;
    console.connection.close(reason);
    return true;
  }

  async dispose(): Promise<void> {
    if (this.stateValue === 'disposed') return;
    this.setState('disposed');
    this.connectAbort?.abort();
    this.wake?.();
    await this.teardown();
    this.emitter.dispose();
  }

  // -- connecting ---------------------------------------------------------------------------

  private async connectOnce(signal: AbortSignal | undefined): Promise<Result<ConnectionInfo, ValkeyError>> {
    this.setState('connecting');
    try {
      this.password = await this.options.password();
    } catch (e) {
      if (!this.isDisposed()) this.setState('idle');
      return err({ kind: 'cancelled', message: `No password: ${e instanceof Error ? e.message : String(e)}` });
    }
    if (this.isDisposed()) return err(disposedError());
    const limitMs = this.options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const controller = new AbortController();
    this.connectAbort = controller;
    const timer = setTimeout(() => controller.abort(), limitMs);
    const forward = (): void => controller.abort();
    signal?.addEventListener('abort', forward, { once: true });
    const progress = { step: 'starting' };
    try {
      const result = await this.establish(controller.signal, progress);
      if (result.ok && this.stateValue === 'connecting') {
        this.setState('ready');
        this.emitter.fire({ type: 'connected', info: result.value, message: `connected to ${result.value.role} ${result.value.pod} (${result.value.ip}) of ${result.value.masterName}` });
        return result;
      }
      await this.teardown();
      if (this.isDisposed()) return err(disposedError());
      this.setState('idle');
      if (result.ok) return err(disposedError());
      if (result.error.kind === 'cancelled' && controller.signal.aborted && !signal?.aborted) {
        return err({ kind: 'timeout', message: `Connecting to Valkey cluster ${this.options.cluster.name} took longer than ${seconds(limitMs)} (while ${progress.step}).` });
      }
      return result;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
      this.connectAbort = undefined;
    }
  }

  private async establish(signal: AbortSignal, progress: { step: string }): Promise<Result<ConnectionInfo, ValkeyError>> {
    const { client, cluster } = this.options;
    const namespace = cluster.sentinel.namespace;
    const forwards = new ForwardSet((s) => client.authenticatedConfig({ signal: s }), { handshakeTimeoutMs: this.stepMs, onUnauthorized: () => client.forgetLogin() });
    const addresses = new AddressMap({
      forwards,
      namespace,
      resolvePod: (ip, s) => podByIp(client, namespace, ip, s),
      onMiss: (key, result) => this.onMiss(key, result),
    });
    const parts: Parts = { forwards, addresses, subscriptions: [forwards.onEvent((e) => this.onForwardEvent(e))], sentinels: [] };
    this.parts = parts;
    await addresses.start();

    progress.step = 'finding the Sentinel pods';
    const alive = (): boolean => this.parts === parts && !this.isDisposed();
    const sentinels = await readySentinels(client, cluster, signal);
    if (!sentinels.ok) return sentinels;
    progress.step = 'opening port-forwards to the Sentinel pods';
    const opened = await Promise.all(sentinels.value.map((s) => addresses.ensure(s.ip, s.port, s.pod, signal)));
    parts.sentinels = opened.flatMap((r) => (r.ok ? [r.value] : []));
    const firstFailure = opened.find((r) => !r.ok);
    if (parts.sentinels.length === 0 && firstFailure && !firstFailure.ok) return firstFailure;

    progress.step = 'asking Sentinel for the primary';
    const view = await this.askSentinel(parts.sentinels, signal);
    if (!view.ok) return view;
    if (!alive()) return err(disposedError());
    this.masterName = view.value.master.name;
    progress.step = 'opening a port-forward to the primary';
    const primary = await addresses.ensure(view.value.master.ip, view.value.master.port, undefined, signal);
    if (!primary.ok) return primary;
    this.primary = { ip: view.value.master.ip, port: view.value.master.port };
    for (const node of [...view.value.replicas.filter((r) => !isDown(r)), ...view.value.sentinels]) this.preForward(node);

    progress.step = 'logging in to the primary';
    const shake = await handshake(label(primary.value), { password: this.password, db: 0, protocol: 2, timeoutMs: this.stepMs, signal, tls: this.options.tls });
    if (!shake.ok) return shake;
    if (!alive()) {
      shake.value.connection.close('the session was closed');
      return err(disposedError());
    }
    if (!shake.value.passwordNeeded) this.password = undefined;
    this.db = 0;
    this.protocol = 2;
    if (shake.value.role === 'master') this.attachConsole(shake.value.connection, primary.value);
    else shake.value.connection.close('not the primary');

    progress.step = 'starting the Sentinel client';
    this.startFollowing(parts);
    if (!this.consoleOnPrimary()) this.reopenConsole();
    progress.step = 'waiting for the Sentinel client to reach the primary';
    const ready = await this.waitFor(() => this.consoleOnPrimary() && parts.tracker?.readyPort !== undefined, Infinity, signal);
    if (!ready || !this.info) return err(signal.aborted ? cancelled() : disposedError());
    return ok(this.info);
  }

  /** The first Sentinel that answers decides; each is asked through its own forward. */
  private async askSentinel(sentinels: readonly PodAddress[], signal: AbortSignal): Promise<Result<MasterView, ValkeyError>> {
    let last: ValkeyError = { kind: 'sentinel', message: 'No Sentinel port-forward could be opened.' };
    for (const sentinel of sentinels) {
      const conn = await RespConnection.open({ host: sentinel.forward.host, port: sentinel.forward.port, label: `Sentinel ${sentinel.pod}`, timeoutMs: this.stepMs, signal, tls: this.sentinelTls() });
      if (!conn.ok) {
        last = conn.error;
        continue;
      }
      try {
        const view = await queryMaster(conn.value, this.options.masterName);
        if (view.ok || view.error.kind === 'unknownMaster') return view;
        last = view.error;
      } finally {
        conn.value.close();
      }
      if (signal.aborted) return err(cancelled());
    }
    return err(last.kind === 'interrupted' || last.kind === 'connection' ? { kind: 'sentinel', message: `No Sentinel answered: ${last.message}` } : last);
  }

  private startFollowing(parts: Parts): void {
    const tracker = new PrimaryTracker({
      sentinels: parts.sentinels.map((s) => ({ host: s.forward.host, port: s.forward.port })),
      name: this.masterName,
      natMap: parts.addresses.lookup,
      password: this.password,
      connectTimeoutMs: this.stepMs,
      tls: this.options.tls,
    });
    parts.tracker = tracker;
    parts.subscriptions.push(tracker.onEvent((e) => this.onTrackerEvent(e)));
    tracker.start();
    const watch = new SentinelWatch(parts.sentinels.map((s) => ({ host: s.forward.host, port: s.forward.port })), this.masterName, (m) => this.log.debug(m), this.sentinelTls());
    parts.watch = watch;
    parts.subscriptions.push(watch.onEvent((e) => this.onSentinelEvent(e)));
    watch.start();
  }

  // -- following the primary -----------------------------------------------------------------

  private onTrackerEvent(event: TrackerEvent): void {
    if (event.type === 'problem') return this.log.debug(`Sentinel client: ${event.message}`);
    if (event.type === 'down') return this.log.debug(`Sentinel client: ${event.reason}`);
    const address = this.parts?.addresses.byLocalPort(event.localPort);
    if (!address) return;
    if ((this.demoted.get(address.key) ?? 0) > Date.now()) {
      this.notice(`The Sentinel client reached ${address.pod} (${address.key}), which Sentinel has just demoted; waiting for the new primary.`);
      return;
    }
    if (this.primary && nodeKey(this.primary) !== address.key) this.demoted.set(nodeKey(this.primary), Date.now() + DEMOTION_WINDOW_MS);
    this.setPrimary(address);
    this.changed();
  }

  private onSentinelEvent(event: SentinelEvent): void {
    if (event.type === 'node') return this.preForward(event.address);
    const [from, to] = [nodeKey(event.from), nodeKey(event.to)];
    const current = this.primary ? nodeKey(this.primary) : undefined;
    // Each Sentinel announces a switch when it learns of it, up to seconds apart: an echo of an
    // older failover must not take the console back to a primary that has been replaced since.
    if (current !== undefined && current !== from && current !== to) {
      this.log.debug(`Sentinel: ignored a late +switch-master ${from} → ${to}: the primary is ${current}`);
      return;
    }
    this.demoted.set(from, Date.now() + DEMOTION_WINDOW_MS);
    this.demoted.delete(to);
    if (current === to) return;
    this.notice(`Sentinel: +switch-master ${from} → ${to}`);
    this.setPrimary(event.to);
  }

  /** Sentinel has a new word on the primary: leave the old one at once and connect to the new one. */
  private setPrimary(address: NodeAddress): void {
    if (this.primary && nodeKey(this.primary) === nodeKey(address)) return;
    this.primary = { ip: address.ip, port: address.port };
    this.preForward(address);
    const console = this.parts?.console;
    if (console && console.address.key !== nodeKey(address)) console.connection.close(`Sentinel moved the primary to ${nodeKey(address)}`);
    this.reopenConsole();
  }

  private preForward(node: NodeAddress): void {
    void this.parts?.addresses.ensure(node.ip, node.port).then((r) => {
      if (!r.ok && r.error.kind !== 'cancelled') this.log.warn(`Cannot forward to ${nodeKey(node)} yet: ${r.error.message}`);
    });
  }

  private onMiss(key: string, result: Promise<Result<PodAddress, ValkeyError>>): void {
    if (!this.missed.has(key)) this.notice(`Sentinel named ${key}, which has no port-forward yet; looking its pod up.`);
    this.missed.add(key);
    void result.then((r) => {
      if (!r.ok) {
        this.lastProblem = r.error.message;
      } else if (this.missed.delete(key)) {
        this.notice(`${key} is pod ${r.value.pod}, forwarded to local port ${r.value.forward.port}.`);
      }
    });
  }

  private onForwardEvent(event: ForwardEvent): void {
    const where = describeTarget(event.forward.target);
    let message: string;
    if (event.type === 'failed') {
      message = `Port-forward to ${where} failed: ${event.error.message}`;
      if (event.error.kind === 'notFound') {
        this.parts?.addresses.forgetPod(event.forward.target.pod);
        if (this.parts?.sentinels.some((s) => s.forward === event.forward)) void this.replaceSentinel(this.parts, event.forward);
      }
    } else if (event.type === 'dropped') message = event.message;
    else message = `The port-forward to ${where} works again.`;
    if (event.type !== 'recovered') this.lastProblem = message;
    this.log.info(message);
    this.emitter.fire({ type: 'forward', event, message });
  }

  /**
   * A Sentinel pod is gone (Sentinel runs as a Deployment: its replacement has a new name). Its
   * forward is pointed at a ready Sentinel pod that no other forward uses, keeping its local port,
   * which iovalkey and the announcement listener already know.
   */
  private async replaceSentinel(parts: Parts, forward: Forward): Promise<void> {
    const ready = await readySentinels(this.options.client, this.options.cluster);
    if (this.parts !== parts) return;
    if (!ready.ok) return this.notice(`Sentinel pod ${forward.target.pod} is gone, and the Sentinel pods cannot be listed: ${ready.error.message}`);
    const used = new Set(parts.sentinels.map((s) => s.forward.target.pod));
    const replacement = ready.value.find((p) => !used.has(p.pod));
    if (!replacement) return this.notice(`Sentinel pod ${forward.target.pod} is gone and no other Sentinel pod is ready yet.`);
    const old = forward.target.pod;
    parts.forwards.retarget(forward, replacement.pod);
    const address = await parts.addresses.ensure(replacement.ip, replacement.port, replacement.pod);
    if (!address.ok || this.parts !== parts) return;
    parts.sentinels = parts.sentinels.map((s) => (s.forward === forward ? address.value : s));
    this.notice(`Sentinel pod ${old} is gone; its port-forward now goes to ${replacement.pod}.`);
  }

  // -- the console connection -------------------------------------------------------------------

  private consoleOnPrimary(): boolean {
    const console = this.parts?.console;
    return Boolean(console && !console.connection.closed && this.primary && console.address.key === nodeKey(this.primary));
  }

  private attachConsole(connection: RespConnection, address: PodAddress): void {
    const parts = this.parts;
    if (!parts) return connection.close('the session was closed');
    parts.console = { connection, address };
    connection.onPush((reply) => this.emitter.fire({ type: 'push', reply }));
    connection.onClose((reason) => this.onConsoleClosed(connection, reason));
    const previous = this.info;
    const info: ConnectionInfo = { role: 'primary', pod: address.pod, ip: address.ip, port: address.port, localPort: address.forward.port, masterName: this.masterName, db: this.db, protocol: this.protocol };
    this.info = info;
    if (this.stateValue === 'reconnecting' || this.stateValue === 'ready') {
      this.setState('ready');
      if (previous && previous.pod !== info.pod) {
        this.emitter.fire({ type: 'failover', info, previous, message: `failover: primary is now ${info.pod} (${info.ip})` });
      } else {
        this.emitter.fire({ type: 'reconnected', info, message: `reconnected to ${info.role} ${info.pod} (${info.ip})` });
      }
    }
    this.changed();
  }

  private onConsoleClosed(connection: RespConnection, reason: string): void {
    const parts = this.parts;
    if (!parts || parts.console?.connection !== connection) return;
    parts.console = undefined;
    if (this.stateValue === 'disposed') return;
    this.lastProblem = reason;
    if (this.stateValue === 'ready') {
      this.setState('reconnecting');
      this.emitter.fire({ type: 'disconnected', message: `The connection to primary ${this.info?.pod ?? '?'} was lost (${reason}); waiting for the primary.` });
    }
    this.reopenConsole();
  }

  /** Reconnects the console to the current primary, again and again until it is there. */
  private reopenConsole(): void {
    if (this.reopening) {
      this.wake?.();
      return;
    }
    this.reopening = true;
    void this.reopenLoop().finally(() => (this.reopening = false));
  }

  private async reopenLoop(): Promise<void> {
    let attempt = 0;
    while (this.parts && this.stateValue !== 'disposed' && !this.consoleOnPrimary()) {
      const result = await this.openConsoleOnPrimary(this.parts);
      if (result.ok) {
        attempt = 0;
        continue;
      }
      this.lastProblem = result.error.message;
      this.log.debug(`Console connection: ${result.error.message}`);
      await this.sleep(REOPEN_BACKOFF_MS[Math.min(attempt++, REOPEN_BACKOFF_MS.length - 1)]!);
    }
  }

  private async openConsoleOnPrimary(parts: Parts): Promise<Result<void, ValkeyError>> {
    const primary = this.primary;
    if (!primary) return err({ kind: 'notConnected', message: 'Sentinel has not named a primary.' });
    const address = await parts.addresses.ensure(primary.ip, primary.port);
    if (!address.ok) return address;
    const shake = await handshake(label(address.value), { password: this.password, db: this.db, protocol: this.protocol, timeoutMs: this.stepMs, tls: this.options.tls });
    if (!shake.ok) return shake;
    const { connection, role } = shake.value;
    if (this.parts !== parts || this.stateValue === 'disposed') {
      connection.close('the session was closed');
      return err(disposedError());
    }
    if (role !== 'master' || !this.primary || nodeKey(this.primary) !== nodeKey(primary)) {
      connection.close('not the primary');
      return err({ kind: 'notConnected', message: `${address.value.pod} is not the primary (ROLE: ${role}); waiting for Sentinel.` });
    }
    const restore = this.consoleAuth ? await connection.send(['AUTH', ...this.consoleAuth], { timeoutMs: this.stepMs }) : undefined;
    this.attachConsole(connection, address.value);
    if (restore && this.consoleAuth) {
      const user = this.consoleAuth.length > 1 ? argText(this.consoleAuth[0]!) : 'default';
      if (restore.ok && restore.value.type !== 'error') {
        this.emitter.fire({ type: 'identity', restored: true, message: `still running as ${user}: the AUTH typed in this console was sent again on the new connection` });
      } else {
        const why = restore.ok ? (replyText(restore.value) ?? 'refused') : restore.error.message;
        this.consoleAuth = undefined;
        this.emitter.fire({ type: 'identity', restored: false, message: `this console now runs as the stored user, not ${user}: the AUTH typed in it was refused on the new connection (${why})` });
      }
    }
    return ok(undefined);
  }

  /** SELECT and HELLO change the connection; a new connection after a failover gets the same. */
  private remember(args: readonly Arg[]): void {
    const name = commandName(args);
    const value = args[1] === undefined ? undefined : Number(typeof args[1] === 'string' ? args[1] : Buffer.from(args[1]).toString('latin1'));
    if (name === 'SELECT' && Number.isInteger(value)) this.db = value!;
    else if (name === 'HELLO' && (value === 2 || value === 3)) this.protocol = value;
    else if (name === 'RESET') {
      this.db = 0;
      this.protocol = 2;
      this.consoleAuth = undefined;
    } else if (name === 'AUTH') {
      this.consoleAuth = args.slice(1);
      return;
    } else return;
    if (name === 'HELLO') {
      const auth = args.findIndex((a, i) => i > 0 && argText(a).toUpperCase() === 'AUTH');
      if (auth > 0 && args[auth + 2] !== undefined) this.consoleAuth = [args[auth + 1]!, args[auth + 2]!];
    }
    if (this.info) this.info = { ...this.info, db: this.db, protocol: this.protocol };
  }

  // -- plumbing -----------------------------------------------------------------------------------

  private isDisposed(): boolean {
    return this.stateValue === 'disposed';
  }

  private setState(state: SessionState): void {
    if (this.stateValue === 'disposed') return;
    this.stateValue = state;
    this.changed();
  }

  private changed(): void {
    for (const listener of [...this.changes]) listener();
  }

  /** Resolves true once `predicate` holds, false on timeout, cancellation or dispose. */
  private waitFor(predicate: () => boolean, timeoutMs: number, signal: AbortSignal | undefined): Promise<boolean> {
    if (predicate()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const finish = (value: boolean): void => {
        this.changes.delete(check);
        clearTimeout(timer);
        signal?.removeEventListener('abort', abort);
        resolve(value);
      };
      const check = (): void => {
        if (this.stateValue === 'disposed') finish(false);
        else if (predicate()) finish(true);
      };
      const abort = (): void => finish(false);
      const timer = Number.isFinite(timeoutMs) ? setTimeout(() => finish(false), timeoutMs) : undefined;
      this.changes.add(check);
      signal?.addEventListener('abort', abort, { once: true });
      if (signal?.aborted) finish(false);
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private notice(message: string): void {
    this.log.info(message);
    this.emitter.fire({ type: 'notice', message });
  }

  private async teardown(): Promise<void> {
    const parts = this.parts;
    this.parts = undefined;
    this.info = undefined;
    this.wake?.();
    if (!parts) return;
    for (const s of parts.subscriptions) s.dispose();
    parts.tracker?.dispose();
    parts.watch?.dispose();
    parts.console?.connection.close('the session was closed');
    await parts.addresses.dispose();
    await parts.forwards.dispose();
    this.changed();
  }
}

const argText = (a: Arg): string => (typeof a === 'string' ? a : Buffer.from(a).toString('utf8'));

const label = (address: PodAddress): { host: string; port: number; label: string } => ({ host: address.forward.host, port: address.forward.port, label: `primary ${address.pod}` });

const disposedError = (): ValkeyError => ({ kind: 'disposed', message: 'The Valkey session was closed.' });

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;
