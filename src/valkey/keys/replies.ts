import { err, ok, type Result } from '../../util/result';
import type { ValkeyError } from '../errors';
import { replyItems, replyNumber, replyPairs, type Reply } from '../resp/reply';
import type { KeysError, KeysResult } from './types';

/** An error reply becomes a `reply` error; a reply of another shape than expected, a `protocol` one. */
export function expectReply(result: Result<Reply, ValkeyError>): KeysResult<Reply> {
  if (!result.ok) return result;
  if (result.value.type === 'error') return err({ kind: 'reply', message: result.value.value.toString('utf8') });
  return ok(result.value);
}

export const unexpected = (what: string, reply: Reply): KeysError => ({ kind: 'protocol', message: `Unexpected reply to ${what}: ${reply.type}` });

export const integerOf = replyNumber;

/** The elements of an aggregate reply; a nil reply (a key that vanished) has none. */
export function itemsOf(reply: Reply): readonly Reply[] | undefined {
  return reply.type === 'null' ? [] : replyItems(reply);
}

/** Bytes of a string-like reply (RESP3 doubles, for scores, come as text). */
export function bytesOfReply(reply: Reply): Buffer | undefined {
  switch (reply.type) {
    case 'bulk':
    case 'simple':
    case 'verbatim':
      return reply.value;
    case 'integer':
      return Buffer.from(reply.value.toString());
    case 'double':
    case 'bignum':
      return Buffer.from(reply.value);
    default:
      return undefined;
  }
}

/** A map reply (RESP3 HGETALL-like) or a flat array of pairs (RESP2), as pairs; a nil reply has none. */
export function pairsOf(reply: Reply): (readonly [Reply, Reply])[] | undefined {
  return reply.type === 'null' ? [] : replyPairs(reply);
}
