/**
 * Whole-project lint benchmarks (the project index and the language server):
 *   node --import tsx bench/project.bench.ts [--files N] [--mb M] [--rounds R] [--server-files N]
 *
 * Prints one figure per line:
 *   - whole-project lint (both phases: summaries for the index, then lint with facts; one thread),
 *     files read from disk, against bare tree-sitter parsing of the same files read the same way,
 *     on the typical generated corpus of bench/lint.bench.ts and on its dense variant: medians and ratio;
 *   - `valkey-lint --jobs 2` against `--jobs 1` on the same tree (wall time, median): the speed-up;
 *   - an edit of a module's exported client with 50 files depending on it: re-summary, facts and
 *     re-lint of every dependent whose facts changed (p50/p95 over 20 edits), against one fresh lint
 *     of the edited file;
 *   - the language server's resident memory with a 10,000-file workspace indexed, against the same
 *     server with an empty workspace.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Parser } from '@vscode/tree-sitter-wasm';
import { lintProject } from '../src/cli/projectRun';
import { createLinter, languageFromPath, type LanguageId } from '../src/lint/index';
import { decode, sourceFiles } from '../src/lint/project/files';
import { LintProject } from '../src/lint/project/project';
import { GrammarLoader, defaultGrammarDir } from '../src/lint/parser/runtime';
import { applicationCode } from '../test/unit/lint/appcode';
import { startLspClient } from '../test/support/lspClient';
import { fixtures, generate, generateDense } from './lint.bench';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = arg('--rounds', 3);
const SERVER_FILES = arg('--server-files', 10_000);
const cli = path.resolve(__dirname, '../dist/valkey-lint.js');

const print = (name: string, value: number, digits = 1): void => console.log(`${name} ${value.toFixed(digits)}`);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

function writeTree(dir: string, files: readonly { file: string; source: string }[]): string[] {
  mkdirSync(dir, { recursive: true });
  return files.map((f, i) => {
    const sub = path.join(dir, `pkg${i % 40}`);
    mkdirSync(sub, { recursive: true });
    const full = path.join(sub, f.file);
    writeFileSync(full, f.source);
    return full;
  });
}

async function parseAll(files: readonly string[], parsers: Map<LanguageId, Parser>): Promise<number> {
  const start = performance.now();
  for (const file of files) {
    const text = decode(await readFile(file));
    parsers.get(languageFromPath(file)!)!.parse(text)?.delete();
  }
  return performance.now() - start;
}

/** One warm linter for every project lint, as the parse baseline's parsers are warm. */
const warm = createLinter();

async function projectLint(files: readonly string[]): Promise<number> {
  const start = performance.now();
  await lintProject(files, {}, 1, cli, [], warm);
  return performance.now() - start;
}

async function ratioOn(label: string, files: readonly string[], parsers: Map<LanguageId, Parser>): Promise<void> {
  await parseAll(files, parsers);
  await projectLint(files);
  const parse: number[] = [];
  const lint: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    parse.push(await parseAll(files, parsers));
    lint.push(await projectLint(files));
  }
  print(`project.${label}_files`, files.length, 0);
  print(`project.${label}_parse_ms`, median(parse));
  print(`project.${label}_project_lint_ms`, median(lint));
  print(`project.${label}_lint_to_parse_ratio`, median(lint) / median(parse), 3);
}

function cliRun(jobs: number, dir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [cli, '--jobs', String(jobs), '--format', 'json', dir], { stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('error', reject);
    child.on('exit', () => resolve(performance.now() - start));
  });
}

