import { connect, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { Emitter, type Disposable } from '../util/emitter';
import { err, ok, type Result } from '../util/result';
import { cancelled, type ValkeyError } from './errors';
import { encodeCommand } from './resp/encode';
import { ProtocolError, RespParser } from './resp/parser';
import type { Reply } from './resp/reply';

export type Arg = string | Uint8Array;

export interface OpenOptions {
  readonly host: string;
  readonly port: number;
  /** Names the other end in messages, e.g. `primary rfr-valkey-cluster-0`. */
  readonly label: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
  /** TLS to the server (through the forward's plain TCP); verified against `ca` and `servername`. */
  readonly tls?: TlsOptions | undefined;
}

/** How a TLS connection is made and verified. The certificate is always verified. */
export interface TlsOptions {
  /** PEM of the CA(s) that signed the servers' certificates; the system's CAs when absent. */
  readonly ca?: string | undefined;
  /**
   * The name the certificate must carry (and the SNI sent): the connection goes to 127.0.0.1, so
   * the name cannot come from the address. Typically the Sentinel Service's DNS name.
   */
  readonly servername: string;
}

export interface SendOptions {
  /** Stop waiting after this long; the command may still run. No timeout by default (BLPOP 0 may wait forever). */
  readonly timeoutMs?: number | undefined;
  /** Bulk-string bytes the reply may hold; past it strings are cut (`omitted`) and the rest dropped unread. */
  readonly maxReplyBytes?: number | undefined;
}

interface Pending {
  readonly name: string;
  readonly maxReplyBytes?: number | undefined;
  readonly resolve: (result: Result<Reply, ValkeyError>) => void;
  settled: boolean;
  /** Replies owed: SUBSCRIBE a b answers once per channel; the first settles, the rest are pushes. */
  readonly owed: number;
  answered: number;
  readonly subscription: boolean;
  timer?: NodeJS.Timeout;
}

const SUBSCRIPTION_COMMANDS = new Set(['subscribe', 'psubscribe', 'ssubscribe', 'unsubscribe', 'punsubscribe', 'sunsubscribe']);
const PUBSUB_MESSAGES = new Set(['message', 'pmessage', 'smessage']);

/**
 * One connection to a Valkey server speaking RESP2/RESP3 with typed replies: commands are
 * pipelined in order, replies nobody asked for (pub/sub messages, MONITOR, RESP3 pushes) are
 * events, and a command in flight when the connection closes fails as "interrupted": nothing is
 * ever sent twice.
 */
export class RespConnection implements Disposable {
  private readonly pending: Pending[] = [];
  private readonly parser = new RespParser((reply) => this.dispatch(reply), {}, () => this.pending[0]?.maxReplyBytes);
  private readonly pushes = new Emitter<Reply>();
  private readonly closes = new Emitter<string>();
  private closeReason: string | undefined;
  /** RESP2 pub/sub: while subscribed, ["message", channel, payload] arrays are pushes, not replies. */
  private subscribed = false;

  /** Replies that answer no command. */
  readonly onPush = this.pushes.event;
  /** Fired once, with the reason, when the connection closes for any reason. */
  readonly onClose = this.closes.event;

  private constructor(
    private readonly socket: Socket,
    readonly label: string,
  ) {
    socket.on('data', (chunk: Buffer) => {
      try {
        this.parser.feed(chunk);
      } catch (e) {
        this.fail(e instanceof ProtocolError ? e.message : `Unreadable reply: ${String(e)}`);
      }
    });
    socket.on('error', (e: Error) => this.fail(e.message));
    socket.on('close', () => this.fail('the connection closed'));
  }

  static open(options: OpenOptions): Promise<Result<RespConnection, ValkeyError>> {
    if (options.signal?.aborted) return Promise.resolve(err(cancelled()));
    return new Promise((resolve) => {
      const tls = options.tls;
      const socket = tls
        ? connectTls({ host: options.host, port: options.port, servername: tls.servername, ...(tls.ca ? { ca: tls.ca } : {}), rejectUnauthorized: true })
        : connect({ host: options.host, port: options.port, noDelay: true });
      const finish = (result: Result<RespConnection, ValkeyError>): void => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        socket.off('error', onError);
        socket.off('close', onClose);
        if (!result.ok) socket.destroy();
        resolve(result);
      };
      const onError = (e: Error): void =>
        finish(
          err({
            kind: 'connection',
            message: tls && isTlsError(e) ? `TLS to ${options.label} failed: ${e.message} (expected a certificate for ${tls.servername}${tls.ca ? ' signed by the configured CA' : ' signed by a system CA'}).` : `Cannot connect to ${options.label}: ${e.message}`,
          }),
        );
      const onClose = (): void => finish(err({ kind: 'connection', message: `The connection to ${options.label} closed while opening.` }));
      const onAbort = (): void => finish(err(cancelled()));
      const timer = setTimeout(() => finish(err({ kind: 'timeout', message: `${options.label} did not accept a connection within ${seconds(options.timeoutMs)}.` })), options.timeoutMs);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      socket.once('error', onError);
      socket.once('close', onClose);
      socket.once(tls ? 'secureConnect' : 'connect', () => finish(ok(new RespConnection(socket, options.label))));
    });
  }

  get closed(): boolean {
    return this.closeReason !== undefined;
  }

  /** The local port of the TCP connection's far end (the forward's listener). */
  get remotePort(): number | undefined {
    return this.socket.remotePort;
  }

  /** Sends one command; an error reply is an `{ type: 'error' }` reply, not a failure. */
  send(args: readonly Arg[], options: SendOptions = {}): Promise<Result<Reply, ValkeyError>> {
    const name = commandName(args);
    if (args.length === 0) return Promise.resolve(err({ kind: 'protocol', message: 'An empty command cannot be sent (the server would not answer it).' }));
    if (this.closeReason !== undefined || !this.socket.writable) {
      return Promise.resolve(err({ kind: 'connection', message: `Not sent: the connection to ${this.label} is closed (${this.closeReason ?? 'not writable'}).` }));
    }
    return new Promise((resolve) => {
      const subscription = SUBSCRIPTION_COMMANDS.has(name.toLowerCase());
      const owed = subscription ? Math.max(1, args.length - 1) : 1;
      const entry: Pending = { name, resolve, settled: false, owed, answered: 0, subscription, maxReplyBytes: options.maxReplyBytes };
      if (options.timeoutMs !== undefined) {
        entry.timer = setTimeout(() => {
          settle(entry, err({ kind: 'timeout', message: `${name} got no reply from ${this.label} within ${seconds(options.timeoutMs ?? 0)}; it may still run.` }));
        }, options.timeoutMs);
      }
      this.pending.push(entry);
      this.socket.write(encodeCommand(args));
    });
  }

  /** Closes at once; commands in flight fail as interrupted. */
  close(reason = 'closed by the client'): void {
    this.fail(reason);
    this.socket.destroy();
  }

  dispose(): void {
    this.close();
  }

  private dispatch(reply: Reply): void {
    const head = this.pending[0];
    // Under RESP3 the confirmations of SUBSCRIBE and friends come as pushes: they answer the command.
    const confirms = reply.type === 'push' && head?.subscription === true && isSubscriptionConfirmation(reply);
    if (!confirms && (reply.type === 'push' || (this.subscribed && isPubSubMessage(reply)))) {
      this.pushes.fire(reply);
      return;
    }
    if (!head) {
      this.pushes.fire(reply);
      return;
    }
    head.answered++;
    if (head.answered >= head.owed) this.pending.shift();
    if (head.subscription) this.subscribed = subscriptionCount(reply) > 0;
    if (head.answered === 1) settle(head, ok(reply));
    else this.pushes.fire(reply);
  }

  private fail(reason: string): void {
    if (this.closeReason !== undefined) return;
    this.closeReason = reason;
    this.parser.reset();
    const inFlight = this.pending.splice(0);
    for (const entry of inFlight) {
      settle(entry, err({
        kind: 'interrupted',
        command: entry.name,
        message: `The connection to ${this.label} was lost while ${entry.name} was in flight (${reason}): it may or may not have run. It was not retried.`,
      }));
    }
    this.socket.destroy();
    this.closes.fire(reason);
    this.closes.dispose();
    this.pushes.dispose();
  }
}

