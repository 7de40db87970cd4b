import { createServer, type Server } from 'node:net';
import type { Forward, ForwardSet } from '../kube/portForward';
import { err, ok, type Result } from '../util/result';
import { fromPortForward, type ValkeyError } from './errors';
import { listenInRange } from '../util/localPorts';

/** A pod address as Sentinel reports it, and the local forward that reaches it. */
export interface PodAddress {
  /** `ip:port`, the key iovalkey's natMap is asked about. */
  readonly key: string;
  readonly ip: string;
  readonly port: number;
  readonly pod: string;
  readonly forward: Forward;
}

export interface LocalAddress {
  readonly host: string;
  readonly port: number;
}

export interface AddressMapOptions {
  readonly forwards: Pick<ForwardSet, 'open'>;
  readonly namespace: string;
  /** The pod that has this IP now. */
  readonly resolvePod: (ip: string, signal?: AbortSignal) => Promise<Result<string, ValkeyError>>;
  /** Told when a lookup missed and a resolution started in the background (or failed). */
  readonly onMiss?: (key: string, result: Promise<Result<PodAddress, ValkeyError>>) => void;
}

/**
 * Pod `ip:port` → local forward, for iovalkey's synchronous natMap. A miss never returns the pod
 * address itself (unreachable from a laptop, and on a test machine it would bypass the forward):
 * it returns a local listener that closes every connection at once, so the client retries soon,
 * and starts resolving the address (pod by IP, then a forward) so that the retry finds it.
 */
export class AddressMap {
  private readonly entries = new Map<string, PodAddress>();
  private readonly resolving = new Map<string, Promise<Result<PodAddress, ValkeyError>>>();
  private readonly refuser: Server = createServer((socket) => socket.destroy());
  private refuserPort = 0;

  constructor(private readonly options: AddressMapOptions) {}

  async start(): Promise<void> {
    this.refuserPort = await listenInRange(this.refuser, '127.0.0.1');
  }

  /** For natMap: synchronous, never null. */
  readonly lookup = (key: string): LocalAddress => {
    const entry = this.entries.get(key);
    if (entry) return { host: entry.forward.host, port: entry.forward.port };
    const parsed = parseKey(key);
    if (parsed) this.options.onMiss?.(key, this.ensure(parsed.ip, parsed.port));
    return { host: '127.0.0.1', port: this.refuserPort };
  };

  get(ip: string, port: number): PodAddress | undefined {
    return this.entries.get(`${ip}:${port}`);
  }

  /** The most recent address reached through the local listener on `localPort`. */
  byLocalPort(localPort: number): PodAddress | undefined {
    let found: PodAddress | undefined;
    for (const entry of this.entries.values()) if (entry.forward.port === localPort) found = entry;
    return found;
  }

  /** Maps `ip:port` to a forward, looking the pod up by IP unless `pod` is given. Concurrent calls share the work. */
  ensure(ip: string, port: number, pod?: string, signal?: AbortSignal): Promise<Result<PodAddress, ValkeyError>> {
    const key = `${ip}:${port}`;
    const known = this.entries.get(key);
    if (known && (pod === undefined || known.pod === pod)) return Promise.resolve(ok(known));
    let pending = this.resolving.get(key);
    if (!pending) {
      pending = this.resolve(key, ip, port, pod, signal).finally(() => this.resolving.delete(key));
      this.resolving.set(key, pending);
    }
    return pending;
  }

  /** Drops the addresses of a pod that is gone, so that the next lookup asks the API again. */
  forgetPod(pod: string): void {
    for (const [key, entry] of this.entries) if (entry.pod === pod) this.entries.delete(key);
  }

  dispose(): Promise<void> {
    return new Promise((resolve) => this.refuser.close(() => resolve()));
  }

  private async resolve(key: string, ip: string, port: number, knownPod: string | undefined, signal: AbortSignal | undefined): Promise<Result<PodAddress, ValkeyError>> {
    let pod = knownPod;
    if (pod === undefined) {
      const found = await this.options.resolvePod(ip, signal);
      if (!found.ok) return found;
      pod = found.value;
    }
    const forward = await this.options.forwards.open({ namespace: this.options.namespace, pod, port }, signal);
    if (!forward.ok) return err(fromPortForward(forward.error));
    const entry: PodAddress = { key, ip, port, pod, forward: forward.value };
    this.entries.set(key, entry);
    return ok(entry);
  }
}

function parseKey(key: string): { ip: string; port: number } | undefined {
  const colon = key.lastIndexOf(':');
  const port = Number(key.slice(colon + 1));
  return colon > 0 && Number.isInteger(port) && port > 0 ? { ip: key.slice(0, colon), port } : undefined;
}
