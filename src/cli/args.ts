/** valkey-lint's command line: flags, their checks and the usage text. */
import { availableParallelism } from 'node:os';
import { rules } from '../lint/index';
import type { LintOptions, RuleId, Severity } from '../lint/types';

export const SEVERITIES: ReadonlySet<Severity> = new Set<Severity>(['off', 'info', 'warning', 'error']);
export type Format = 'text' | 'json' | 'sarif' | 'gitlab';
export type FailOn = 'error' | 'warning' | 'info' | 'never';

/** The per-file budget the CLI applies unless told otherwise: counted in analysis steps, never in time. */
export const DEFAULT_MAX_STEPS = 500_000;

export interface Args {
  format: Format;
  /** --format json: an object with findings, skips and config errors instead of the bare array. */
  jsonEnvelope: boolean;
  /** Flags that override every config file. */
  options: LintOptions;
  paths: string[];
  jobs: number;
  failOn: FailOn;
  maxWarnings?: number;
  quiet: boolean;
  config?: string;
  exclude: string[];
  gitignore: boolean;
  base?: string;
  changedSince?: string;
  shard?: { index: number; count: number };
}

export class UsageError extends Error {}

export const USAGE = `usage: valkey-lint [options] PATH...
  --format text|json|sarif|gitlab   output format (default text); gitlab = GitLab Code Quality report
  --json-envelope                   with --format json: {"findings": [...], "skipped": [...], "configErrors": [...]}
  --fail-on error|warning|info|never  lowest severity that makes the exit status 1 (default warning)
  --max-warnings N                  exit 1 when there are more than N warnings
  --quiet                           report errors only
  --config PATH                     use this valkey-lint.config.json for every file (default: the nearest one above each file)
  --rule <id>=off|info|warning|error  override a rule's severity (repeatable)
  --default-ttl <seconds>           TTL written by the "add an expiry" fixes
  --exclude GLOB                    leave out files and folders matching this gitignore pattern, relative to the working directory (repeatable)
  --no-gitignore                    do not read .gitignore files
  --max-bytes N                     skip files larger than N characters (default 2000000)
  --max-steps N                     skip files whose analysis takes more than N steps (default ${DEFAULT_MAX_STEPS})
  --changed-since REF               report only files changed since the git ref REF (the whole tree is still indexed)
  --shard I/N                       report only shard I of N (1-based; every file is in exactly one shard)
  --base DIR                        %SRCROOT% of SARIF and the root of relative paths in gitlab reports (default: the git repository root)
  --jobs N                          worker threads (default: the number of CPUs)
  --version, --help
       valkey-lint --lsp --stdio     (the lint language server, for editors that speak LSP)
rules: ${rules.map((r) => r.id).join(', ')}
exit status: 0 nothing at or above --fail-on, 1 findings at or above it (or over --max-warnings), 2 usage error`;

const positiveInt = (flag: string, raw: string, max = Number.MAX_SAFE_INTEGER): number => {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < 1 || n > max) throw new UsageError(`${flag} needs a positive whole number${max < Number.MAX_SAFE_INTEGER ? ` up to ${max}` : ''}, not "${raw}"`);
  return n;
};

export function parseArgs(argv: readonly string[]): Args | 'help' | 'version' {
  const args: Args = { format: 'text', jsonEnvelope: false, options: { rules: {} }, paths: [], jobs: availableParallelism(), failOn: 'warning', quiet: false, exclude: [], gitignore: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const is = (name: string): boolean => a === name || a.startsWith(`${name}=`);
    const value = (name: string): string => {
      if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      return next;
    };
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--version' || a === '-v') return 'version';
    if (a === '--') {
      args.paths.push(...argv.slice(i + 1));
      break;
    }
    if (is('--format')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json' && f !== 'sarif' && f !== 'gitlab') throw new UsageError(`unknown format "${f}": use text, json, sarif or gitlab`);
      args.format = f;
    } else if (a === '--json-envelope') args.jsonEnvelope = true;
    else if (is('--rule')) {
      const spec = value('--rule');
      const [id, severity] = spec.split('=');
      if (!id || !rules.some((r) => r.id === id)) throw new UsageError(`unknown rule "${id ?? spec}"`);
      if (!severity || !SEVERITIES.has(severity as Severity)) throw new UsageError(`--rule ${spec}: the severity must be off, info, warning or error`);
      args.options.rules![id as RuleId] = severity as Severity;
    } else if (is('--default-ttl')) {
      args.options.defaultTtlSeconds = positiveInt('--default-ttl', value('--default-ttl'), 365 * 24 * 3600);
    } else if (is('--jobs') || a === '-j') {
      args.jobs = positiveInt('--jobs', value(a === '-j' ? '-j' : '--jobs'), 256);
    } else if (is('--fail-on')) {
      const f = value('--fail-on');
      if (f !== 'error' && f !== 'warning' && f !== 'info' && f !== 'never') throw new UsageError(`--fail-on ${f}: use error, warning, info or never`);
      args.failOn = f;
    } else if (is('--max-warnings')) {
      const raw = value('--max-warnings');
      if (!/^\d+$/.test(raw)) throw new UsageError(`--max-warnings needs a whole number, not "${raw}"`);
      args.maxWarnings = Number(raw);
    } else if (a === '--quiet' || a === '-q') args.quiet = true;
    else if (is('--config') || a === '-c') args.config = value(a === '-c' ? '-c' : '--config');
    else if (is('--exclude')) args.exclude.push(value('--exclude'));
    else if (a === '--no-gitignore') args.gitignore = false;
    else if (is('--max-bytes')) args.options.maxBytes = positiveInt('--max-bytes', value('--max-bytes'));
    else if (is('--max-steps')) args.options.maxSteps = positiveInt('--max-steps', value('--max-steps'));
    else if (is('--base')) args.base = value('--base');
    else if (is('--changed-since')) {
      const ref = value('--changed-since');
      // Passed to git as an argument, never through a shell; a leading dash would read as an option.
      if (!ref || ref.startsWith('-')) throw new UsageError(`--changed-since needs a git ref, not "${ref}"`);
      args.changedSince = ref;
    } else if (is('--shard')) {
      const spec = value('--shard');
      const m = /^(\d+)\/(\d+)$/.exec(spec);
      const index = Number(m?.[1]);
      const count = Number(m?.[2]);
      if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard ${spec}: use I/N with 1 <= I <= N, e.g. --shard 2/4`);
      args.shard = { index, count };
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option "${a}"`);
    } else args.paths.push(a);
  }
  if (args.paths.length === 0) throw new UsageError('no PATH given');
  if (args.jsonEnvelope && args.format !== 'json') throw new UsageError('--json-envelope goes with --format json');
  return args;
}
