/**
 * valkey-lint: the lint engine on the command line (`valkey-lint --help` lists the flags).
 *
 *   valkey-lint [--format text|json|sarif|gitlab] [--fail-on error|warning|info|never] [--config PATH] ... PATH...
 *
 * Directories are walked (skipping node_modules, .git and vendored folders, what .gitignore files,
 * the config's `ignore` and `--exclude` leave out). Each file is linted with the nearest
 * valkey-lint.config.json above it; flags override it. Budgets are counted in characters and
 * analysis steps, never in time, so a run gives the same result on any machine. Exit status: 0
 * without findings at or above `--fail-on` (default warning), 1 with them, 2 on a usage error
 * (an unknown flag, a PATH that does not exist, a bad --config).
 */
import { lstat, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import ignore from 'ignore';
import { createLinter, languageFromPath, rules } from '../lint/index';
import type { RuleId, Severity } from '../lint/index';
import { ConfigResolver, matches, settingsFor, type ConfigError, type FileSettings } from '../lint/config/index';
import { isLuaScript } from '../lint/luaFile';
import { decode, excluder, readPathAliases, sourceFiles } from '../lint/project/files';
import { DEFAULT_MAX_STEPS, parseArgs, USAGE, UsageError, type Args } from './args';
import { fingerprints, gitlab, json, sarif, text, VERSION, type FileFinding, type Notice, type Report } from './formats';
import { changedSince, GitError, repoRoot } from './git';
import { lintProject, runTask } from './projectRun';

export { VERSION } from './formats';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

export { decode } from '../lint/project/files';

/** A file as the user named its PATH: relative to the working directory, or absolute when the PATH was absolute. */
function display(file: string, io: CliIo, absolute = false): string {
  if (absolute) return path.resolve(io.cwd, file).split(path.sep).join('/');
  return path.relative(io.cwd, path.resolve(io.cwd, file)).split(path.sep).join('/') || '.';
}

const RANK: Record<Severity, number> = { off: 0, info: 1, warning: 2, error: 3 };
const defaultSeverity = (id: RuleId): Severity => rules.find((r) => r.id === id)?.defaultSeverity ?? 'warning';

/** Which shard (1-based) a file belongs to: FNV-1a of its path from the base, so every job agrees. */
export function shardOf(relPath: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < relPath.length; i++) {
    h ^= relPath.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % count) + 1;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const start = new Date();
  let args: Args | 'help' | 'version';
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
  if (args === 'version') {
    io.stdout(`valkey-lint ${VERSION}\n`);
    return 0;
  }
  const usage = (message: string): number => {
    io.stderr(`valkey-lint: ${message}\n`);
    return 2;
  };
  // Every PATH must exist (a dangling symbolic link exists: it is reported as unreadable).
  const missing: string[] = [];
  for (const p of args.paths) {
    try {
      await lstat(path.resolve(io.cwd, p));
    } catch {
      missing.push(p);
    }
  }
  if (missing.length) return usage(`no such file or directory: ${missing.join(', ')}`);
  if (args.config) {
    const info = await stat(path.resolve(io.cwd, args.config)).catch(() => undefined);
    if (!info?.isFile()) return usage(`--config ${args.config}: no such file`);
  }
  const base = args.base ? path.resolve(io.cwd, args.base) : ((await repoRoot(io.cwd)) ?? io.cwd);
  if (args.base && !(await stat(base).catch(() => undefined))?.isDirectory()) return usage(`--base ${args.base}: no such directory`);
  let changed: Set<string> | undefined;
  if (args.changedSince) {
    try {
      changed = await changedSince(io.cwd, args.changedSince);
    } catch (e) {
      if (e instanceof GitError) return usage(e.message);
      throw e;
    }
  }

  const configErrors: ConfigError[] = [];
  const resolver = new ConfigResolver({ explicit: args.config ? path.resolve(io.cwd, args.config) : undefined, cacheFolders: true, onError: (e) => configErrors.push(e) });
  // `./dist` and an absolute path under the working directory mean what `dist` means.
  const excludes = ignore().add(args.exclude.map((g) => (path.isAbsolute(g) ? path.relative(io.cwd, g).split(path.sep).join('/') || g : g.replace(/^(\.\/)+/, ''))));
  const excluded = excluder(resolver, args.exclude.length ? (full, isDir) => matches(excludes, io.cwd, full, isDir) : undefined);
  const options = { ...args.options, timeBudgetMs: Number.POSITIVE_INFINITY, maxSteps: args.options.maxSteps };
  const settings = new Map<string, FileSettings>();
  const settingsOf = (file: string): FileSettings => {
    let s = settings.get(file);
    if (!s) {
      const { config, root } = resolver.forFile(file);
      s = settingsFor(config, root ?? base, file, languageFromPath(file), options, defaultSeverity);
      // Budgets are steps, never time: the CLI's default unless the config or a flag names one.
      s.options.maxSteps ??= DEFAULT_MAX_STEPS;
      settings.set(file, s);
    }
    return s;
  };

  const notices: Notice[] = [];
  const files: string[] = [];
  const seen = new Set<string>();
  const givenAbsolute = new Set<string>();
  for (const p of args.paths) {
    const target = path.resolve(io.cwd, p);
    const absolute = path.isAbsolute(p);
    const found: string[] = [];
    const info = await stat(target).catch((e: NodeJS.ErrnoException) => e);
    if (info instanceof Error) {
      notices.push({ file: display(target, io, absolute), abs: target, reason: 'unreadable', message: `cannot read: ${info.code ?? String(info)}` });
      continue;
    }
    if (info.isDirectory()) {
      for await (const file of sourceFiles(target, {
        gitignore: args.gitignore,
        config: resolver,
        exclude: args.exclude.length ? (full, isDir) => matches(excludes, io.cwd, full, isDir) : undefined,
        onError: (dir, e) => notices.push({ file: display(dir, io, absolute), abs: dir, reason: 'unreadable', message: `cannot read: ${e.code ?? String(e)}` }),
      }))
        found.push(file);
    } else if (!excluded(target, false)) found.push(target);
    for (const file of found) {
      if (seen.has(file)) continue;
      seen.add(file);
      if (absolute) givenAbsolute.add(file);
      if (settingsOf(file).ignored) continue;
      if (languageFromPath(file) || isLuaScript(file)) files.push(file);
      else notices.push({ file: display(file, io, absolute), abs: file, reason: 'unsupported-language', message: 'no lint rules for this file type' });
    }
  }
  for (const e of configErrors) io.stderr(`${display(e.file, io)}:${e.line}:${e.column}: ${e.message} (linting goes on with the defaults for what is wrong)\n`);

  // Files reported on: all, or those changed since the ref and/or in this shard. The rest is indexed only.
  const reported = (file: string): boolean => {
    if (changed && !changed.has(file)) return false;
    if (args.shard) return shardOf(path.relative(base, file).split(path.sep).join('/'), args.shard.count) === args.shard.index;
    return true;
  };
  const report = changed || args.shard ? new Set(files.filter(reported)) : undefined;
  // A file another shard reports (or that did not change) is not this run's to mention either.
  if (report) for (let i = notices.length - 1; i >= 0; i--) if (notices[i]!.reason === 'unsupported-language' && !reported(notices[i]!.abs)) notices.splice(i, 1);
  const roots = new Set(files.map((f) => path.dirname(f)));
  for (const p of args.paths) roots.add(path.resolve(io.cwd, p));
  const { outcomes } = await lintProject(files, (file) => settingsOf(file).options, args.jobs, __filename, await readPathAliases(ancestors(roots, io.cwd)), undefined, report);

  const findings: FileFinding[] = [];
  for (const o of outcomes) {
    const shown = display(o.file, io, givenAbsolute.has(o.file));
    if (o.unreadable) notices.push({ file: shown, abs: o.file, reason: 'unreadable', message: o.unreadable });
    // The CLI's budget is counted in steps (no time limit): the engine's 'timeout' is that budget.
    if (o.result?.skipped) notices.push({ file: shown, abs: o.file, reason: o.result.skipped.reason === 'timeout' ? 'step-budget' : o.result.skipped.reason, message: o.result.skipped.detail });
    let list = o.result?.findings ?? [];
    if (args.quiet) list = list.filter((f) => f.severity === 'error');
    if (list.length === 0) continue;
    const lines = decode(await readFile(o.file).catch(() => Buffer.alloc(0))).split(/\r\n|\r|\n/);
    const prints = fingerprints(list, lines, path.relative(base, o.file).split(path.sep).join('/'));
    list.forEach((f, i) => findings.push({ ...f, file: shown, abs: o.file, fingerprint: prints[i]! }));
  }
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const failing = args.failOn !== 'never' && findings.some((f) => RANK[f.severity] >= RANK[args.failOn as Severity]);
  const exitCode = failing || (args.maxWarnings !== undefined && warnings > args.maxWarnings) ? 1 : 0;
  const result: Report = {
    findings,
    notices,
    configErrors: configErrors.map((e) => ({ ...e, abs: e.file, file: display(e.file, io) })),
    base,
    cwd: io.cwd,
    argv,
    start,
    end: new Date(),
    files: outcomes.length,
    exitCode,
  };
  if (args.format !== 'text') for (const n of notices) io.stderr(`${n.file}: skipped (${n.reason}): ${n.message}\n`);
  if (args.format === 'json') io.stdout(json(result, args.jsonEnvelope));
  else if (args.format === 'sarif') io.stdout(`${JSON.stringify(sarif(result), null, 2)}\n`);
  else if (args.format === 'gitlab') io.stdout(gitlab(result));
  else {
    io.stdout(text(result));
    if (args.maxWarnings !== undefined && warnings > args.maxWarnings) io.stdout(`valkey-lint: ${warnings} warnings is more than --max-warnings ${args.maxWarnings}\n`);
  }
  return exitCode;
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
