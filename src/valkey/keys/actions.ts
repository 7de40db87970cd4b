import { ok } from '../../util/result';
import { expectReply, integerOf } from './replies';
import type { KeyCommands, KeysResult } from './types';

/** Deletes a key with UNLINK (the memory is freed in the background). True when it existed. */
export async function deleteKey(session: KeyCommands, key: Buffer, signal?: AbortSignal): Promise<KeysResult<boolean>> {
  const r = expectReply(await session.command(['UNLINK', key], { signal }));
  return r.ok ? ok(integerOf(r.value) === 1) : r;
}

/** EXPIRE key seconds. True when the key exists (and now expires). */
export async function setExpiry(session: KeyCommands, key: Buffer, seconds: number, signal?: AbortSignal): Promise<KeysResult<boolean>> {
  const r = expectReply(await session.command(['EXPIRE', key, String(Math.round(seconds))], { signal }));
  return r.ok ? ok(integerOf(r.value) === 1) : r;
}

/** PERSIST key. True when the key had an expiry that is now removed. */
export async function clearExpiry(session: KeyCommands, key: Buffer, signal?: AbortSignal): Promise<KeysResult<boolean>> {
  const r = expectReply(await session.command(['PERSIST', key], { signal }));
  return r.ok ? ok(integerOf(r.value) === 1) : r;
}

/** Seconds typed by a user: a positive integer, optionally with a unit (`90`, `90s`, `15m`, `2h`, `7d`). */
export function parseSeconds(text: string): number | undefined {
  const m = /^\s*(\d+)\s*([smhd]?)\s*$/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86_400 }[m[2]!.toLowerCase()] ?? 1);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
