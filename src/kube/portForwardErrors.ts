import { fromStatusCode, type KubeError } from './errors';

/** What can go wrong forwarding a port: the API server's refusal, or the kubelet's message on the error channel. */
export type PortForwardError = KubeError | { readonly kind: 'forwardFailed'; readonly message: string };

export interface ForwardTarget {
  readonly namespace: string;
  readonly pod: string;
  readonly port: number;
}

export const describeTarget = (t: ForwardTarget): string => `pod ${t.pod}:${t.port} in namespace ${t.namespace}`;

/** The API server answered the WebSocket upgrade with an HTTP error instead of 101. */
export class HandshakeRejected extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`The API server refused the port-forward upgrade (HTTP ${status}).`);
  }
}

/** Turns a failed WebSocket handshake into a value that names what to fix. */
export function handshakeError(e: unknown, target: ForwardTarget, timeoutMs: number): PortForwardError {
  if (e instanceof HandshakeRejected) return rejected(e, target);
  const message = e instanceof Error ? e.message : errorEventMessage(e);
  if (/handshake has timed out/i.test(message)) {
    return { kind: 'timeout', message: `The API server did not open the port-forward to ${describeTarget(target)} within ${Math.round(timeoutMs / 1000)} s.` };
  }
  if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ECONNRESET|EAI_AGAIN|ETIMEDOUT|socket hang up|certificate|self[- ]signed|TLS/i.test(message)) {
    return { kind: 'unreachable', message: `Cannot reach the API server to port-forward to ${describeTarget(target)}: ${message}` };
  }
  return { kind: 'badResponse', message: `Port-forward to ${describeTarget(target)} failed: ${message}` };
}

function rejected(e: HandshakeRejected, target: ForwardTarget): PortForwardError {
  const status = parseStatus(e.body);
  const intent = { verb: 'create', resource: 'pods/portforward', namespace: target.namespace, name: target.pod };
  if (e.status === 403) {
    const said = status?.message ? ` The API server said: ${status.message}` : '';
    return {
      kind: 'forbidden',
      verb: 'create',
      resource: 'pods/portforward',
      namespace: target.namespace,
      message: `You may not port-forward to pods in namespace "${target.namespace}": RBAC must allow the verbs get and create on pods/portforward there. Ask your Welkin administrator.${said}`,
    };
  }
  if (e.status === 404) return { kind: 'notFound', message: `Pod ${target.pod} was not found in namespace ${target.namespace}: it may have been deleted or rescheduled.` };
  const error = fromStatusCode(e.status, status, intent);
  return { ...error, message: `Port-forward to ${describeTarget(target)}: ${error.message}` };
}

function parseStatus(body: string): { message?: string } | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null) {
      const message = (parsed as { message?: unknown }).message;
      return typeof message === 'string' ? { message } : {};
    }
  } catch {
    // Not a Status: some servers and proxies answer in plain text.
  }
  const text = body.trim();
  return text ? { message: text.slice(0, 500) } : undefined;
}

/** ws rejects with an ErrorEvent-like object in some paths; take its message. */
function errorEventMessage(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string') return e.message;
  return String(e);
}
