import { err, ok, type Result } from '../../util/result';
import type { ValkeyError } from '../errors';
import type { Reply } from '../resp/reply';
import type { KeysError, KeysResult } from './types';

/** An error reply becomes a `reply` error; a reply of another shape than expected, a `protocol` one. */
export function expectReply(result: Result<Reply, ValkeyError>): KeysResult<Reply> {
  if (!result.ok) return result;
  if (result.value.type === 'error') return err({ kind: 'reply', message: result.value.value.toString('utf8') });
  return ok(result.value);
}

export const unexpected = (what: string, reply: Reply): KeysError => ({ kind: 'protocol', message: `Unexpected reply to ${what}: ${reply.type}` });

export function integerOf(reply: Reply): number | undefined {
  if (reply.type === 'integer') return Number(reply.value);
  if (reply.type === 'bulk' || reply.type === 'simple') {
    const n = Number(reply.value.toString('latin1'));
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export function itemsOf(reply: Reply): readonly Reply[] | undefined {
  if (reply.type === 'array' || reply.type === 'set' || reply.type === 'push') return reply.items;
  if (reply.type === 'null') return [];
  return undefined;
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

/** A map reply (RESP3 HGETALL-like) or a flat array of pairs (RESP2), as pairs. */
export function pairsOf(reply: Reply): (readonly [Reply, Reply])[] | undefined {
  if (reply.type === 'map') return [...reply.entries];
  const items = itemsOf(reply);
  if (!items) return undefined;
  const pairs: [Reply, Reply][] = [];
  for (let i = 0; i + 1 < items.length; i += 2) pairs.push([items[i]!, items[i + 1]!]);
  return pairs;
}
