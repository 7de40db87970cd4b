import { isUtf8 } from 'node:buffer';
import { err, ok } from '../../util/result';
import { prettyJson } from '../keys/json';
import { bytesOfReply, expectReply, integerOf } from '../keys/replies';
import type { KeyCommands, KeysResult } from '../keys/types';

/** Strings up to this size open for editing whole; larger ones are refused (never saved from a part). */
export const MAX_EDIT_BYTES = 4 * 1024 * 1024;

/** A string opened for editing: the exact bytes read, and the text the editor shows. */
export interface StringForEdit {
  readonly kind: 'text';
  readonly opened: Buffer;
  readonly text: string;
  /** The text is the stored JSON pretty-printed; saving writes it back compact. */
  readonly json: 'pretty' | 'asStored' | undefined;
}

export type StringEditRefusal =
  | { readonly kind: 'notString'; readonly type: string }
  | { readonly kind: 'tooLarge'; readonly length: number }
  | { readonly kind: 'binary' };

/**
 * Reads a whole string for editing (GET with a reply budget): refused when it is larger than
 * `maxBytes` (a part cannot be saved as the whole), or not UTF-8 text (an editor would change its bytes).
 */
export async function readStringForEdit(session: KeyCommands, key: Buffer, maxBytes = MAX_EDIT_BYTES, signal?: AbortSignal): Promise<KeysResult<StringForEdit | StringEditRefusal>> {
  const [typeR, lenR] = await Promise.all([session.command(['TYPE', key], { signal }), session.command(['STRLEN', key], { signal })]);
  const type = expectReply(typeR);
  if (!type.ok) return type;
  const typeName = bytesOfReply(type.value)?.toString('utf8') ?? 'none';
  if (typeName !== 'string') return ok({ kind: 'notString', type: typeName });
  const len = expectReply(lenR);
  if (!len.ok) return len;
  const length = integerOf(len.value) ?? 0;
  if (length > maxBytes) return ok({ kind: 'tooLarge', length });
  const got = expectReply(await session.command(['GET', key], { signal, maxReplyBytes: maxBytes }));
  if (!got.ok) return got;
  if (got.value.type === 'bulk' && got.value.omitted) return ok({ kind: 'tooLarge', length: got.value.value.length + got.value.omitted });
  if (got.value.type === 'null') return ok({ kind: 'notString', type: 'none' });
  const opened = bytesOfReply(got.value);
  if (!opened) return err({ kind: 'protocol', message: `Unexpected reply to GET: ${got.value.type}` });
  if (!isUtf8(opened)) return ok({ kind: 'binary' });
  const stored = opened.toString('utf8');
  const pretty = prettyJson(stored);
  if (pretty === undefined) return ok({ kind: 'text', opened, text: stored, json: undefined });
  // Compact JSON is shown pretty-printed and written back compact; JSON stored with its own layout is edited as is.
  return minifyJson(pretty) === stored ? ok({ kind: 'text', opened, text: pretty, json: 'pretty' }) : ok({ kind: 'text', opened, text: stored, json: 'asStored' });
}

/** The bytes to store for the edited text: pretty-printed JSON goes back compact, as it was stored. */
export function bytesToSave(edit: Pick<StringForEdit, 'json'>, text: string): { bytes: Buffer; validJson: boolean | undefined } {
  if (edit.json === undefined) return { bytes: Buffer.from(text, 'utf8'), validJson: undefined };
  const valid = isJson(text);
  if (edit.json === 'pretty' && valid) return { bytes: Buffer.from(minifyJson(text), 'utf8'), validJson: true };
  return { bytes: Buffer.from(text, 'utf8'), validJson: valid };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Removes the whitespace between JSON tokens (never inside strings); values stay as written (no number rounding). */
export function minifyJson(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') {
      out += c;
    }
  }
  return out;
}
