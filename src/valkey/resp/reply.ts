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
  | { readonly type: 'bulk'; readonly value: Buffer }
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