async function exportedClientEdit(dir: string): Promise<void> {
  const root = path.join(dir, 'fanout');
  mkdirSync(root, { recursive: true });
  const clientFile = path.join(root, 'redis.ts');
  const variants = [
    "import Redis from 'iovalkey';\nexport const redis = new Redis();\n",
    "import Redis from 'iovalkey';\nexport const redis = new Redis();\nexport function getRedis(): Redis {\n  return redis;\n}\n",
  ];
  writeFileSync(clientFile, variants[0]!);
  const handlers: string[] = [];
  for (let i = 0; i < 50; i++) {
    const file = path.join(root, `handler${i}.ts`);
    writeFileSync(file, `import { redis, getRedis } from './redis';\n${applicationCode('typescript', 500 + i, 3000)}\nexport async function h${i}(id: string) {\n  await redis.set(\`h${i}:\${id}\`, '1');\n  return getRedis().keys('h${i}:*');\n}\n`);
    handlers.push(file);
  }
  const linter = createLinter();
  const project = new LintProject(linter);
  for (const f of [clientFile, ...handlers]) await project.indexFile(f);
  const times: number[] = [];
  let relinted = 0;
  for (let e = 0; e < 20; e++) {
    const text = variants[(e + 1) % 2]!;
    const start = performance.now();
    const keys = new Map(handlers.map((h) => [h, project.factsKey(h, 'typescript')]));
    await project.indexText(clientFile, text, 'typescript');
    let n = 0;
    for (const h of handlers) {
      if (project.factsKey(h, 'typescript') === keys.get(h)) continue;
      await project.lint(h, readFileSync(h, 'utf8'), 'typescript', {});
      n++;
    }
    times.push(performance.now() - start);
    relinted = Math.max(relinted, n);
  }
  const single: number[] = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    await linter.lint(readFileSync(handlers[0]!, 'utf8'), 'typescript');
    single.push(performance.now() - start);
  }
  linter.dispose();
  print('project.exported_client_edit_dependents_relinted', relinted, 0);
  print('project.exported_client_edit_p50_ms', pct(times, 50), 2);
  print('project.exported_client_edit_p95_ms', pct(times, 95), 2);
  print('project.single_fresh_lint_p50_ms', pct(single, 50), 2);
  print('project.exported_client_edit_to_single_lint_ratio', pct(times, 50) / pct(single, 50), 2);
}

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

async function serverMemory(dir: string): Promise<void> {
  const empty = path.join(dir, 'empty');
  mkdirSync(empty, { recursive: true });
  const big = path.join(dir, 'workspace');
  const all = fixtures();
  for (let i = 0; i < SERVER_FILES; i++) {
    const f = all[i % all.length]!;
    const sub = path.join(big, `m${i % 100}`);
    if (i < 100) mkdirSync(sub, { recursive: true });
    const ext = path.extname(f.file);
    writeFileSync(path.join(sub, `f${i}${ext}`), i % 4 === 0 ? [f.header, f.body].join('\n') : applicationCode(f.language, 7000 + i, 2500));
  }
  const measure = async (root: string, expect: number): Promise<{ rss: number; ms: number }> => {
    const start = performance.now();
    const client = await startLspClient({ root });
    try {
      for (;;) {
        const s = await client.connection.sendRequest<{ indexed: number; indexing: boolean }>('valkeyLint/status');
        if (!s.indexing && s.indexed >= expect) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const ms = performance.now() - start;
      global.gc?.();
      await new Promise((r) => setTimeout(r, 500));
      return { rss: rssKb(client.pid), ms };
    } finally {
      await client.stop();
    }
  };
  let count = 0;
  for await (const _ of sourceFiles(big)) count++;
  const base = await measure(empty, 0);
  const full = await measure(big, count);
  print('project.server_files_indexed', count, 0);
  print('project.server_index_ms', full.ms, 0);
  print('project.server_rss_empty_mb', base.rss / 1024);
  print('project.server_rss_indexed_mb', full.rss / 1024);
  print('project.server_rss_ratio', full.rss / base.rss, 2);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'valkey-project-bench-'));
  try {
    const all = fixtures();
    const loader = new GrammarLoader(defaultGrammarDir());
    const parsers = new Map<LanguageId, Parser>();
    for (const f of all) {
      if (parsers.has(f.language)) continue;
      const language = await loader.load(f.language);
      const p = new Parser();
      p.setLanguage(language);
      parsers.set(f.language, p);
    }
    const typical = writeTree(path.join(dir, 'typical'), generate(all).files);
    await ratioOn('typical', typical, parsers);
    const dense = writeTree(path.join(dir, 'dense'), generateDense(all, 300));
    await ratioOn('dense', dense, parsers);
    for (const p of parsers.values()) p.delete();

    warm.dispose();
    await cliRun(1, path.join(dir, 'typical'));
    const one: number[] = [];
    const two: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      one.push(await cliRun(1, path.join(dir, 'typical')));
      two.push(await cliRun(2, path.join(dir, 'typical')));
    }
    print('project.cli_jobs1_ms', median(one), 0);
    print('project.cli_jobs2_ms', median(two), 0);
    print('project.cli_jobs2_speedup', median(one) / median(two), 2);

    await exportedClientEdit(dir);
    await serverMemory(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
