import { createServer, type Server } from 'node:net';
import { ForwardSet, type Forward, type ForwardEvent } from '../../kube/portForward';
import { describeTarget } from '../../kube/portForwardErrors';
import { Emitter } from '../../util/emitter';
import { silentLogger, type Logger } from '../../util/logger';
import { err, ok, type Result } from '../../util/result';
import type { ValkeyCluster } from '../../welkin/clusterAnnouncement';
import { AddressMap, type PodAddress } from '../addressMap';
import { RespConnection } from '../connection';
import { podByIp, readySentinels } from '../discovery';
import { cancelled, type ValkeyError } from '../errors';
import { isDown, nodeKey, queryMaster, type MasterView } from '../sentinel';
import { SentinelWatch, type NodeAddress, type SentinelEvent } from '../sentinelWatch';
import type { SessionClient, SessionTls } from '../sessionTypes';
import { replyPairs, replyText, type Reply } from '../resp/reply';
import { SentinelFront } from './front';
import type { AddressTranslator, LocalAddress } from './translate';

/** Sentinel's usual port: the endpoint takes it when it is free, so that an app's default works. */
export const DEFAULT_SENTINEL_PORT = 26379;
const DEFAULT_STEP_TIMEOUT_MS = 10_000;
/**
 * How long a Sentinel's +switch-master overrides other Sentinels that still name the old primary.
 * They learn of it from each other's hello messages (every 2 s), but a Redis 7.0 Sentinel has been
 * seen to take ~10 s; a client sent to the old primary then writes to a server about to be demoted.
 */
const SWITCH_WINDOW_MS = 30_000;
const UNREACHABLE_RETRY_MS = 5000;

export interface LocalEndpointOptions {
  readonly client: SessionClient;
  readonly cluster: ValkeyCluster;
  /** The Sentinel master name when Sentinel monitors several; by default the only one. */
  readonly masterName?: string | undefined;
  /** The local port; 0 or absent: 26379 when it is free, else any free port. */
  readonly port?: number | undefined;
  readonly logger?: Logger | undefined;
  /** TLS to the Sentinels, when `tls.sentinels`; the data pods' TLS is the application's own business. */
  readonly tls?: SessionTls | undefined;
  /** Limit for one port-forward upgrade and for opening one connection. Default 10 s. */
  readonly stepTimeoutMs?: number | undefined;
}

/** What the status bar shows. */
export interface LocalEndpointStatus {
  /** Where local clients find Sentinel: always 127.0.0.1. */
  readonly sentinel: LocalAddress;
  readonly masterName: string;
  /** The primary by Sentinel's latest word, and its local forward. */
  readonly primary: { readonly pod: string; readonly ip: string; readonly port: number; readonly local: LocalAddress } | undefined;
  /** Local clients connected to the Sentinel endpoint(s). */
  readonly sentinelClients: number;
  /** Local connections through the data pods' forwards (the application's Valkey connections). */
  readonly dataConnections: number;
}

export type LocalEndpointEvent =
  /** Sentinel moved the primary; local connections to the old one were closed. */
  | { readonly type: 'failover'; readonly fromPod: string | undefined; readonly toPod: string | undefined; readonly local: LocalAddress; readonly closedConnections: number; readonly message: string }
  | { readonly type: 'forward'; readonly event: ForwardEvent; readonly message: string }
  | { readonly type: 'notice'; readonly message: string }
  /** Local client counts changed. */
  | { readonly type: 'clients' };

interface Parts {
  readonly forwards: ForwardSet;
  readonly addresses: AddressMap;
  readonly main: SentinelFront;
  /** One endpoint in front of each Sentinel pod, by pod `ip:port`, for SENTINEL SENTINELS. */
  readonly fronts: Map<string, Promise<SentinelFront | undefined>>;
  readonly listening: Set<SentinelFront>;
  sentinels: PodAddress[];
  preferred: number | undefined;
  /** Pod `ip:port` → until when a failed forward is not tried again. */
  readonly unreachable: Map<string, number>;
  /** A local listener that closes every connection at once, for addresses that cannot be reached. */
  readonly refuser: Refuser;
  watch?: SentinelWatch;
}

