import { createHash, randomBytes } from 'node:crypto';
import { err, ok } from '../../util/result';
import { bytesOfReply, expectReply, integerOf, itemsOf } from '../keys/replies';
import type { KeyCommands, KeysResult, Reply } from '../keys/types';
import * as Scripts from './scripts';

/**
 * Edits of one key's value, each applied only if what it changes is still what the user opened
 * (a compare-and-set in one Lua script, see scripts.ts). No editor code: the view asks and shows.
 */

/** What an edit did. */
export type EditOutcome =
  | { readonly kind: 'applied'; readonly reply?: Reply | undefined }
  /** The key is gone or now holds another type; nothing was written. */
  | { readonly kind: 'typeChanged'; readonly now: string }
  /** The element (or the whole string) is not what was opened; nothing was written. `now` is its value now (undefined: gone). */
  | { readonly kind: 'changed'; readonly now: Buffer | undefined; readonly nowOmitted?: number | undefined };

export type Bytes = Buffer | string;

/** What the scripts compare with: the SHA-1 of the bytes the user opened. */
export const sha1 = (bytes: Bytes): string => createHash('sha1').update(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).digest('hex');

/** A conflict's current value is bounded: the view shows at most this much of it. */
const MAX_CONFLICT_BYTES = 1024 * 1024;

async function run(session: KeyCommands, script: string, key: Buffer, args: readonly Bytes[], signal?: AbortSignal): Promise<KeysResult<EditOutcome>> {
  const r = expectReply(await session.command(['EVAL', script, '1', key, ...args], { signal, maxReplyBytes: MAX_CONFLICT_BYTES }));
  if (!r.ok) return r;
  const items = itemsOf(r.value) ?? [];
  const status = items[0] ? bytesOfReply(items[0])?.toString('utf8') : undefined;
  switch (status) {
    case 'ok':
      return ok({ kind: 'applied', reply: items[1] });
    case 'type':
      return ok({ kind: 'typeChanged', now: (items[1] && bytesOfReply(items[1])?.toString('utf8')) ?? 'none' });
    case 'changed': {
      const now = items[1];
      if (!now || now.type === 'null') return ok({ kind: 'changed', now: undefined });
      return ok({ kind: 'changed', now: bytesOfReply(now), nowOmitted: now.type === 'bulk' ? now.omitted : undefined });
    }
    default:
      return err({ kind: 'protocol', message: `Unexpected reply to an edit script: ${r.value.type}` });
  }
}

/** SET … KEEPTTL, if the string is still `opened` (compared whole: a truncated read cannot be saved). */
export const saveString = (s: KeyCommands, key: Buffer, opened: Bytes, next: Bytes, signal?: AbortSignal): Promise<KeysResult<EditOutcome>> =>
  run(s, Scripts.STRING_SAVE, key, [sha1(opened), next], signal);

/** HSET of one field; `opened` undefined: adds a field that must not exist yet. */
export const hashSet = (s: KeyCommands, key: Buffer, field: Bytes, opened: Bytes | undefined, next: Bytes, signal?: AbortSignal): Promise<KeysResult<EditOutcome>> =>
  run(s, Scripts.HASH_SET, key, [field, opened === undefined ? '' : sha1(opened), next], signal);

export const hashDelete = (s: KeyCommands, key: Buffer, field: Bytes, opened: Bytes, signal?: AbortSignal): Promise<KeysResult<EditOutcome>> =>
  run(s, Scripts.HASH_DELETE, key, [field, sha1(opened)], signal);

/** LSET, if the element at `index` is still `opened`. */
export const listSet = (s: KeyCommands, key: Buffer, index: number, opened: Bytes, next: Bytes, signal?: AbortSignal): Promise<KeysResult<EditOutcome>> =>
  run(s, Scripts.LIST_SET, key, [String(index), sha1(opened), next], signal);

