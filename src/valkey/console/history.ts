import { parseCommandLine } from '../resp/args';

export const DEFAULT_HISTORY_LIMIT = 500;

/** CONFIG SET parameters whose values are secrets, or name the account a secret belongs to. */
const SECRET_CONFIG = /pass|auth|secret|masteruser|^user$/i;

/**
 * Whether a typed line may carry a secret, so it must never be kept in the history (in memory or
 * persisted): AUTH; HELLO … AUTH; MIGRATE … AUTH/AUTH2; ACL SETUSER (its `>password` and
 * `#hash` rules); CONFIG SET of requirepass, masterauth, masteruser, tls-key-file-pass and any
 * other parameter naming a password or auth; SENTINEL SET … auth-pass/auth-user and
 * SENTINEL CONFIG SET sentinel-pass/sentinel-user. A line that cannot be parsed is judged by its
 * blank-separated words, erring on the side of not keeping it.
 */
export function isSecretLine(line: string): boolean {
  const parsed = parseCommandLine(line);
  const words = parsed.ok ? parsed.value.args.map((a) => a.toString('utf8')) : lenientWords(line);
  const upper = words.map((w) => w.toUpperCase());
  const [command = '', sub = ''] = upper;
  switch (command) {
    case 'AUTH':
      return true;
    case 'HELLO':
    case 'MIGRATE':
      return upper.slice(1).some((w) => w === 'AUTH' || w === 'AUTH2');
    case 'ACL':
      return sub === 'SETUSER';
    case 'CONFIG':
      return sub === 'SET' && words.slice(2).some((w, i) => i % 2 === 0 && SECRET_CONFIG.test(w));
    case 'SENTINEL':
      return (sub === 'SET' || sub === 'CONFIG') && words.slice(2).some((w) => /auth-pass|auth-user|sentinel-pass|sentinel-user/i.test(w));
    default:
      return false;
  }
}

/** Words of a line redis-cli would refuse (an open quote): quotes dropped, a leading count skipped. */
function lenientWords(line: string): string[] {
  const words = line.replace(/["']/g, ' ').split(/\s+/).filter(Boolean);
  return words.length > 1 && /^[+-]?\d+$/.test(words[0]!) ? words.slice(1) : words;
}

/**
 * The console's history: oldest first, bounded, consecutive duplicates collapsed, secret-bearing
 * lines never added. Up/Down browse it with the line being typed kept as a draft at the end.
 */
export class History {
  private lines: string[];
  /** Browsing position: lines.length means the draft. */
  private position: number;
  private draft = '';

  constructor(
    initial: readonly string[] = [],
    private readonly limit = DEFAULT_HISTORY_LIMIT,
  ) {
    this.lines = [];
    for (const line of initial) this.push(line);
    this.position = this.lines.length;
  }

  get entries(): readonly string[] {
    return this.lines;
  }

  /** Adds a run line; false when it was not added (blank, secret, or the same as the last). */
  add(line: string): boolean {
    this.position = this.lines.length;
    this.draft = '';
    const added = this.push(line);
    this.position = this.lines.length;
    return added;
  }

  private push(line: string): boolean {
    if (this.limit <= 0 || line.trim() === '' || isSecretLine(line)) return false;
    if (this.lines.at(-1) === line) return false;
    this.lines.push(line);
    if (this.lines.length > this.limit) this.lines.splice(0, this.lines.length - this.limit);
    return true;
  }

  /** The previous line, or undefined at the oldest. `current` is kept as the draft when leaving it. */
  previous(current: string): string | undefined {
    if (this.position === 0) return undefined;
    if (this.position === this.lines.length) this.draft = current;
    return this.lines[--this.position];
  }

  /** The next line, the draft after the newest, or undefined when already on the draft. */
  next(): string | undefined {
    if (this.position >= this.lines.length) return undefined;
    this.position++;
    return this.position === this.lines.length ? this.draft : this.lines[this.position];
  }

  /** Back to the draft end (after Ctrl-C or Enter). */
  reset(): void {
    this.position = this.lines.length;
    this.draft = '';
  }
}
