import type { TlsOptions } from './connection';
import type { KubeClient } from '../kube/client';
import type { ForwardEvent } from '../kube/portForward';
import type { Logger } from '../util/logger';
import type { ValkeyCluster } from '../welkin/clusterAnnouncement';
import type { Reply } from './resp/reply';

/**
 * Asked at the start of each connect(), before its timeout starts; the editor backs it with
 * SecretStorage (and may prompt). Undefined: no password. A rejection cancels the connect.
 */
export type PasswordProvider = () => Promise<string | undefined>;

/** The Kubernetes calls a session makes; a KubeClient has them. */
export type SessionClient = Pick<KubeClient, 'listEndpointSlices' | 'listPods' | 'authenticatedConfig' | 'forgetLogin'>;

export interface ValkeySessionOptions {
  readonly client: SessionClient;
  readonly cluster: ValkeyCluster;
  readonly password: PasswordProvider;
  /** The Sentinel master name, when Sentinel monitors several; by default the only one it monitors. */
  readonly masterName?: string | undefined;
  readonly logger?: Logger | undefined;
  /** Limit for the whole of connect(). Default 30 s. */
  readonly connectTimeoutMs?: number | undefined;
  /** How long a command waits for a primary while there is none (during a failover). Default 10 s. */
  readonly commandWaitMs?: number | undefined;
  /** Limit for one port-forward upgrade and for opening one connection. Default 10 s. */
  readonly stepTimeoutMs?: number | undefined;
  /** TLS to the data pods (and to the Sentinels when `sentinels`); plain TCP when absent. */
  readonly tls?: SessionTls | undefined;
}

/** TLS for a session: every certificate is verified against `ca` (or the system's CAs) and `servername`. */
export interface SessionTls extends TlsOptions {
  /** The Sentinels speak TLS too (otherwise only the data pods do). */
  readonly sentinels: boolean;
}

/** Where the console's commands go. */
export interface ConnectionInfo {
  readonly role: 'primary';
  readonly pod: string;
  /** The pod address as Sentinel reports it. */
  readonly ip: string;
  readonly port: number;
  /** The local end of the port-forward. */
  readonly localPort: number;
  readonly masterName: string;
  readonly db: number;
  readonly protocol: 2 | 3;
}

export interface ForwardInfo {
  readonly pod: string;
  readonly port: number;
  readonly localPort: number;
  readonly healthy: boolean;
  readonly connections: number;
}

export type SessionState = 'idle' | 'connecting' | 'ready' | 'reconnecting' | 'disposed';

export type SessionEvent =
  | { readonly type: 'connected'; readonly info: ConnectionInfo; readonly message: string }
  /** The console is on a different primary than before: `failover: primary is now <pod> (<ip>)`. */
  | { readonly type: 'failover'; readonly info: ConnectionInfo; readonly previous: ConnectionInfo | undefined; readonly message: string }
  /** The console is back on the same primary after its connection dropped. */
  | { readonly type: 'reconnected'; readonly info: ConnectionInfo; readonly message: string }
  /** The console's connection is gone; commands wait for the next primary (see commandWaitMs). */
  | { readonly type: 'disconnected'; readonly message: string }
  /** A port-forward failed, dropped or recovered. */
  | { readonly type: 'forward'; readonly event: ForwardEvent; readonly message: string }
  /** After a reconnect: whether the console's own AUTH (as another ACL user) was restored, or it now runs as the stored user. */
  | { readonly type: 'identity'; readonly restored: boolean; readonly message: string }
  /** A reply no command asked for: pub/sub messages, MONITOR lines, RESP3 pushes. */
  | { readonly type: 'push'; readonly reply: Reply }
  /** Something worth a line in the log that needs no action, e.g. a Sentinel connection retried. */
  | { readonly type: 'notice'; readonly message: string };

export interface CommandOptions {
  readonly signal?: AbortSignal | undefined;
  /** Stop waiting for the reply after this long (the command may still run). Default: wait. */
  readonly timeoutMs?: number | undefined;
  /** Bulk-string bytes the reply may hold: longer strings are cut and marked (`omitted`), the rest never buffered. */
  readonly maxReplyBytes?: number | undefined;
}

export const describeConnection = (info: ConnectionInfo): string => `${info.role} ${info.pod}`;
