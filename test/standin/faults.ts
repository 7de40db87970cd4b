/** Test hooks: a request log with counters, injected latency, injected failures and hangs. */
import { ApiError, internalError } from './status';

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  /** Authenticated user name; '' until authenticated. */
  user: string;
  /** HTTP status sent (101 for a port-forward upgrade); 0 while pending or for hung requests. */
  status: number;
}

export type PathPattern = string | RegExp;

/** A string matches the exact path, or a glob where `*` matches anything within a segment and `**` across segments. */
export function pathMatches(pattern: PathPattern, path: string): boolean {
  if (pattern instanceof RegExp) return pattern.test(path);
  if (!pattern.includes('*')) return pattern === path;
  const re = pattern
    .split('**')
    .map((part) => part.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${re}$`).test(path);
}

export class RequestLog {
  readonly entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): LoggedRequest {
    this.entries.push(entry);
    return entry;
  }

  /** Requests matching an optional method and path pattern. */
  count(method?: string, path?: PathPattern): number {
    return this.find(method, path).length;
  }

  find(method?: string, path?: PathPattern): LoggedRequest[] {
    return this.entries.filter((e) => (!method || e.method === method.toUpperCase()) && (path === undefined || pathMatches(path, e.path)));
  }

  /** `{ 'GET /api/v1/configmaps': 3, … }`. */
  byKey(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const e of this.entries) out[`${e.method} ${e.path}`] = (out[`${e.method} ${e.path}`] ?? 0) + 1;
    return out;
  }

  reset(): void {
    this.entries.length = 0;
  }
}

interface FailRule {
  readonly pattern: PathPattern;
  readonly outcome: number | 'hang';
  readonly method: string | undefined;
  remaining: number;
}

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  410: 'Expired',
  422: 'Invalid',
  429: 'TooManyRequests',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

/** The Status the real server would send for an injected status code. */
export function injectedError(code: number): ApiError {
  if (code === 500) return internalError('injected fault (stand-in failNext)');
  if (code === 429) return new ApiError(429, 'TooManyRequests', 'Too many requests, please try again later.', { retryAfterSeconds: 1 });
  if (code === 504) return new ApiError(504, 'Timeout', 'Timeout: request did not complete within the allotted timeout', {});
  if (code === 503) return new ApiError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request', {});
  return new ApiError(code, REASONS[code] ?? '', `injected fault (stand-in failNext): status ${code}`);
}

export class Faults {
  latencyMs = 0;
  private readonly rules: FailRule[] = [];

  failNext(pattern: PathPattern, outcome: number | 'hang', count = 1, method?: string): void {
    if (!(count >= 1)) throw new Error(`failNext: count must be at least 1, got ${count}`);
    this.rules.push({ pattern, outcome, method: method?.toUpperCase(), remaining: count });
  }

  /** The injected outcome for this request, consuming one use of the first matching rule. */
  take(method: string, path: string): number | 'hang' | undefined {
    const rule = this.rules.find((r) => r.remaining > 0 && (!r.method || r.method === method) && pathMatches(r.pattern, path));
    if (!rule) return undefined;
    rule.remaining -= 1;
    return rule.outcome;
  }

  clear(): void {
    this.rules.length = 0;
    this.latencyMs = 0;
  }
}
