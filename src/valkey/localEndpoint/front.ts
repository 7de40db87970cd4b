import { connect, createServer, type Server, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import type { TlsOptions } from '../connection';
import { ProtocolError, RespParser } from '../resp/parser';
import type { Reply } from '../resp/reply';
import { encodeReply, errorReply } from './encodeReply';
import { commandPolicy, isUnsolicited, translateMessage, translateReply, upstreamArgs, type AddressTranslator, type LocalAddress, type ReplyKind } from './translate';

export interface FrontOptions {
  /** Local forwards to the Sentinels this front may ask, best first; each new client tries them in turn. */
  readonly upstreams: () => readonly LocalAddress[];
  readonly translator: AddressTranslator;
  /** TLS to the Sentinels (through their plain forwards), when they speak it. */
  readonly tls?: TlsOptions | undefined;
  readonly connectTimeoutMs?: number;
  /** Told which upstream answered, so the next client tries it first. */
  readonly onUpstream?: (address: LocalAddress) => void;
  readonly onClientsChanged?: () => void;
  readonly onProblem?: (message: string) => void;
}

const LOCAL_HOST = '127.0.0.1';

/**
 * A local Sentinel: a listener on 127.0.0.1 whose every client gets a connection of its own to a
 * real Sentinel (through a port-forward). Commands go to that Sentinel in order; replies come back
 * with the pod addresses in them replaced by local ones (translate.ts); commands that would change
 * the Sentinels are answered with an error and not sent. When the Sentinel connection drops, the
 * client's connection is closed, so that the client connects again (and gets another Sentinel).
 */
export class SentinelFront {
  private readonly server: Server = createServer((socket) => this.accept(socket));
  private readonly clients = new Set<ClientProxy>();
  private listening: LocalAddress | undefined;

  constructor(private readonly options: FrontOptions) {}

  /** Listens on 127.0.0.1:`port` (0: any free port). Rejects with the listen error (EADDRINUSE). */
  listen(port: number): Promise<LocalAddress> {
    return new Promise((resolve, reject) => {
      const fail = (e: Error): void => reject(e);
      this.server.once('error', fail);
      this.server.listen(port, LOCAL_HOST, () => {
        this.server.off('error', fail);
        const address = this.server.address();
        this.listening = { host: LOCAL_HOST, port: typeof address === 'object' && address ? address.port : port };
        resolve(this.listening);
      });
    });
  }

  get address(): LocalAddress | undefined {
    return this.listening;
  }

  /** Local clients connected now. */
  get connections(): number {
    return this.clients.size;
  }

  close(): Promise<void> {
    for (const client of this.clients) client.close();
    this.clients.clear();
    return new Promise((resolve) => (this.listening ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(socket: Socket): void {
    const client = new ClientProxy(socket, this.options, () => {
      this.clients.delete(client);
      this.options.onClientsChanged?.();
    });
    this.clients.add(client);
    this.options.onClientsChanged?.();
  }
}

interface Awaiting {
  readonly kind: ReplyKind;
  readonly hello: boolean;
  readonly resolve: (reply: Reply | undefined) => void;
}

class ClientProxy {
  private readonly parser = new RespParser((command) => this.onCommand(command));
  private upstream: Promise<Upstream | undefined> | undefined;
  /** Sentinel forwards this client has tried (a forward accepts at once, even when its pod is gone). */
  private readonly tried = new Set<number>();
  /** Commands sent on the current upstream before its first reply: sent again on the next one if it closes without answering. */
  private unanswered: (readonly Buffer[])[] = [];
  private answered = false;
  private readonly awaiting: Awaiting[] = [];
  /** Commands are handled one after the other, in the order the client sent them. */
  private work: Promise<void> = Promise.resolve();
  /** Replies are written in order, each once its translation is done. */
  private out: Promise<void> = Promise.resolve();
  private protocol: 2 | 3 = 2;
  private closed = false;

  constructor(
    private readonly socket: Socket,
    private readonly options: FrontOptions,
    private readonly onClosed: () => void,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      try {
        this.parser.feed(chunk);
      } catch (e) {
        this.emit(Promise.resolve(errorReply(`ERR Protocol error: ${e instanceof ProtocolError ? e.message : String(e)}`)));
        void this.out.then(() => this.close());
      }
    });
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    void this.upstream?.then((u) => u?.close());
    for (const a of this.awaiting.splice(0)) a.resolve(undefined);
    this.onClosed();
  }

  private onCommand(command: Reply): void {
    const args = commandArgs(command);
    if (!args) {
      this.emit(Promise.resolve(errorReply('ERR Protocol error: expected an array of bulk strings')));
      return;
    }
    if (args.length === 0) return;
    this.work = this.work.then(() => this.handle(args));
  }

  private async handle(args: Buffer[]): Promise<void> {
    if (this.closed) return;
    const policy = commandPolicy(args);
    if (policy.action === 'refuse') {
      this.emit(Promise.resolve(errorReply(policy.message)));
      return;
    }
    const upstream = await (this.upstream ??= this.openUpstream());
    if (this.closed) return;
    if (!upstream) {
      this.emit(Promise.resolve(errorReply('ERR no Sentinel of the cluster is reachable right now through its port-forward; try again')));
      void this.out.then(() => this.close());
      return;
    }
    if (policy.action === 'subscription') {
      this.send(upstream, args);
      return;
    }
    const reply = new Promise<Reply | undefined>((resolve) => this.awaiting.push({ kind: policy.reply, hello: word(args[0]) === 'HELLO', resolve }));
    this.emit(reply.then((r) => (r === undefined ? undefined : translateReply(policy.reply, r, this.options.translator))));
    this.send(upstream, upstreamArgs(args));
  }

  private send(upstream: Upstream, args: readonly Buffer[]): void {
    if (!this.answered) this.unanswered.push(args);
    upstream.send(args);
  }

  private onUpstreamReply(reply: Reply): void {
    if (!this.answered) {
      this.answered = true;
      this.unanswered = [];
    }
    if (isUnsolicited(reply)) {
      this.emit(translateMessage(reply, this.options.translator));
      return;
    }
    const head = this.awaiting.shift();
    if (!head) return;
    if (head.hello && reply.type !== 'error') this.protocol = reply.type === 'map' ? 3 : 2;
    head.resolve(reply);
  }

  private emit(reply: Promise<Reply | undefined>): void {
    // Start the translation now; write in order.
    const settled = reply.catch((e: unknown) => errorReply(`ERR the local endpoint could not translate the reply: ${e instanceof Error ? e.message : String(e)}`));
    this.out = this.out.then(async () => {
      const value = await settled;
      if (value !== undefined && !this.closed && this.socket.writable) this.socket.write(encodeReply(value, this.protocol));
    });
  }

  private async openUpstream(): Promise<Upstream | undefined> {
    const candidates = this.options.upstreams().filter((c) => !this.tried.has(c.port));
    for (const address of candidates) {
      this.tried.add(address.port);
      const opened = await Upstream.open(address, this.options.tls, this.options.connectTimeoutMs ?? 5000, (r) => this.onUpstreamReply(r), (reason) => this.onUpstreamClosed(reason));
      if (opened) {
        this.options.onUpstream?.(address);
        return opened;
      }
      if (this.closed) return undefined;
    }
    this.options.onProblem?.(`No Sentinel answered through ${candidates.map((c) => c.port).join(', ') || 'any port-forward'}.`);
    return undefined;
  }

  private onUpstreamClosed(reason: string): void {
    if (this.closed) return;
    if (!this.answered) {
      // The forward accepted, but its Sentinel never answered (its pod is gone): the next Sentinel
      // gets the same commands (queries, and the connection's AUTH/HELLO/SETNAME), in order.
      const resend = this.unanswered;
      this.unanswered = [];
      this.options.onProblem?.(`A Sentinel closed a local client's connection before answering (${reason}); trying the next one.`);
      this.upstream = this.openUpstream();
      this.work = this.work.then(async () => {
        const next = await this.upstream;
        if (this.closed) return;
        if (!next) {
          for (const a of this.awaiting.splice(0)) a.resolve(errorReply('ERR no Sentinel of the cluster is reachable right now through its port-forward; try again'));
          void this.out.then(() => this.close());
          return;
        }
        for (const args of resend) this.send(next, args);
      });
      return;
    }
    this.options.onProblem?.(`A local client's Sentinel connection closed (${reason}); closing the client's connection so that it connects again.`);
    for (const a of this.awaiting.splice(0)) a.resolve(undefined);
    void this.out.then(() => this.close());
  }
}

/** One client's connection to a real Sentinel: raw commands out, parsed replies in. */
class Upstream {
  private constructor(private readonly socket: Socket) {}

  static open(address: LocalAddress, tls: TlsOptions | undefined, timeoutMs: number, onReply: (reply: Reply) => void, onClose: (reason: string) => void): Promise<Upstream | undefined> {
    return new Promise((resolve) => {
      const socket = tls
        ? connectTls({ host: address.host, port: address.port, servername: tls.servername, ...(tls.ca ? { ca: tls.ca } : {}), rejectUnauthorized: true })
        : connect({ host: address.host, port: address.port, noDelay: true });
      let ready = false;
      const timer = setTimeout(() => socket.destroy(), timeoutMs);
      socket.once(tls ? 'secureConnect' : 'connect', () => {
        ready = true;
        clearTimeout(timer);
        const parser = new RespParser(onReply);
        socket.on('data', (chunk: Buffer) => {
          try {
            parser.feed(chunk);
          } catch (e) {
            socket.destroy(e instanceof Error ? e : new Error(String(e)));
          }
        });
        resolve(new Upstream(socket));
      });
      let problem = 'the connection closed';
      socket.on('error', (e: Error) => (problem = e.message));
      socket.on('close', () => {
        clearTimeout(timer);
        if (ready) onClose(problem);
        else resolve(undefined);
      });
    });
  }

  send(args: readonly Buffer[]): void {
    if (!this.socket.writable) return;
    const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`, 'latin1')];
    for (const a of args) parts.push(Buffer.from(`$${a.length}\r\n`, 'latin1'), a, Buffer.from('\r\n', 'latin1'));
    this.socket.write(Buffer.concat(parts));
  }

  close(): void {
    this.socket.removeAllListeners('close');
    this.socket.on('error', () => undefined);
    this.socket.destroy();
  }
}

/** A client command: an array of bulk strings (inline commands are not RESP and not accepted). */
function commandArgs(command: Reply): Buffer[] | undefined {
  if (command.type !== 'array') return undefined;
  const args: Buffer[] = [];
  for (const item of command.items) {
    if (item.type !== 'bulk') return undefined;
    args.push(item.value);
  }
  return args;
}

const word = (arg: Buffer | undefined): string => (arg ? arg.toString('latin1').toUpperCase() : '');
