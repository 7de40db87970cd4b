/**
 * A reply as the server sent it, RESP2 or RESP3, with the type information redis-cli needs to
 * print it: a status (`+OK`) and a bulk string (`$2 OK`) look alike to most clients but print as
 * `OK` and `"OK"`.
 */
export type Reply =
  | { readonly type: 'simple'; readonly value: Buffer }
  /** `-ERR …` and RESP3 blob errors (`!`). */
  | { readonly type: 'error'; readonly value: Buffer }
  | { readonly type: 'integer'; readonly value: bigint }
  /** `omitted`: bytes left out because the reply's byte budget ran out (see RespParser's budgetFor). */
  | { readonly type: 'bulk'; readonly value: Buffer; readonly omitted?: number }
  /** RESP3 `=`: the format (`txt`, `mkd`) and the text after `xxx:`. */
  | { readonly type: 'verbatim'; readonly format: string; readonly value: Buffer }
  /** RESP2 nil bulk string and nil array, RESP3 `_`. */
  | { readonly type: 'null' }
  /** RESP3 `,` as sent (`3.14`, `inf`, `-inf`, `nan`). */
  | { readonly type: 'double'; readonly value: string }
  | { readonly type: 'boolean'; readonly value: boolean }
  /** RESP3 `(` as sent. */
  | { readonly type: 'bignum'; readonly value: string }
  | { readonly type: 'array' | 'set' | 'push'; readonly items: readonly Reply[] }
  | { readonly type: 'map'; readonly entries: readonly (readonly [Reply, Reply])[] };

export type ReplyType = Reply['type'];

export const isError = (reply: Reply): reply is Extract<Reply, { type: 'error' }> => reply.type === 'error';

/** The text of a string-like reply, for code that reads replies (not for display: see format.ts). */
export function replyText(reply: Reply): string | undefined {
  switch (reply.type) {
    case 'simple':
    case 'error':
    case 'bulk':
    case 'verbatim':
      return reply.value.toString('utf8');
    case 'integer':
      return reply.value.toString();
    case 'double':
    case 'bignum':
      return reply.value;
    default:
      return undefined;
  }
}

/** The elements of an array, set or push reply; undefined for any other reply. */
export function replyItems(reply: Reply | undefined): readonly Reply[] | undefined {
  return reply?.type === 'array' || reply?.type === 'set' || reply?.type === 'push' ? reply.items : undefined;
}

/** Key/value pairs of a RESP3 map or of a flat RESP2 array (CONFIG GET, HGETALL, SENTINEL MASTERS entries). */
export function replyPairs(reply: Reply | undefined): (readonly [Reply, Reply])[] | undefined {
  if (reply?.type === 'map') return [...reply.entries];
  const items = replyItems(reply);
  if (!items) return undefined;
  const pairs: [Reply, Reply][] = [];
  for (let i = 0; i + 1 < items.length; i += 2) pairs.push([items[i]!, items[i + 1]!]);
  return pairs;
}

/** The number an integer reply holds, or a string-like reply that spells one (`"42"`, `3.5`). */
export function replyNumber(reply: Reply | undefined): number | undefined {
  if (!reply) return undefined;
  if (reply.type === 'integer') return Number(reply.value);
  const text = replyText(reply);
  const n = text === undefined ? NaN : Number(text);
  return Number.isFinite(n) ? n : undefined;
}
