import type { Result } from '../../util/result';
import type { ValkeyError } from '../errors';
import { replyItems, replyNumber, replyPairs, replyText, type Reply } from '../resp/reply';

/**
 * One part of what health collects. A managed service may rename or forbid CONFIG, CLIENT or
 * SLOWLOG: that is "notPermitted", shown as such, and never hides the rest.
 */
export type Part<T> =
  | { readonly state: 'ok'; readonly value: T }
  | { readonly state: 'notPermitted'; readonly message: string }
  | { readonly state: 'failed'; readonly message: string };

/** ACL refusals, renamed commands (`rename-command CONFIG ""`) and protected configs. */
const REFUSED = /^(NOPERM|ERR unknown command|ERR unknown subcommand|ERR .*(not allowed|protected))/i;

export function errorText(reply: Reply): string | undefined {
  return reply.type === 'error' ? reply.value.toString('utf8') : undefined;
}

/** A reply (or a failure to get one) as a Part: error replies are refusals or failures. */
export function toPart<T>(result: Result<Reply, ValkeyError>, read: (reply: Reply) => T | undefined): Part<T> {
  if (!result.ok) return { state: 'failed', message: result.error.message };
  const error = errorText(result.value);
  if (error !== undefined) return REFUSED.test(error) ? { state: 'notPermitted', message: error } : { state: 'failed', message: error };
  const value = read(result.value);
  return value === undefined ? { state: 'failed', message: 'the reply had an unexpected shape' } : { state: 'ok', value };
}

export const items = replyItems;

export const text = (reply: Reply | undefined): string | undefined => (reply ? replyText(reply) : undefined);

export const int = replyNumber;

/** CONFIG GET and HELLO answer a flat array in RESP2 and a map in RESP3: as text pairs. */
export function pairs(reply: Reply): [string, string][] | undefined {
  return replyPairs(reply)?.map(([k, v]) => [text(k) ?? '', text(v) ?? '']);
}