/**
 * A Sentinel on 127.0.0.1 for the developer's own application: port-forwards (through the
 * Kubernetes API, with the developer's credentials) to the Sentinel and data pods of a cluster,
 * and a local Sentinel that answers from the real ones with the pod addresses replaced by their
 * forwards, so that any Sentinel client reaches the primary, and follows a failover, unchanged.
 */
export class LocalSentinelEndpoint {
  private readonly emitter = new Emitter<LocalEndpointEvent>();
  private readonly log: Logger;
  private readonly stepMs: number;
  private parts: Parts | undefined;
  private masterNameValue = '';
  private primary: NodeAddress | undefined;
  /** Old primary `ip:port` → the new one and until when, from the first +switch-master heard. */
  private readonly replaced = new Map<string, { readonly to: NodeAddress; readonly until: number }>();
  private stopped = false;

  readonly onEvent = this.emitter.event;

  constructor(private readonly options: LocalEndpointOptions) {
    this.log = options.logger ?? silentLogger;
    this.stepMs = options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  }

  get cluster(): ValkeyCluster {
    return this.options.cluster;
  }

  get masterName(): string {
    return this.masterNameValue;
  }

  get running(): boolean {
    return this.parts !== undefined && !this.stopped;
  }

  /** Opens the forwards, asks Sentinel for the master, and listens. Once only; stop() ends it. */
  async start(signal?: AbortSignal): Promise<Result<LocalEndpointStatus, ValkeyError>> {
    if (this.stopped || this.parts) return err({ kind: 'disposed', message: 'This local endpoint was started before; start a new one.' });
    const result = await this.establish(signal);
    if (!result.ok) await this.stop();
    return result;
  }

  status(): LocalEndpointStatus | undefined {
    const parts = this.parts;
    const sentinel = parts?.main.address;
    if (!parts || !sentinel) return undefined;
    const sentinelPorts = new Set(parts.sentinels.map((s) => s.forward.port));
    const dataConnections = parts.forwards.list().filter((f) => !sentinelPorts.has(f.port)).reduce((sum, f) => sum + f.connections, 0);
    let sentinelClients = parts.main.connections;
    for (const front of parts.listening) sentinelClients += front.connections;
    const entry = this.primary ? parts.addresses.get(this.primary.ip, this.primary.port) : undefined;
    return {
      sentinel,
      masterName: this.masterNameValue,
      primary: this.primary && entry ? { pod: entry.pod, ip: entry.ip, port: entry.port, local: { host: entry.forward.host, port: entry.forward.port } } : undefined,
      sentinelClients,
      dataConnections,
    };
  }

