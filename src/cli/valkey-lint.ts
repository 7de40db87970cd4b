/**
 * valkey-lint: the lint engine on the command line.
 *
 *   valkey-lint [--format text|json|sarif] [--rule <id>=off|info|warning|error]... [--default-ttl <seconds>] PATH...
 *
 * Directories are walked (skipping node_modules, .git and vendored folders). Exit status: 0 without
 * findings, 1 with findings, 2 on a usage error. A file that cannot be read or linted is reported on
 * stderr and skipped.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createLinter, languageFromPath, rules } from '../lint/index';
import type { Finding, LintOptions, RuleId, Severity } from '../lint/index';

const SKIPPED_DIRS = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'vendor',
  'vendors',
  'third_party',
  'third-party',
  'bower_components',
  'jspm_packages',
  '.venv',
  'venv',
  'site-packages',
  '__pycache__',
  '.bundle',
  'Pods',
  '.yarn',
  '.pnpm-store',
]);
const SEVERITIES = new Set<Severity>(['off', 'info', 'warning', 'error']);
const DOCS_BASE = 'https://github.com/valkey-on-welkin/vscode-valkey-welkin/blob/main/';
const VERSION = '0.1.0';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

interface Args {
  format: 'text' | 'json' | 'sarif';
  options: LintOptions;
  paths: string[];
}

interface FileFinding extends Finding {
  file: string;
}

class UsageError extends Error {}

const USAGE = `usage: valkey-lint [--format text|json|sarif] [--rule <id>=off|info|warning|error]... [--default-ttl <seconds>] PATH...
rules: ${rules.map((r) => r.id).join(', ')}`;

function parseArgs(argv: readonly string[]): Args | 'help' {
  const args: Args = { format: 'text', options: { rules: {} }, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (name: string): string => {
      const eq = a.indexOf('=');
      if (a.startsWith(`${name}=`)) return a.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      return next;
    };
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--') {
      args.paths.push(...argv.slice(i + 1));
      break;
    }
    if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`unknown format "${f}": use text, json or sarif`);
      args.format = f;
    } else if (a === '--rule' || a.startsWith('--rule=')) {
      const spec = value('--rule');
      const [id, severity] = spec.split('=');
      if (!id || !rules.some((r) => r.id === id)) throw new UsageError(`unknown rule "${id ?? spec}"`);
      if (!severity || !SEVERITIES.has(severity as Severity)) throw new UsageError(`--rule ${spec}: the severity must be off, info, warning or error`);
      args.options.rules![id as RuleId] = severity as Severity;
    } else if (a === '--default-ttl' || a.startsWith('--default-ttl=')) {
      const n = Number(value('--default-ttl'));
      if (!Number.isInteger(n) || n <= 0) throw new UsageError('--default-ttl needs a positive whole number of seconds');
      args.options.defaultTtlSeconds = n;
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option "${a}"`);
    } else args.paths.push(a);
  }
  if (args.paths.length === 0) throw new UsageError('no PATH given');
  return args;
}

async function* walk(target: string, explicit: boolean, io: CliIo): AsyncGenerator<string> {
  let info;
  try {
    info = await stat(target);
  } catch (e) {
    io.stderr(`${display(target, io)}: cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return;
  }
  if (info.isFile()) {
    if (explicit || languageFromPath(target)) yield target;
    return;
  }
  if (!info.isDirectory()) return;
  let entries;
  try {
    entries = await readdir(target, { withFileTypes: true });
  } catch (e) {
    io.stderr(`${display(target, io)}: cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(target, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) yield* walk(full, false, io);
    } else if (e.isFile() && languageFromPath(e.name)) yield full;
  }
}

/** Text of a file: UTF-8 (BOM dropped), or UTF-16 when it starts with a UTF-16 byte order mark. */
export function decode(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return bytes.toString('utf8');
}

