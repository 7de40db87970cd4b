/**
 * The cost of valkey-lint's ignore handling (.gitignore files at every level, through the `ignore`
 * package, plus the valkey-lint.config.json lookup for its `ignore` patterns):
 *   node --import tsx bench/cliIgnore.bench.ts [--files N] [--rounds R]
 *
 * On a generated tree of N source files in nested folders, each folder with its own .gitignore
 * (12 patterns, a negation among them) and a valkey-lint.config.json at the top:
 * Times are CPU time of the process (user + system; `--jobs 1` keeps all work in it), medians.
 *   - whole CLI runs (walk, both lint phases, one thread) in files/s with the ignore handling
 *     against `--no-gitignore` on the same tree, where no pattern matches a file that exists, so
 *     both runs lint exactly the same files: the ratio is the cost of the handling alone;
 *   - the walk alone (sourceFiles) in files/s, with and without it, for the same reason;
 *   - with ignored build output present (dist/, generated/, *.min.js next to the sources): files/s
 *     and files linted with the handling against without it (what it saves).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../src/cli/valkey-lint';
import { ConfigResolver } from '../src/lint/config/index';
import { sourceFiles } from '../src/lint/project/files';
import { applicationCode } from '../test/unit/lint/appcode';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const FILES = arg('--files', 1500);
const ROUNDS = arg('--rounds', 5);
const print = (name: string, value: number, digits = 1): void => console.log(`${name} ${value.toFixed(digits)}`);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const LANGS = [
  { language: 'javascript', ext: 'js' },
  { language: 'python', ext: 'py' },
  { language: 'go', ext: 'go' },
  { language: 'java', ext: 'java' },
] as const;
const GITIGNORE = ['node_modules/', 'dist/', 'build/', 'coverage/', '.next/', 'generated/', '*.min.js', '*.pb.go', '/out', 'tmp-*', '!tmp-keep.js', '**/__snapshots__/'].join('\n');

function tree(dir: string, withBuildOutput: boolean): void {
  writeFileSync(path.join(dir, 'valkey-lint.config.json'), JSON.stringify({ ignore: ['fixtures-big/', '*.gen.py'] }));
  for (let i = 0; i < FILES; i++) {
    const l = LANGS[i % LANGS.length]!;
    // 4 levels: svc<a>/mod<b>/part<c>/, 10 files per folder.
    const folder = path.join(dir, `svc${i % 5}`, `mod${Math.floor(i / 5) % 6}`, `part${Math.floor(i / 30) % 10}`);
    mkdirSync(folder, { recursive: true });
    for (const g of [path.join(dir, `svc${i % 5}`), path.dirname(folder), folder]) writeFileSync(path.join(g, '.gitignore'), GITIGNORE);
    const header = l.language === 'javascript' ? "const Redis = require('ioredis');\nconst r = new Redis();\n" : l.language === 'python' ? 'import redis\nr = redis.Redis()\n' : '';
    writeFileSync(path.join(folder, `f${i}.${l.ext}`), `${l.language === 'go' ? 'package p\n' : ''}${header}${applicationCode(l.language, i + 1, 2500)}\n${l.language === 'javascript' ? "r.keys('*');\n" : ''}`);
    if (withBuildOutput && i % 10 === 0) {
      for (const sub of ['dist', 'generated']) {
        mkdirSync(path.join(folder, sub), { recursive: true });
        writeFileSync(path.join(folder, sub, `f${i}.js`), `const Redis = require('ioredis');\nnew Redis().keys('*');\n${applicationCode('javascript', i + 7, 2500)}`);
      }
      writeFileSync(path.join(folder, `f${i}.min.js`), `const Redis=require('ioredis');new Redis().keys('*');`);
    }
  }
  writeFileSync(path.join(dir, '.gitignore'), GITIGNORE);
}

/** CPU time of this process (user + system), in ms: on a machine shared with other jobs it varies far less than wall time. */
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

async function cliRun(dir: string, extra: string[]): Promise<{ ms: number; files: number }> {
  let out = '';
  const start = process.cpuUsage();
  await runCli(['--format', 'json', '--json-envelope', '--jobs', '1', '--fail-on', 'never', ...extra, '.'], { stdout: (t) => (out += t), stderr: () => undefined, cwd: dir });
  const ms = cpuMs(start);
  return { ms, files: (JSON.parse(out) as { files: number }).files };
}

async function walk(dir: string, gitignore: boolean): Promise<{ ms: number; files: number }> {
  const start = process.cpuUsage();
  let n = 0;
  for await (const _ of sourceFiles(dir, { gitignore, config: gitignore ? new ConfigResolver({ cacheFolders: true }) : false })) n++;
  return { ms: cpuMs(start), files: n };
}

async function compare(label: string, dir: string, run: (dir: string, handling: boolean) => Promise<{ ms: number; files: number }>): Promise<void> {
  await run(dir, true);
  await run(dir, false);
  const on: number[] = [];
  const off: number[] = [];
  let filesOn = 0;
  let filesOff = 0;
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate the order so neither side always runs on a warmer cache.
    const pair = r % 2 === 0 ? [await run(dir, true), await run(dir, false)] : [await run(dir, false), await run(dir, true)].reverse();
    on.push(pair[0]!.ms);
    off.push(pair[1]!.ms);
    filesOn = pair[0]!.files;
    filesOff = pair[1]!.files;
  }
  const rateOn = (filesOn / median(on)) * 1000;
  const rateOff = (filesOff / median(off)) * 1000;
  print(`${label}_files_with_ignore_handling`, filesOn, 0);
  print(`${label}_files_without`, filesOff, 0);
  print(`${label}_files_per_s_with_ignore_handling`, rateOn);
  print(`${label}_files_per_s_without`, rateOff);
  print(`${label}_time_ratio_with_over_without`, median(on) / median(off), 3);
}

async function main(): Promise<void> {
  const clean = mkdtempSync(path.join(tmpdir(), 'valkey-lint-ignore-bench-'));
  const built = mkdtempSync(path.join(tmpdir(), 'valkey-lint-ignore-bench-'));
  try {
    tree(clean, false);
    tree(built, true);
    console.log(`# ${FILES} source files, .gitignore in every folder (12 patterns), ${ROUNDS} rounds, medians of CPU time`);
    await compare('walk', clean, (dir, h) => walk(dir, h));
    await compare('cli_same_files', clean, (dir, h) => cliRun(dir, h ? [] : ['--no-gitignore']));
    await compare('cli_with_build_output', built, (dir, h) => cliRun(dir, h ? [] : ['--no-gitignore']));
  } finally {
    rmSync(clean, { recursive: true, force: true });
    rmSync(built, { recursive: true, force: true });
  }
}

void main();
