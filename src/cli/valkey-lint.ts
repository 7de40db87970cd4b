/**
 * valkey-lint: the lint engine on the command line.
 *
 *   valkey-lint [--format text|json|sarif] [--rule <id>=off|info|warning|error]... [--default-ttl <seconds>] PATH...
 *
 * Directories are walked (skipping node_modules, .git and vendored folders). Exit status: 0 without
 * findings, 1 with findings, 2 on a usage error. A file that cannot be read or linted is reported on
 * stderr and skipped.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createLinter, languageFromPath, rules } from '../lint/index';
import type { Finding, LintOptions, RuleId, Severity } from '../lint/index';
import { isLuaScript } from '../lint/luaFile';
import { readPathAliases, sourceFiles } from '../lint/project/files';
import { lintProject, runTask } from './projectRun';


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
  jobs: number;
}

interface FileFinding extends Finding {
  file: string;
}

class UsageError extends Error {}

const USAGE = `usage: valkey-lint [--format text|json|sarif] [--rule <id>=off|info|warning|error]... [--default-ttl <seconds>] [--jobs N] PATH...
       valkey-lint --lsp --stdio     (the lint language server, for editors that speak LSP)
rules: ${rules.map((r) => r.id).join(', ')}`;

function parseArgs(argv: readonly string[]): Args | 'help' {
  const args: Args = { format: 'text', options: { rules: {} }, paths: [], jobs: availableParallelism() };
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
    } else if (a === '--jobs' || a.startsWith('--jobs=') || a === '-j') {
      const n = Number(value(a === '-j' ? '-j' : '--jobs'));
      if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError('--jobs needs a whole number of worker threads from 1 to 256');
      args.jobs = n;
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option "${a}"`);
    } else args.paths.push(a);
  }
  if (args.paths.length === 0) throw new UsageError('no PATH given');
  return args;
}

async function* walk(target: string, io: CliIo): AsyncGenerator<string> {
  let info;
  try {
    info = await stat(target);
  } catch (e) {
    io.stderr(`${display(target, io)}: cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return;
  }
  if (info.isFile()) yield target;
  else if (info.isDirectory()) {
    yield* sourceFiles(target, { onError: (dir, e) => io.stderr(`${display(dir, io)}: cannot read: ${e.code ?? String(e)}\n`) });
  }
}

export { decode } from '../lint/project/files';

/** A file as the user named its PATH: relative to the working directory, or absolute when the PATH was absolute. */
function display(file: string, io: CliIo, absolute = false): string {
  if (absolute) return path.resolve(io.cwd, file).split(path.sep).join('/');
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
  const findings: FileFinding[] = [];
  const notices: { file: string; message: string }[] = [];
  const files: string[] = [];
  const seen = new Set<string>();
  const givenAbsolute = new Set<string>();
  for (const p of args.paths) {
    for await (const file of walk(path.resolve(io.cwd, p), io)) {
      if (seen.has(file)) continue;
      seen.add(file);
      if (path.isAbsolute(p)) givenAbsolute.add(file);
      if (languageFromPath(file) || isLuaScript(file)) files.push(file);
      else notices.push({ file: display(file, io, path.isAbsolute(p)), message: 'skipped (unsupported-language): no lint rules for this file type' });
    }
  }
  const roots = new Set(files.map((f) => path.dirname(f)));
  for (const p of args.paths) roots.add(path.resolve(io.cwd, p));
  const { outcomes } = await lintProject(files, args.options, args.jobs, __filename, await readPathAliases(ancestors(roots, io.cwd)));
  for (const o of outcomes) {
    const shown = display(o.file, io, givenAbsolute.has(o.file));
    if (o.unreadable) notices.push({ file: shown, message: `skipped (unreadable): ${o.unreadable}` });
    if (o.result?.skipped) notices.push({ file: shown, message: `skipped (${o.result.skipped.reason}): ${o.result.skipped.detail}` });
    for (const f of o.result?.findings ?? []) findings.push({ ...f, file: shown });
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

/** Folders whose tsconfig.json/jsconfig.json may hold path aliases: each root and the folders above it, up to the working directory. */
function ancestors(dirs: Iterable<string>, cwd: string): Set<string> {
  const out = new Set<string>();
  for (let dir of dirs) {
    for (;;) {
      if (out.has(dir)) break;
      out.add(dir);
      const up = path.dirname(dir);
      if (up === dir || !dir.startsWith(cwd) || dir === cwd) break;
      dir = up;
    }
  }
  return out;
}

if (!isMainThread && (workerData as { valkeyLintWorker?: boolean } | null)?.valkeyLintWorker) {
  const linter = createLinter();
  parentPort!.on('message', (task: Parameters<typeof runTask>[1]) => {
    void runTask(linter, task).then((r) => parentPort!.postMessage(r));
  });
} else if (require.main === module && process.argv.includes('--lsp')) {
  // The same server the extension starts; `--stdio` (or `--node-ipc`, `--socket=N`) picks the transport.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../lint/server/main');
} else if (require.main === module) {
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
