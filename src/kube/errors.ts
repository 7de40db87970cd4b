/** What can go wrong talking to a cluster, as values the tree and the console can render. */
export type KubeError =
  | { readonly kind: 'unauthorized'; readonly message: string }
  | { readonly kind: 'forbidden'; readonly verb: string; readonly resource: string; readonly namespace: string | undefined; readonly message: string }
  | { readonly kind: 'notFound'; readonly message: string }
  | { readonly kind: 'conflict'; readonly message: string }
  | { readonly kind: 'invalid'; readonly message: string; readonly causes: readonly string[] }
  | { readonly kind: 'server'; readonly code: number; readonly message: string }
  | { readonly kind: 'unreachable'; readonly message: string }
  | { readonly kind: 'timeout'; readonly message: string }
  | { readonly kind: 'cancelled'; readonly message: string }
  | { readonly kind: 'pluginMissing'; readonly command: string; readonly message: string; readonly install: string }
  | { readonly kind: 'loginFailed'; readonly message: string }
  | { readonly kind: 'badResponse'; readonly message: string };

export type KubeErrorKind = KubeError['kind'];

/** What a request was trying to do, so a denial can name the verb and resource. */
export interface RequestIntent {
  readonly verb: string;
  readonly resource: string;
  readonly namespace?: string | undefined;
  readonly name?: string | undefined;
}

interface StatusBody {
  message?: string;
  reason?: string;
  details?: { causes?: { message?: string; field?: string }[] };
}

/** Turns whatever client-node threw into a KubeError. */
export function toKubeError(e: unknown, intent: RequestIntent, timeoutMs: number): KubeError {
  const code = numberField(e, 'code');
  if (code !== undefined && code >= 100 && code < 600) return fromStatusCode(code, parseStatus(field(e, 'body')), intent);
  const name = stringField(e, 'name');
  const type = stringField(e, 'type');
  if (name === 'AbortError' || type === 'aborted') {
    return { kind: 'timeout', message: `The API server did not answer within ${Math.round(timeoutMs / 1000)} s (${describeIntent(intent)}).` };
  }
  const errno = stringField(e, 'code') ?? stringField(field(e, 'cause'), 'code') ?? stringField(field(e, 'errno'), 'code');
  const message = e instanceof Error ? e.message : String(e);
  if (errno && NETWORK_CODES.has(errno)) return { kind: 'unreachable', message: `Cannot reach the API server: ${message}` };
  if (/certificate|self[- ]signed|SSL|TLS/i.test(message)) return { kind: 'unreachable', message: `TLS handshake with the API server failed: ${message}` };
  if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ECONNRESET|socket hang up/i.test(message)) return { kind: 'unreachable', message: `Cannot reach the API server: ${message}` };
  return { kind: 'badResponse', message };
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'ERR_TLS_CERT_ALTNAME_INVALID']);

export function fromStatusCode(code: number, status: StatusBody | undefined, intent: RequestIntent): KubeError {
  const serverMessage = status?.message?.trim();
  switch (code) {
    case 401:
      return { kind: 'unauthorized', message: 'Your login has expired or is not accepted (401 Unauthorized). Log in again.' };
    case 403:
      return {
        kind: 'forbidden',
        verb: intent.verb,
        resource: intent.resource,
        namespace: intent.namespace,
        message: serverMessage ?? `Forbidden: you may not ${intent.verb} ${intent.resource}${intent.namespace ? ` in namespace "${intent.namespace}"` : ' at the cluster scope'}.`,
      };
    case 404:
      return { kind: 'notFound', message: serverMessage ?? `Not found (${describeIntent(intent)}).` };
    case 409:
      return { kind: 'conflict', message: serverMessage ?? 'The object changed or already exists (409 Conflict).' };
    case 422:
    case 400:
      return {
        kind: 'invalid',
        message: serverMessage ?? `The API server rejected the request (${code}).`,
        causes: (status?.details?.causes ?? []).map((c) => [c.field, c.message].filter(Boolean).join(': ')),
      };
    default:
      return code >= 500
        ? { kind: 'server', code, message: serverMessage ?? `The API server failed (${code}).` }
        : { kind: 'badResponse', message: serverMessage ?? `Unexpected HTTP ${code} (${describeIntent(intent)}).` };
  }
}

export function describeIntent(intent: RequestIntent): string {
  const where = intent.namespace ? ` in namespace ${intent.namespace}` : '';
  return `${intent.verb} ${intent.resource}${intent.name ? ` ${intent.name}` : ''}${where}`;
}

/** One sentence for a user, e.g. in a tree node's label or a notification. */
export function describeKubeError(error: KubeError): string {
  return error.message;
}

function parseStatus(body: unknown): StatusBody | undefined {
  if (typeof body === 'string') {
    try {
      return parseStatus(JSON.parse(body));
    } catch {
      return body.trim() ? { message: body.trim().slice(0, 500) } : undefined;
    }
  }
  return typeof body === 'object' && body !== null ? (body) : undefined;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function numberField(value: unknown, key: string): number | undefined {
  const v = field(value, key);
  return typeof v === 'number' ? v : undefined;
}

function stringField(value: unknown, key: string): string | undefined {
  const v = field(value, key);
  return typeof v === 'string' ? v : undefined;
}