function display(file: string, io: CliIo): string {
  return path.relative(io.cwd, path.resolve(io.cwd, file)).split(path.sep).join('/') || '.';
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`valkey-lint: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (args === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const missing = [];
  for (const p of args.paths) {
    try {
      await stat(path.resolve(io.cwd, p));
    } catch {
      missing.push(p);
    }
  }
  if (missing.length === args.paths.length) {
    io.stderr(`valkey-lint: no such file or directory: ${missing.join(', ')}\n`);
    return 2;
  }
  const linter = createLinter();
  const findings: FileFinding[] = [];
  const notices: { file: string; message: string }[] = [];
  const maxBytes = args.options.maxBytes ?? 2_000_000;
  try {
    for (const p of args.paths) {
      for await (const file of walk(path.resolve(io.cwd, p), true, io)) {
        const shown = display(file, io);
        const language = languageFromPath(file);
        if (!language) {
          notices.push({ file: shown, message: 'skipped (unsupported-language): no lint rules for this file type' });
          continue;
        }
        let source: string;
        try {
          const info = await stat(file);
          if (info.size > maxBytes * 4) {
            notices.push({ file: shown, message: `skipped (too-large): ${info.size} bytes` });
            continue;
          }
          source = decode(await readFile(file));
        } catch (e) {
          notices.push({ file: shown, message: `skipped (unreadable): ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
          continue;
        }
        try {
          const result = await linter.lint(source, language, args.options);
          if (result.skipped) notices.push({ file: shown, message: `skipped (${result.skipped.reason}): ${result.skipped.detail}` });
          for (const f of result.findings) findings.push({ ...f, file: shown });
        } catch (e) {
          notices.push({ file: shown, message: `skipped (parse-error): ${e instanceof Error ? e.message : String(e)}` });
        }
      }
    }
  } finally {
    linter.dispose();
  }
  for (const n of notices) io.stderr(`${n.file}: ${n.message}\n`);
  if (args.format === 'json') io.stdout(`${JSON.stringify(findings.map(jsonFinding), null, 2)}\n`);
  else if (args.format === 'sarif') io.stdout(`${JSON.stringify(sarif(findings, notices), null, 2)}\n`);
  else io.stdout(text(findings));
  return findings.length > 0 ? 1 : 0;
}

function jsonFinding(f: FileFinding) {
  return {
    file: f.file,
    line: f.range.start.line + 1,
    column: f.range.start.column + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.column + 1,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
  };
}

function text(findings: readonly FileFinding[]): string {
  if (findings.length === 0) return 'valkey-lint: no findings\n';
  const lines = findings.map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.column + 1}: ${f.severity} ${f.rule}: ${f.message}`);
  const files = new Set(findings.map((f) => f.file)).size;
  return `${lines.join('\n')}\n\n${findings.length} finding${findings.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}\n`;
}

const sarifLevel = { error: 'error', warning: 'warning', info: 'note' } as const;

function sarif(findings: readonly FileFinding[], notices: readonly { file: string; message: string }[]) {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'valkey-lint',
            version: VERSION,
            informationUri: 'https://github.com/valkey-on-welkin/vscode-valkey-welkin',
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
              shortDescription: { text: r.title },
              helpUri: `${DOCS_BASE}${r.docsPath}`,
              defaultConfiguration: { level: r.defaultSeverity === 'off' ? 'none' : sarifLevel[r.defaultSeverity] },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: notices.map((n) => ({
              level: 'warning',
              message: { text: `${n.file}: ${n.message}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(n.file), uriBaseId: '%SRCROOT%' } } }],
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ruleIndex.get(f.rule),
          level: sarifLevel[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
                region: {
                  startLine: f.range.start.line + 1,
                  startColumn: f.range.start.column + 1,
                  endLine: f.range.end.line + 1,
                  endColumn: f.range.end.column + 1,
                },
              },
            },
          ],
        })),
      },
    ],
  };
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`valkey-lint: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