  /** Closes the listeners, every local connection and every forward. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const parts = this.parts;
    this.parts = undefined;
    if (parts) {
      parts.watch?.dispose();
      await parts.main.close();
      await Promise.all([...parts.fronts.values()].map(async (f) => (await f)?.close()));
      await parts.addresses.dispose();
      await parts.refuser.close();
      await parts.forwards.dispose();
    }
    this.emitter.dispose();
  }

  private async establish(signal: AbortSignal | undefined): Promise<Result<LocalEndpointStatus, ValkeyError>> {
    const { client, cluster } = this.options;
    const namespace = cluster.sentinel.namespace;
    const forwards = new ForwardSet((s) => client.authenticatedConfig({ signal: s }), { handshakeTimeoutMs: this.stepMs, onUnauthorized: () => client.forgetLogin() });
    const addresses = new AddressMap({ forwards, namespace, resolvePod: (ip, s) => podByIp(client, namespace, ip, s) });
    const translator = this.translator(() => this.parts);
    const main = new SentinelFront({
      upstreams: () => this.upstreams(),
      translator,
      tls: this.sentinelTls(),
      connectTimeoutMs: this.stepMs,
      onUpstream: (a) => this.parts && (this.parts.preferred = a.port),
      onClientsChanged: () => this.emitter.fire({ type: 'clients' }),
      onProblem: (m) => this.log.debug(m),
    });
    const parts: Parts = { forwards, addresses, main, fronts: new Map(), listening: new Set(), sentinels: [], preferred: undefined, unreachable: new Map(), refuser: new Refuser() };
    this.parts = parts;
    forwards.onEvent((e) => this.onForwardEvent(e));
    await addresses.start();
    await parts.refuser.listen();

    const sentinels = await readySentinels(client, cluster, signal);
    if (!sentinels.ok) return sentinels;
    const opened = await Promise.all(sentinels.value.map((s) => addresses.ensure(s.ip, s.port, s.pod, signal)));
    parts.sentinels = opened.flatMap((r) => (r.ok ? [r.value] : []));
    const failure = opened.find((r) => !r.ok);
    if (parts.sentinels.length === 0 && failure && !failure.ok) return failure;
    if (signal?.aborted) return err(cancelled());

    const view = await this.askSentinel(parts.sentinels, signal);
    if (!view.ok) return view;
    this.masterNameValue = view.value.master.name;
    const primary = await addresses.ensure(view.value.master.ip, view.value.master.port, undefined, signal);
    if (!primary.ok) return primary;
    this.primary = { ip: view.value.master.ip, port: view.value.master.port };
    for (const replica of view.value.replicas.filter((r) => !isDown(r))) this.preForward(replica);
    for (const s of parts.sentinels) void translator.sentinel(s.ip, s.port);

    const listened = await this.listen(main);
    if (!listened.ok) return listened;
    const watch = new SentinelWatch(parts.sentinels.map((s) => ({ host: s.forward.host, port: s.forward.port })), this.masterNameValue, (m) => this.log.debug(m), this.sentinelTls());
    parts.watch = watch;
    watch.onEvent((e) => this.onSentinelEvent(e));
    watch.start();
    if (this.stopped) return err({ kind: 'disposed', message: 'The local endpoint was stopped.' });
    this.log.info(`Local Sentinel endpoint for ${cluster.name} on ${listened.value.host}:${listened.value.port} (master ${this.masterNameValue}, primary ${primary.value.pod}).`);
    return ok(this.status()!);
  }

  private async listen(main: SentinelFront): Promise<Result<LocalAddress, ValkeyError>> {
    const wanted = this.options.port ?? 0;
    try {
      if (wanted !== 0) return ok(await main.listen(wanted));
      try {
        return ok(await main.listen(DEFAULT_SENTINEL_PORT));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
        return ok(await main.listen(0));
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const message = code === 'EADDRINUSE' ? `Port ${wanted} on 127.0.0.1 is in use by another program: choose another port (or 0 for 26379 when free, else any free port).` : `Cannot listen on 127.0.0.1:${wanted}: ${e instanceof Error ? e.message : String(e)}`;
      return err({ kind: 'connection', message });
    }
  }

  /** The Sentinel forwards to try, the last one that answered first. */
  private upstreams(): LocalAddress[] {
    const parts = this.parts;
    if (!parts) return [];
    const all = parts.sentinels.map((s) => ({ host: s.forward.host, port: s.forward.port }));
    return all.sort((a, b) => Number(b.port === parts.preferred) - Number(a.port === parts.preferred));
  }

