import { err, ok, type Result } from '../../util/result';

/** What redis-cli prints when a line cannot be split. */
export const INVALID_ARGUMENTS = 'Invalid argument(s)';

/**
 * Splits a command line exactly like redis-cli (`sdssplitargs`): words separated by blanks;
 * "double quotes" with `\n \r \t \b \a \\ \"` and `\xHH` escapes; 'single quotes' where only
 * `\'` is an escape; a closing quote must be followed by a blank or the end. The line is read as
 * UTF-8 bytes, so `\xHH` can produce any byte. Returns undefined where redis-cli says
 * "Invalid argument(s)" (unbalanced quotes, a quote followed by a non-blank).
 */
export function splitArgs(line: string): Buffer[] | undefined {
  const p = Buffer.from(line, 'utf8');
  const at = (i: number): number => (i < p.length ? p[i]! : 0);
  const args: Buffer[] = [];
  let i = 0;
  for (;;) {
    while (i < p.length && isSpace(at(i))) i++;
    if (i >= p.length) return args;
    const current: number[] = [];
    let inDouble = false;
    let inSingle = false;
    let done = false;
    while (!done) {
      const c = at(i);
      if (inDouble) {
        if (c === 0x5c && at(i + 1) === 0x78 && isHex(at(i + 2)) && isHex(at(i + 3))) {
          current.push(hexValue(at(i + 2)) * 16 + hexValue(at(i + 3)));
          i += 3;
        } else if (c === 0x5c && at(i + 1) !== 0) {
          i++;
          current.push(unescape(at(i)));
        } else if (c === 0x22) {
          if (at(i + 1) !== 0 && !isSpace(at(i + 1))) return undefined;
          done = true;
        } else if (c === 0) {
          return undefined;
        } else {
          current.push(c);
        }
      } else if (inSingle) {
        if (c === 0x5c && at(i + 1) === 0x27) {
          i++;
          current.push(0x27);
        } else if (c === 0x27) {
          if (at(i + 1) !== 0 && !isSpace(at(i + 1))) return undefined;
          done = true;
        } else if (c === 0) {
          return undefined;
        } else {
          current.push(c);
        }
      } else if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0) {
        done = true;
      } else if (c === 0x22) {
        inDouble = true;
      } else if (c === 0x27) {
        inSingle = true;
      } else {
        current.push(c);
      }
      if (i < p.length) i++;
    }
    args.push(Buffer.from(current));
  }
}

export interface CommandLine {
  /** How many times to send it: redis-cli's `3 INCR counter`. */
  readonly repeat: number;
  readonly args: readonly Buffer[];
}

/**
 * A line typed at the console, read like redis-cli's prompt does: split into arguments, and a
 * leading number (with more words after it) is a repeat count. An empty line has no arguments.
 */
export function parseCommandLine(line: string): Result<CommandLine, string> {
  const args = splitArgs(line);
  if (!args) return err(INVALID_ARGUMENTS);
  const first = args[0]?.toString('latin1');
  if (args.length > 1 && first !== undefined && /^[+-]?\d+$/.test(first)) {
    const repeat = Number(first);
    if (!Number.isSafeInteger(repeat) || repeat <= 0) return err('Invalid redis-cli repeat command option value.');
    return ok({ repeat, args: args.slice(1) });
  }
  return ok({ repeat: 1, args });
}

/** C isspace() in the C locale. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function hexValue(c: number): number {
  if (c <= 0x39) return c - 0x30;
  return (c | 0x20) - 0x61 + 10;
}

function unescape(c: number): number {
  switch (c) {
    case 0x6e: return 0x0a; // n
    case 0x72: return 0x0d; // r
    case 0x74: return 0x09; // t
    case 0x62: return 0x08; // b
    case 0x61: return 0x07; // a
    default: return c;
  }
}
