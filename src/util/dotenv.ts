/** What updateDotenv did, for the message the user sees. */
export interface DotenvUpdate {
  readonly text: string;
  /** Keys whose existing lines got the new value. */
  readonly updated: readonly string[];
  /** Keys appended because no line set them. */
  readonly added: readonly string[];
}

const LINE = /^(\s*)(export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)(\s*=\s*)(.*)$/;

/**
 * Sets `values` in the text of a `.env` file and keeps everything else as it was: other keys,
 * comments, blank lines, `export` prefixes, a comment after an unquoted value, the line endings.
 * A key set on several lines gets the value on each (dotenv libraries differ on which one wins).
 * Keys that are missing are appended, under `heading` as a comment.
 */
export function updateDotenv(text: string, values: Readonly<Record<string, string>>, heading?: string): DotenvUpdate {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text === '' ? [] : text.split(/\r?\n/);
  const trailingNewline = lines.length > 0 && lines.at(-1) === '';
  if (trailingNewline) lines.pop();
  const updated = new Set<string>();
  const out = lines.map((line) => {
    const match = LINE.exec(line);
    if (!match) return line;
    const [, indent, exported, key, equals, rest] = match as unknown as [string, string, string | undefined, string, string, string];
    if (!(key in values)) return line;
    updated.add(key);
    return `${indent}${exported ?? ''}${key}${equals}${dotenvValue(values[key]!)}${trailingComment(rest)}`;
  });
  const added = Object.keys(values).filter((k) => !updated.has(k));
  if (added.length > 0) {
    if (out.length > 0 && out.at(-1)!.trim() !== '') out.push('');
    if (heading) out.push(...heading.split(/\r?\n/).map((l) => `# ${l}`));
    for (const key of added) out.push(`${key}=${dotenvValue(values[key]!)}`);
  }
  const joined = out.join(eol);
  return { text: joined + (out.length > 0 && (trailingNewline || added.length > 0 || text === '') ? eol : ''), updated: [...updated], added };
}

/** A value as dotenv parsers read it back: bare when it is plain, else double-quoted with escapes. */
export function dotenvValue(value: string): string {
  if (/^[A-Za-z0-9_./:@+-]*$/.test(value)) return value;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

/** ` # comment` after an unquoted value; nothing after a quoted one (the quotes may hold a `#`). */
function trailingComment(rest: string): string {
  if (/^["'`]/.test(rest)) {
    const quote = rest[0]!;
    const end = rest.indexOf(quote, 1);
    const after = end > 0 ? rest.slice(end + 1) : '';
    return /^\s+#/.test(after) ? after : '';
  }
  const comment = /\s+#.*$/.exec(rest);
  return comment ? comment[0] : '';
}