  private translator(current: () => Parts | undefined): AddressTranslator {
    return {
      data: async (ip, port) => {
        const parts = current();
        if (!parts) return { host: '127.0.0.1', port: 1 };
        const key = `${ip}:${port}`;
        const known = parts.addresses.get(ip, port);
        if (known) return { host: known.forward.host, port: known.forward.port };
        // A pod that could not be forwarded a moment ago (gone, rescheduled) is not looked up again on every query.
        if ((parts.unreachable.get(key) ?? 0) > Date.now()) return parts.refuser.address;
        const found = await withTimeout(parts.addresses.ensure(ip, port), this.stepMs);
        if (found?.ok) return { host: found.value.forward.host, port: found.value.forward.port };
        parts.unreachable.set(key, Date.now() + UNREACHABLE_RETRY_MS);
        this.log.warn(`Sentinel names ${key}, which cannot be forwarded${found && !found.ok ? `: ${found.error.message}` : ' in time'}; clients are refused there for now.`);
        // A listener that refuses at once: the client asks Sentinel again soon.
        return parts.refuser.address;
      },
      sentinel: async (ip, port) => {
        const parts = current();
        if (!parts) return undefined;
        const key = `${ip}:${port}`;
        let front = parts.fronts.get(key);
        if (!front) {
          front = this.openFront(parts, ip, port);
          parts.fronts.set(key, front);
          void front.then((f) => {
            if (!f && parts.fronts.get(key) === front) parts.fronts.delete(key);
          });
        }
        return (await front)?.address;
      },
      replacement: (ip, port) => {
        const entry = this.replaced.get(`${ip}:${port}`);
        return entry && entry.until > Date.now() ? entry.to : undefined;
      },
    };
  }

  /** A local endpoint in front of one Sentinel pod, for the addresses SENTINEL SENTINELS reports. */
  private async openFront(parts: Parts, ip: string, port: number): Promise<SentinelFront | undefined> {
    const found = await withTimeout(parts.addresses.ensure(ip, port), this.stepMs);
    if (!found?.ok || this.parts !== parts) return undefined;
    const forward = found.value.forward;
    const front = new SentinelFront({
      upstreams: () => [{ host: forward.host, port: forward.port }],
      translator: this.translator(() => this.parts),
      tls: this.sentinelTls(),
      connectTimeoutMs: this.stepMs,
      onClientsChanged: () => this.emitter.fire({ type: 'clients' }),
      onProblem: (m) => this.log.debug(m),
    });
    await front.listen(0);
    if (this.parts !== parts) {
      await front.close();
      return undefined;
    }
    parts.listening.add(front);
    return front;
  }