function settle(entry: Pending, result: Result<Reply, ValkeyError>): void {
  if (entry.settled) return;
  entry.settled = true;
  clearTimeout(entry.timer);
  entry.resolve(result);
}

/** The channel count at the end of a (un)subscribe confirmation: ["subscribe", "ch", 1]. */
function subscriptionCount(reply: Reply): number {
  const count = reply.type === 'array' || reply.type === 'push' ? reply.items[2] : undefined;
  return count?.type === 'integer' ? Number(count.value) : 0;
}

/** `subscribe`, `unsubscribe`, `psubscribe`, …: what a (un)subscription command is answered with. */
function isSubscriptionConfirmation(reply: Reply): boolean {
  if ((reply.type !== 'array' && reply.type !== 'push') || reply.items.length < 3) return false;
  const kind = reply.items[0];
  return (kind?.type === 'bulk' || kind?.type === 'simple') && /^[ps]?(un)?subscribe$/i.test(kind.value.toString('latin1'));
}

function isPubSubMessage(reply: Reply): boolean {
  if (reply.type !== 'array' || reply.items.length < 3) return false;
  const kind = reply.items[0];
  return kind?.type === 'bulk' && PUBSUB_MESSAGES.has(kind.value.toString('latin1'));
}

export function commandName(args: readonly Arg[]): string {
  const first = args[0];
  if (first === undefined) return '(empty command)';
  return (typeof first === 'string' ? first : Buffer.from(first).toString('utf8')).toUpperCase();
}

const seconds = (ms: number): string => (ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`);

/** An error from the TLS handshake or certificate check (rather than the TCP connection). */
function isTlsError(e: Error): boolean {
  const code = (e as { code?: unknown }).code;
  return (typeof code === 'string' && /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL)/.test(code)) || /certificate|ssl|tls|handshake/i.test(e.message);
}
