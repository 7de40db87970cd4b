/**
 * Lua script files (`*.lua`) that applications load and send with EVAL / SCRIPT LOAD: every
 * `redis.call('KEYS', …)` (also `pcall`, `server.call`) is reported on its script line, and
 * FLUSHALL/FLUSHDB likewise. A script has no client to resolve, so this is a text scan that skips
 * Lua comments (`--` to the end of the line, `--[[ … ]]` blocks); it honours the same
 * `valkey-lint-disable-next-line` / `valkey-lint-disable-file` comments as the other languages.
 */
import { commandFromToken } from './analysis/commands';
import { ruleMetas } from './rules/index';
import type { Finding, LintOptions, RuleId, Severity } from './types';

/** `*.lua`: a script file the application loads and sends to the server. */
export const isLuaScript = (file: string): boolean => /\.lua$/i.test(file);

const CALL = /\b(?:redis|server)\s*\.\s*p?call\s*\(\s*(['"])([A-Za-z]+)\1/g;

const MESSAGES: Partial<Record<RuleId, (command: string) => string>> = {
  'no-keys': () => 'This Lua script calls KEYS, which blocks the Valkey server while it walks every key. Iterate with SCAN (a cursor loop) instead.',
  'no-flush': (command) => `This Lua script calls ${command}, which deletes every key ${command === 'FLUSHALL' ? 'in every database' : 'in the database'} and blocks the server while it does. Delete the keys you own instead.`,
};

/** The source with comments blanked out (same length, newlines kept), so offsets and lines stay. */
function withoutComments(source: string): string {
  return source.replace(/--\[(=*)\[[\s\S]*?\]\1\]|--[^\n]*/g, (c) => c.replace(/[^\n]/g, ' '));
}

function severityOf(options: LintOptions, rule: RuleId): Severity {
  return options.rules?.[rule] ?? ruleMetas.find((r) => r.id === rule)?.defaultSeverity ?? 'warning';
}

export function lintLuaFile(source: string, options: LintOptions): Finding[] {
  const lines = source.split('\n');
  const fileOff = new Set<string>();
  for (const m of source.matchAll(/--\s*valkey-lint-disable-file\s+([\w\s,-]+)/g)) for (const r of m[1]!.split(/[\s,]+/)) if (r) fileOff.add(r);
  const code = withoutComments(source);
  const out: Finding[] = [];
  CALL.lastIndex = 0;
  for (let m = CALL.exec(code); m; m = CALL.exec(code)) {
    const info = commandFromToken(m[2]!);
    const rule: RuleId | undefined = info?.cls === 'keys' ? 'no-keys' : info?.cls === 'flush' ? 'no-flush' : undefined;
    if (!rule || !info) continue;
    const severity = severityOf(options, rule);
    if (severity === 'off' || fileOff.has(rule)) continue;
    const before = code.slice(0, m.index);
    const line = before.split('\n').length - 1;
    const column = m.index - (before.lastIndexOf('\n') + 1);
    const previous = lines[line - 1] ?? '';
    const next = /--\s*valkey-lint-disable-next-line\s+([\w\s,-]+)/.exec(previous);
    if (next && next[1]!.split(/[\s,]+/).includes(rule)) continue;
    out.push({
      rule,
      severity,
      message: MESSAGES[rule]!(info.command),
      range: { start: { line, column }, end: { line, column: column + m[0].length } },
      fixes: [],
    });
  }
  return out;
}
