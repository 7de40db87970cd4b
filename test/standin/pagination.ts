/** `limit`/`continue` paging with tokens shaped like the etcd3 storage's (base64url JSON). */
import { nameOf, namespaceOf } from './json';
import { badRequest } from './status';
import type { KubeObject } from './types';

interface ContinueToken {
  readonly v: string;
  readonly rv: number;
  readonly start: string;
}

const keyOf = (obj: KubeObject): string => (namespaceOf(obj) ? `${namespaceOf(obj)}/${nameOf(obj)}` : nameOf(obj));

export function encodeContinue(lastKey: string, resourceVersion: number): string {
  const token: ContinueToken = { v: 'meta.k8s.io/v1', rv: resourceVersion, start: `${lastKey}\u0000` };
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

export function decodeContinue(token: string): ContinueToken {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('invalid continue token: continue key is not valid: illegal base64 data at input byte 0');
  }
  const t = parsed as Partial<ContinueToken> | null;
  if (!t || t.v !== 'meta.k8s.io/v1' || typeof t.rv !== 'number' || typeof t.start !== 'string') {
    throw badRequest('invalid continue token: continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
  return { v: t.v, rv: t.rv, start: t.start };
}

export interface Page {
  readonly items: KubeObject[];
  readonly continueToken: string | undefined;
  /** Only known when the list is not filtered by selectors (as in the real server). */
  readonly remainingItemCount: number | undefined;
  /** The list's resourceVersion: the one in the continue token, else the current one. */
  readonly resourceVersion: number;
}

/**
 * One page of `matching` (already in key order and filtered). Later pages read the current state,
 * not a snapshot at the token's resourceVersion.
 */
export function paginate(matching: KubeObject[], params: URLSearchParams, currentRv: number, filtered: boolean): Page {
  const limitParam = params.get('limit');
  const continueParam = params.get('continue');
  let items = matching;
  let resourceVersion = currentRv;
  if (continueParam) {
    const token = decodeContinue(continueParam);
    resourceVersion = token.rv;
    items = items.filter((o) => keyOf(o) >= token.start);
  }
  const limit = limitParam ? Number.parseInt(limitParam, 10) : 0;
  if (!Number.isFinite(limit) || limit <= 0 || items.length <= limit) {
    return { items, continueToken: undefined, remainingItemCount: undefined, resourceVersion };
  }
  const page = items.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page,
    continueToken: last ? encodeContinue(keyOf(last), resourceVersion) : undefined,
    remainingItemCount: filtered ? undefined : items.length - limit,
    resourceVersion,
  };
}
