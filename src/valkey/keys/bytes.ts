import { isUtf8 } from 'node:buffer';
import { quote } from '../resp/format';

/**
 * Keys and values are bytes. The browser keeps a key's identity as a "binary string" (latin1:
 * one char per byte), which is exact, cheap to hash and usable as a Map key.
 */
export const idOf = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
export const bytesOf = (id: string): Buffer => Buffer.from(id, 'latin1');

/**
 * Control characters make text ambiguous on one line, and C1 controls, bidi marks, overrides and
 * isolates, zero-width and other invisible characters let a name look like another: quote it instead.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\ufeff]/;

/**
 * How a key or element reads in the browser: UTF-8 text as is when it is printable on one line,
 * otherwise redis-cli's quoting (`"\xff\x00"`), which is also what the console accepts back.
 */
export function display(bytes: Uint8Array): string {
  if (!isUtf8(bytes)) return quote(bytes);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (CONTROL.test(text) || text.startsWith('"') || text !== text.trim() || text === '') return quote(bytes);
  return text;
}

export const displayId = (id: string): string => display(bytesOf(id));

/**
 * One argument for a line typed at the console (redis-cli's `sdssplitargs` reads it back to the
 * same bytes): bare when it is UTF-8 without blanks, control characters, quotes or backslashes,
 * else double-quoted with `\xHH` escapes.
 */
export function consoleArg(bytes: Uint8Array): string {
  if (bytes.length === 0 || !isUtf8(bytes)) return quote(bytes);
  for (const c of bytes) {
    if (c <= 0x20 || c === 0x7f || c === 0x22 || c === 0x27 || c === 0x5c) return quote(bytes);
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** 1234567 → "1,234,567" (fixed locale: the same in tests and in every editor). */
export const count = (n: number): string => n.toLocaleString('en-US');

/** Bytes for people: 512 B, 1.5 KB, 12 MB. */
export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** A PTTL for people: "no expiry", "expired", "45s", "3m 20s", "2h 5m", "3d 4h". */
export function ttl(pttl: number): string {
  if (pttl === -1) return 'no expiry';
  if (pttl < 0) return 'expired';
  const s = Math.ceil(pttl / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}
