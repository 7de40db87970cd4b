import Redis from 'iovalkey';
import type { SessionTls } from './sessionTypes';
import { Emitter, type Disposable } from '../util/emitter';
import type { LocalAddress } from './addressMap';

export interface TrackerOptions {
  /** Local forwards to the Sentinel pods. */
  readonly sentinels: readonly LocalAddress[];
  /** The master name Sentinel reported. */
  readonly name: string;
  /** Pod `ip:port` → local forward (AddressMap.lookup). */
  readonly natMap: (key: string) => LocalAddress;
  readonly password: string | undefined;
  readonly connectTimeoutMs: number;
  readonly tls?: SessionTls | undefined;
}

export type TrackerEvent =
  /** iovalkey is connected and ready on the primary behind this local port. */
  | { readonly type: 'ready'; readonly localPort: number }
  | { readonly type: 'down'; readonly reason: string }
  | { readonly type: 'problem'; readonly message: string };

/**
 * iovalkey's Sentinel client, used to follow the primary: it asks Sentinel for the primary,
 * reaches it through natMap, checks its role, and with failoverDetector drops the connection the
 * moment Sentinel announces +switch-master, then asks again. It never sends a command of ours:
 * no offline queue, no retries, no resending.
 */
export class PrimaryTracker implements Disposable {
  private readonly emitter = new Emitter<TrackerEvent>();
  private readonly client: Redis;
  private disposed = false;
  private port: number | undefined;

  readonly onEvent = this.emitter.event;

  constructor(options: TrackerOptions) {
    this.client = new Redis({
      sentinels: options.sentinels.map((s) => ({ host: s.host, port: s.port })),
      name: options.name,
      role: 'master',
      natMap: options.natMap,
      failoverDetector: true,
      updateSentinels: true,
      sentinelMaxConnections: 3,
      ...(options.password === undefined ? {} : { password: options.password }),
      ...(options.tls ? trackerTls(options.tls) : {}),
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      autoResubscribe: false,
      connectionName: 'valkey-on-welkin-tracker',
      connectTimeout: options.connectTimeoutMs,
      sentinelCommandTimeout: options.connectTimeoutMs,
      retryStrategy: (attempt) => Math.min(attempt * 50, 500),
      sentinelRetryStrategy: (attempt) => Math.min(attempt * 100, 1000),
      // For the failover detector's subscriptions; iovalkey's default is a minute.
      sentinelReconnectStrategy: () => 1000,
    });
    this.client.on('ready', () => {
      const localPort = this.client.stream?.remotePort;
      this.port = localPort;
      if (localPort !== undefined) this.emitter.fire({ type: 'ready', localPort });
    });
    this.client.on('close', () => {
      this.port = undefined;
      if (!this.disposed) this.emitter.fire({ type: 'down', reason: 'the connection to the primary closed' });
    });
    this.client.on('error', (e: Error) => this.emitter.fire({ type: 'problem', message: e.message }));
    this.client.on('sentinelError', (e: Error) => this.emitter.fire({ type: 'problem', message: e.message }));
  }

  /** The local port of the forward iovalkey is connected to, while it is ready. */
  get readyPort(): number | undefined {
    return this.port;
  }

  start(): void {
    // The first failure rejects connect(); iovalkey goes on reconnecting, which is what we want.
    this.client.connect().catch(() => undefined);
  }

  dispose(): void {
    this.disposed = true;
    this.client.disconnect();
    this.emitter.dispose();
  }
}

/** iovalkey's TLS options: `tls` with `enableTLSForSentinelMode` for the data pods, `sentinelTLS` for the Sentinels. */
function trackerTls(tls: SessionTls): { tls: object; enableTLSForSentinelMode: true; sentinelTLS?: object } {
  const options = { servername: tls.servername, rejectUnauthorized: true, ...(tls.ca ? { ca: tls.ca } : {}) };
  return { tls: options, enableTLSForSentinelMode: true, ...(tls.sentinels ? { sentinelTLS: options } : {}) };
}