  private async askSentinel(sentinels: readonly PodAddress[], signal: AbortSignal | undefined): Promise<Result<MasterView, ValkeyError>> {
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
    }
    return err(last);
  }

  private onSentinelEvent(event: SentinelEvent): void {
    const parts = this.parts;
    if (!parts) return;
    if (event.type === 'node') {
      if (event.role === 'replica') this.preForward(event.address);
      return;
    }
    const current = this.primary ? nodeKey(this.primary) : undefined;
    const [from, to] = [nodeKey(event.from), nodeKey(event.to)];
    // Every Sentinel announces the switch when it learns of it: only the first counts, and an echo of an older one never.
    if (current === to || (current !== undefined && current !== from)) return;
    this.primary = event.to;
    this.replaced.delete(to);
    this.replaced.set(from, { to: event.to, until: Date.now() + SWITCH_WINDOW_MS });
    const old = parts.addresses.get(event.from.ip, event.from.port);
    // As the demoted server does (Sentinel kills its clients): pooled clients reconnect and ask
    // Sentinel again. Until Sentinel has seen it report the replica role, new connections to it are
    // refused too: a client that reconnects to the same address (phpredis does) would write to a
    // server that is about to be demoted, and those writes would be lost.
    const since = Date.now();
    let demoted = false;
    const closed = old ? parts.forwards.dropConnections(old.forward, () => !demoted && Date.now() - since < SWITCH_WINDOW_MS && this.parts === parts) : 0;
    if (old) void this.waitForDemotion(parts, event.from, since).then(() => (demoted = true));
    void parts.addresses.ensure(event.to.ip, event.to.port).then((r) => {
      if (this.parts !== parts) return;
      const local = r.ok ? { host: r.value.forward.host, port: r.value.forward.port } : parts.addresses.lookup(to);
      const toPod = r.ok ? r.value.pod : undefined;
      const message = `Failover of ${this.masterNameValue}: the primary is now ${toPod ?? to} (local ${local.host}:${local.port})${old ? `, was ${old.pod}` : ''}; ${closed} local connection${closed === 1 ? '' : 's'} to the old primary closed.`;
      this.log.info(message);
      this.emitter.fire({ type: 'failover', fromPod: old?.pod, toPod, local, closedConnections: closed, message });
    });
  }

  /** Polls Sentinel until it has heard `node` report the replica role since `since` (or the window ends). */
  private async waitForDemotion(parts: Parts, node: NodeAddress, since: number): Promise<void> {
    while (this.parts === parts && Date.now() - since < SWITCH_WINDOW_MS) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const upstream = this.upstreams()[0];
      if (!upstream) continue;
      const conn = await RespConnection.open({ ...upstream, label: 'Sentinel', timeoutMs: this.stepMs, tls: this.sentinelTls() });
      if (!conn.ok) continue;
      try {
        const reply = await conn.value.send(['SENTINEL', 'REPLICAS', this.masterNameValue], { timeoutMs: this.stepMs });
        if (reply.ok && reportsReplica(reply.value, node, Date.now() - since)) {
          this.log.debug(`Sentinel has seen ${nodeKey(node)} report the replica role; connections to it are allowed again.`);
          return;
        }
      } finally {
        conn.value.close();
      }
    }
  }

  private preForward(node: NodeAddress): void {
    void this.parts?.addresses.ensure(node.ip, node.port).then((r) => {
      if (!r.ok && r.error.kind !== 'cancelled') this.log.warn(`Cannot forward to ${nodeKey(node)} yet: ${r.error.message}`);
    });
  }

  private onForwardEvent(event: ForwardEvent): void {
    const where = describeTarget(event.forward.target);
    const message = event.type === 'failed' ? `Port-forward to ${where} failed: ${event.error.message}` : event.type === 'dropped' ? event.message : `The port-forward to ${where} works again.`;
    if (event.type === 'failed' && event.error.kind === 'notFound') {
      this.parts?.addresses.forgetPod(event.forward.target.pod);
      if (this.parts?.sentinels.some((s) => s.forward === event.forward)) void this.replaceSentinel(this.parts, event.forward);
    }
    this.log.info(message);
    this.emitter.fire({ type: 'forward', event, message });
  }

  /** A Sentinel pod is gone: its forward goes to a ready Sentinel pod no other forward uses, keeping its local port. */
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

  private notice(message: string): void {
    this.log.info(message);
    this.emitter.fire({ type: 'notice', message });
  }

  private sentinelTls(): SessionTls | undefined {
    return this.options.tls?.sentinels ? this.options.tls : undefined;
  }
}

/** Whether SENTINEL REPLICAS has `node` with `role-reported` slave, from an INFO newer than `withinMs`. */
function reportsReplica(reply: Reply, node: NodeAddress, withinMs: number): boolean {
  if (reply.type !== 'array') return false;
  return reply.items.some((item) => {
    const fields = new Map((replyPairs(item) ?? []).map(([k, v]) => [replyText(k) ?? '', replyText(v) ?? '']));
    return fields.get('ip') === node.ip && Number(fields.get('port')) === node.port && fields.get('role-reported') === 'slave' && Number(fields.get('info-refresh')) < withinMs;
  });
}

class Refuser {
  private readonly server: Server = createServer((socket) => socket.destroy());
  address: LocalAddress = { host: '127.0.0.1', port: 1 };

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        const a = this.server.address();
        if (typeof a === 'object' && a) this.address = { host: '127.0.0.1', port: a.port };
        resolve();
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server.listening ? this.server.close(() => resolve()) : resolve()));
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