/** Removes exactly the element at `index` (not every equal one), if it is still `opened`. */
export const listRemove = (s: KeyCommands, key: Buffer, index: number, opened: Bytes, signal?: AbortSignal): Promise<KeysResult<EditOutcome>> =>
  run(s, Scripts.LIST_REMOVE, key, [String(index), sha1(opened), `\u0000valkey-welkin-removed:${randomBytes(16).toString('hex')}`], signal);

export const listPush = (s: KeyCommands, key: Buffer, side: 'left' | 'right', values: readonly Bytes[], signal?: AbortSignal): Promise<KeysResult<EditOutcome>> =>
  run(s, Scripts.LIST_PUSH, key, [side, ...values], signal);

export const setAdd = (s: KeyCommands, key: Buffer, member: Bytes, signal?: AbortSignal): Promise<KeysResult<EditOutcome>> => run(s, Scripts.SET_ADD, key, [member], signal);
export const setRemove = (s: KeyCommands, key: Buffer, member: Bytes, signal?: AbortSignal): Promise<KeysResult<EditOutcome>> => run(s, Scripts.SET_REMOVE, key, [member], signal);
/** Replaces a member; the reply is 1 when the new member was already there (the set then shrinks by one). */
export const setReplace = (s: KeyCommands, key: Buffer, member: Bytes, next: Bytes, signal?: AbortSignal): Promise<KeysResult<EditOutcome>> =>
  run(s, Scripts.SET_REPLACE, key, [member, next], signal);

/** ZADD of one member's score, if its score is still `opened` (undefined: the member must be new). */
export const zsetSet = (s: KeyCommands, key: Buffer, member: Bytes, opened: string | undefined, score: string, signal?: AbortSignal): Promise<KeysResult<EditOutcome>> =>
  run(s, Scripts.ZSET_SET, key, [member, opened ?? '', score], signal);

export const zsetRemove = (s: KeyCommands, key: Buffer, member: Bytes, opened: string, signal?: AbortSignal): Promise<KeysResult<EditOutcome>> =>
  run(s, Scripts.ZSET_REMOVE, key, [member, opened], signal);

/** XADD; `id` '*' lets the server choose. The reply holds the new entry's id. */
export const streamAdd = (s: KeyCommands, key: Buffer, fields: readonly (readonly [Bytes, Bytes])[], id = '*', signal?: AbortSignal): Promise<KeysResult<EditOutcome>> =>
  run(s, Scripts.STREAM_ADD, key, [id, ...fields.flat()], signal);

export const streamDelete = (s: KeyCommands, key: Buffer, id: string, signal?: AbortSignal): Promise<KeysResult<EditOutcome>> => run(s, Scripts.STREAM_DELETE, key, [id], signal);

export type RenameOutcome = { readonly kind: 'renamed' } | { readonly kind: 'exists' } | { readonly kind: 'gone' };

/** RENAMENX, or RENAME when `overwrite` (the user was told the new name exists and agreed). */
export async function renameKey(s: KeyCommands, key: Buffer, to: Buffer, overwrite: boolean, signal?: AbortSignal): Promise<KeysResult<RenameOutcome>> {
  const r = expectReply(await s.command([overwrite ? 'RENAME' : 'RENAMENX', key, to], { signal }));
  if (!r.ok) return r.error.kind === 'reply' && /no such key/i.test(r.error.message) ? ok({ kind: 'gone' }) : r;
  if (overwrite) return ok({ kind: 'renamed' });
  return ok({ kind: integerOf(r.value) === 1 ? 'renamed' : 'exists' });
}

/** A score as ZADD takes it: a finite number, or inf / -inf. */
export function parseScore(text: string): string | undefined {
  const t = text.trim();
  if (/^[+-]?inf$/i.test(t)) return t.toLowerCase();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return undefined;
  return Number.isFinite(Number(t)) ? t : undefined;
}

/** A stream entry id typed by a user: `*`, `<ms>-<seq>` or `<ms>`. */
export const isStreamId = (text: string): boolean => text === '*' || /^\d+(-(\d+|\*))?$/.test(text);
