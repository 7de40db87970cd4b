import { Emitter, type Disposable } from '../util/emitter';
import { RespConnection, type TlsOptions } from './connection';
import type { LocalAddress } from './addressMap';
import type { Reply } from './resp/reply';

export type SentinelEvent =
  /** `+switch-master`: Sentinel made `to` the primary of `master`. */
  | { readonly type: 'switchMaster'; readonly master: string; readonly from: NodeAddress; readonly to: NodeAddress }
  /** `+slave` / `+sentinel`: a node Sentinel now knows about. */
  | { readonly type: 'node'; readonly master: string; readonly role: 'replica' | 'sentinel'; readonly address: NodeAddress };

export interface NodeAddress {
  readonly ip: string;
  readonly port: number;
}

const CHANNELS = ['+switch-master', '+slave', '+sentinel'];
const RETRY_MS = [100, 250, 500, 1000];

/**
 * Listens to Sentinel's announcements on every Sentinel (they learn of a failover one after the
 * other, up to seconds apart), reconnecting to each when its connection drops, so that a failover
 * is seen as soon as the first one announces it and new pod addresses can be forwarded before a
 * client asks for them.
 */
export class SentinelWatch implements Disposable {
  private readonly emitter = new Emitter<SentinelEvent>();
  private readonly listeners: SentinelListener[];

  readonly onEvent = this.emitter.event;

  constructor(sentinels: readonly LocalAddress[], master: string, onProblem: (message: string) => void = () => undefined, tls?: TlsOptions) {
    this.listeners = sentinels.map((address) => new SentinelListener(address, master, (e) => this.emitter.fire(e), onProblem, tls));
  }

  start(): void {
    for (const listener of this.listeners) listener.start();
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
    this.emitter.dispose();
  }
}

class SentinelListener {
  private connection: RespConnection | undefined;
  private timer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private disposed = false;

  constructor(
    private readonly address: LocalAddress,
    private readonly master: string,
    private readonly fire: (event: SentinelEvent) => void,
    private readonly onProblem: (message: string) => void,
    private readonly tls: TlsOptions | undefined,
  ) {}

  start(): void {
    void this.connect();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.connection?.close('the session ended');
  }

  private async connect(): Promise<void> {
    const { host, port } = this.address;
    const opened = await RespConnection.open({ host, port, label: `Sentinel (local port ${port})`, timeoutMs: 5000, tls: this.tls });
    if (this.disposed) {
      if (opened.ok) opened.value.close();
      return;
    }
    if (!opened.ok) return this.retry(opened.error.message);
    const conn = opened.value;
    this.connection = conn;
    conn.onPush((reply) => this.handle(reply));
    conn.onClose((reason) => {
      if (this.connection === conn) this.connection = undefined;
      if (!this.disposed) this.retry(`lost the connection: ${reason}`);
    });
    const subscribed = await conn.send(['SUBSCRIBE', ...CHANNELS], { timeoutMs: 5000 });
    if (subscribed.ok && subscribed.value.type !== 'error') this.attempt = 0;
    else conn.close(subscribed.ok ? 'SUBSCRIBE was refused' : subscribed.error.message);
  }

  private retry(reason: string): void {
    if (this.disposed || this.timer) return;
    this.onProblem(`Sentinel announcements (local port ${this.address.port}): ${reason}; trying again.`);
    const delay = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)]!;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connect();
    }, delay);
  }

  private handle(reply: Reply): void {
    const message = pubSubMessage(reply);
    if (!message) return;
    const event = parseEvent(message.channel, message.payload);
    if (event && event.master === this.master) this.fire(event);
  }
}

function pubSubMessage(reply: Reply): { channel: string; payload: string } | undefined {
  if ((reply.type !== 'array' && reply.type !== 'push') || reply.items.length !== 3) return undefined;
  const [kind, channel, payload] = reply.items;
  if (kind?.type !== 'bulk' || kind.value.toString('latin1') !== 'message') return undefined;
  if (channel?.type !== 'bulk' || payload?.type !== 'bulk') return undefined;
  return { channel: channel.value.toString('utf8'), payload: payload.value.toString('utf8') };
}

/** Sentinel's event payloads (sentinel.c, sentinelEvent): `<name> <ip> <port> <ip> <port>` and `<type> <name> <ip> <port> @ <master> <ip> <port>`. */
export function parseEvent(channel: string, payload: string): SentinelEvent | undefined {
  const words = payload.trim().split(/\s+/);
  if (channel === '+switch-master' && words.length === 5) {
    const [master, fromIp, fromPort, toIp, toPort] = words as [string, string, string, string, string];
    return { type: 'switchMaster', master, from: { ip: fromIp, port: Number(fromPort) }, to: { ip: toIp, port: Number(toPort) } };
  }
  if ((channel === '+slave' || channel === '+sentinel') && words.length === 8 && words[4] === '@') {
    return { type: 'node', master: words[5]!, role: channel === '+slave' ? 'replica' : 'sentinel', address: { ip: words[2]!, port: Number(words[3]) } };
  }
  return undefined;
}
