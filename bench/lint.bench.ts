/**
 * Lint engine benchmarks: `node --import tsx bench/lint.bench.ts [--files N] [--mb M] [--rounds R]`.
 *
 * Generates a corpus (default at least 2,000 files and 20 MB) in a temporary folder: application code
 * in every language (test/unit/lint/appcode/: code that does not talk to Valkey, some of it calling
 * `set`, `keys`, `add`, `execute`... on its own objects) with a varied copy of a labelled fixture in
 * every other file, a finding per ~5 KB: about as dense as in a service built around a cache (the
 * fixtures alone have one per ~370 bytes). Then prints one figure per line:
 *   - full lint time against bare tree-sitter parse time of the same files (same grammars, warm),
 *     each file parsed then linted back to back, over several rounds after a warm-up round, with a
 *     GC before each: medians of the rounds, and their ratio;
 *     the same ratio on a smaller corpus made only of fixture code (a finding every few lines);
 *   - latency of `lintDocument` on a 5,000-line file after each of 300 small edits (p50/p95), the way
 *     the editor re-lints, next to the file's full parse and its incremental re-parse;
 *   - our time on the JavaScript part of the corpus against ESLint running the same KEYS rule as
 *     `no-restricted-syntax`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ESLint } from 'eslint';
import { Parser, type Tree } from '@vscode/tree-sitter-wasm';
import { corpusFiles } from '../scripts/lint-corpus-score';
import { createLinter, languageFromPath } from '../src/lint/index';
import type { LanguageId, Linter } from '../src/lint/index';
import { textEditFor } from '../src/lint/parser/incremental';
import { GrammarLoader, defaultGrammarDir } from '../src/lint/parser/runtime';
import { applicationCode, prng } from '../test/unit/lint/appcode';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const MIN_FILES = arg('--files', 2000);
const MIN_MB = arg('--mb', 20);
const ROUNDS = arg('--rounds', 5);
const EDITS = 300;
const FIXTURES = path.resolve(__dirname, '../test/fixtures/lint');

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface GenFile {
  file: string;
  language: LanguageId;
  source: string;
}

interface Fixture {
  file: string;
  language: LanguageId;
  header: string;
  body: string;
}

/** Lines a file keeps once at its top: package, imports, usings, namespace, PHP open tag. */
const HEADER = /^\s*(?:$|\/\/|#(?!\s*expect)|\/\*|\*|<\?php|package |import |from \S+ import|using |namespace |require |use |declare\(|'use strict')/;

function splitHeader(source: string): { header: string; body: string } {
  const lines = source.split('\n');
  let i = 0;
  while (i < lines.length && HEADER.test(lines[i]!) && !/^\s*import \w+ from ['"]\.\//.test(lines[i]!)) i++;
  return { header: lines.slice(0, i).join('\n'), body: lines.slice(i).join('\n') };
}

export function fixtures(): Fixture[] {
  return corpusFiles(FIXTURES).map((file) => ({ file, language: languageFromPath(file)!, ...splitHeader(readFileSync(file, 'utf8')) }));
}

/** A variation of a fixture body: declared names and key prefixes get a suffix. */
function vary(body: string, n: number): string {
  const names = new Set<string>();
  for (const m of body.matchAll(/\b(?:function|def|func|class|interface|struct|type)\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)/g)) names.add(m[1]!);
  let out = body;
  for (const name of names) out = out.replace(new RegExp(`\\b${name}\\b`, 'g'), `${name}${n}`);
  return out.replace(/(["'`])(\w+):/g, (_m, q: string, prefix: string) => `${q}${prefix}${n}:`);
}

/**
 * JavaScript copies go in a block of their own so repeated `const` declarations stay valid for
 * ESLint's parser (exports cannot sit in a block, so they lose the keyword).
 */
function wrap(language: LanguageId, body: string): string {
  if (language !== 'javascript') return body;
  return `{\n${body.replace(/^export (default )?/gm, '').replace(/^module\.exports = .*$/gm, '')}\n}`;
}

/**
 * The corpus: each file has a fixture's header, 6-12 KB of application code and, in every other
 * file, a varied copy of the fixture's body in the middle.
 */
export function generate(all: readonly Fixture[]): { files: GenFile[]; fixtureBytes: number } {
  const rnd = prng(2024);
  const files: GenFile[] = [];
  let bytes = 0;
  let fixtureBytes = 0;
  for (let i = 0; files.length < MIN_FILES || bytes < MIN_MB * 1_000_000; i++) {
    const f = all[i % all.length]!;
    const appBytes = 6000 + Math.floor(rnd() * 6000);
    const before = applicationCode(f.language, i * 2 + 1, appBytes / 2);
    const after = applicationCode(f.language, i * 2 + 2, appBytes / 2);
    const body = i % 2 === 0 ? wrap(f.language, vary(f.body, i)) : '';
    const source = [f.header, before, body, after].join('\n');
    const ext = path.extname(f.file);
    files.push({ file: `${path.basename(f.file, ext)}_${i}${ext}`, language: f.language, source });
    bytes += source.length;
    fixtureBytes += body.length;
  }
  return { files, fixtureBytes };
}

/** Files made only of fixture code (2-6 varied copies each): a finding every few lines. */
export function generateDense(all: readonly Fixture[], count: number): GenFile[] {
  const out: GenFile[] = [];
  for (let i = 0; i < count; i++) {
    const f = all[i % all.length]!;
    const parts = [f.header];
    for (let c = 0; c < 2 + (i % 5); c++) parts.push(wrap(f.language, vary(f.body, i * 10 + c)));
    out.push({ file: `dense_${i}${path.extname(f.file)}`, language: f.language, source: parts.join('\n') });
  }
  return out;
}

/**
 * A TypeScript file of at least `lines` lines (whole declarations, so it parses without errors):
 * only fixture code ('dense'), or application code with a fixture body after every ~450 lines of
 * it ('typical', about a tenth of the lines).
 */
export function bigTypeScript(lines: number, kind: 'dense' | 'typical'): string {
  const ts = fixtures().filter((f) => f.language === 'typescript');
  const parts = [ts[0]!.header];
  let count = parts[0]!.split('\n').length;
  for (let i = 0; count < lines; i++) {
    const body = vary(ts[i % ts.length]!.body, i);
    const part = kind === 'dense' ? body : `${applicationCode('typescript', 9000 + i, 15_000)}\n${body}`;
    parts.push(part);
    count += part.split('\n').length;
  }
  return parts.join('\n');
}

/**
 * The i-th edit of a re-lint run, at a line spread over the file: a space typed at the end of the
 * line, a comment line inserted above it, or the last letter of the line's last word doubled (an
 * identifier, keyword or string changes).
 */
function editAt(text: string, i: number): string {
  const lines = text.split('\n');
  const line = (i * 7919) % lines.length;
  const current = lines[line]!;
  lines[line] = i % 3 === 0 ? `${current} ` : i % 3 === 1 ? `  // edit ${i}\n${current}` : current.replace(/(\w)(\W*)$/, '$1$1$2');
  return lines.join('\n');
}

/** Latencies of `lintDocument` after each edit; every 50th result is checked against a fresh lint. */
async function relint(linter: Linter, source: string): Promise<number[]> {
  await linter.lintDocument('bench', source, 'typescript');
  const latencies: number[] = [];
  let text = source;
  gc();
  for (let i = 0; i < EDITS; i++) {
    text = editAt(text, i);
    const t0 = performance.now();
    const result = await linter.lintDocument('bench', text, 'typescript');
    latencies.push(performance.now() - t0);
    if (i % 50 === 49 && JSON.stringify(result) !== JSON.stringify(await linter.lint(text, 'typescript'))) {
      throw new Error(`re-lint after edit ${i} differs from a fresh lint`);
    }
  }
  linter.forget('bench');
  return latencies;
}

/** Times of a full parse and of the incremental re-parse after each edit, for the same edits as `relint`. */
function reparse(parser: Parser, source: string): { full: number; incremental: number[] } {
  const fulls: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    parser.parse(source)!.delete();
    fulls.push(performance.now() - t0);
  }
  let tree: Tree = parser.parse(source)!;
  let text = source;
  const incremental: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const next = editAt(text, i);
    const t0 = performance.now();
    const edit = textEditFor(text, next);
    if (edit) tree.edit(edit);
    const newTree = parser.parse(next, tree)!;
    incremental.push(performance.now() - t0);
    tree.delete();
    tree = newTree;
    text = next;
  }
  tree.delete();
  return { full: median(fulls), incremental };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function median(values: readonly number[]): number {
  return percentile(values, 50);
}

const print = (name: string, value: number | string, digits = 2) => console.log(`${name} ${typeof value === 'number' ? value.toFixed(digits) : value}`);

/**
 * Bare parse and full lint of `files`: each file parsed then linted, back to back (so a burst of
 * load on the machine hits both alike), over `rounds` rounds after a warm-up round, with a GC before
 * each. Medians of the rounds' totals.
 */
async function parseVsLint(files: readonly GenFile[], parsers: Map<LanguageId, Parser>, linter: Linter, rounds: number): Promise<{ parseMs: number; lintMs: number; findings: number }> {
  const parses: number[] = [];
  const lints: number[] = [];
  let findings = 0;
  for (let round = 0; round <= rounds; round++) {
    gc();
    let parseMs = 0;
    let lintMs = 0;
    findings = 0;
    for (const f of files) {
      const t0 = performance.now();
      parsers.get(f.language)!.parse(f.source)!.delete();
      const t1 = performance.now();
      findings += (await linter.lint(f.source, f.language)).findings.length;
      const t2 = performance.now();
      parseMs += t1 - t0;
      lintMs += t2 - t1;
    }
    if (round === 0) continue;
    parses.push(parseMs);
    lints.push(lintMs);
  }
  return { parseMs: median(parses), lintMs: median(lints), findings };
}

async function main(): Promise<void> {
  const all = fixtures();
  const { files, fixtureBytes } = generate(all);
  const totalBytes = files.reduce((n, f) => n + Buffer.byteLength(f.source), 0);
  const dir = mkdtempSync(path.join(tmpdir(), 'valkey-lint-bench-'));
  try {
    for (const f of files) writeFileSync(path.join(dir, f.file), f.source);
    print('lint.files', files.length, 0);
    print('lint.corpus_mb', totalBytes / 1e6);
    print('lint.fixture_share', fixtureBytes / files.reduce((n, f) => n + f.source.length, 0), 3);

    const linter = createLinter();
    const loader = new GrammarLoader(defaultGrammarDir());
    const parsers = new Map<LanguageId, Parser>();
    for (const f of files) {
      if (parsers.has(f.language)) continue;
      const language = await loader.load(f.language);
      const p = new Parser();
      p.setLanguage(language);
      parsers.set(f.language, p);
      await linter.preload(f.language);
    }

    const run = await parseVsLint(files, parsers, linter, ROUNDS);
    print('lint.findings', run.findings, 0);
    print('lint.bytes_per_finding', totalBytes / Math.max(1, run.findings), 0);
    print('lint.parse_ms', run.parseMs, 0);
    print('lint.full_lint_ms', run.lintMs, 0);
    print('lint.parse_throughput_mb_s', totalBytes / 1e6 / (run.parseMs / 1000));
    print('lint.throughput_mb_s', totalBytes / 1e6 / (run.lintMs / 1000));
    print('lint.ratio_vs_parse', run.lintMs / run.parseMs, 3);

    const dense = generateDense(all, Math.round(files.length / 8));
    const denseRun = await parseVsLint(dense, parsers, linter, 3);
    print('lint.dense_files', dense.length, 0);
    print('lint.dense_bytes_per_finding', dense.reduce((n, f) => n + f.source.length, 0) / Math.max(1, denseRun.findings), 0);
    print('lint.dense_ratio_vs_parse', denseRun.lintMs / denseRun.parseMs, 3);

    // Re-lint one 5,000-line file after each edit, as the editor does on each change.
    const worst: number[] = [];
    for (const kind of ['dense', 'typical'] as const) {
      const big = bigTypeScript(5000, kind);
      const { full, incremental } = reparse(parsers.get('typescript')!, big);
      const latencies = await relint(linter, big);
      print(`lint.relint_${kind}_file_lines`, big.split('\n').length, 0);
      print(`lint.relint_${kind}_findings`, (await linter.lint(big, 'typescript')).findings.length, 0);
      print(`lint.parse_5000_lines_${kind}_ms`, full);
      print(`lint.reparse_${kind}_p50_ms`, median(incremental));
      print(`lint.reparse_${kind}_p95_ms`, percentile(incremental, 95));
      print(`lint.relint_${kind}_p50_ms`, median(latencies));
      print(`lint.relint_${kind}_p95_ms`, percentile(latencies, 95));
      const fullLints: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        await linter.lint(big, 'typescript');
        fullLints.push(performance.now() - t0);
      }
      print(`lint.full_lint_5000_lines_${kind}_ms`, median(fullLints));
      worst.push(percentile(latencies, 95));
    }
    print('lint.relint_p95_ms', Math.max(...worst));

    // The same KEYS rule in ESLint (no-restricted-syntax) on the JavaScript part of the corpus.
    const js = files.filter((f) => f.language === 'javascript');
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
          languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
          rules: {
            'no-restricted-syntax': ['error', { selector: 'CallExpression[callee.property.name=/^(keys|KEYS)$/]', message: 'KEYS blocks the server: use SCAN' }],
          },
        },
      ],
    });
    const runEslint = async () => {
      const start = performance.now();
      let n = 0;
      for (const f of js) for (const r of await eslint.lintText(f.source, { filePath: path.join(dir, f.file) })) n += r.messages.length;
      return { ms: performance.now() - start, n };
    };
    const runOurs = async (options?: Parameters<typeof linter.lint>[2]) => {
      const start = performance.now();
      let n = 0;
      for (const f of js) n += (await linter.lint(f.source, f.language, options)).findings.length;
      return { ms: performance.now() - start, n };
    };
    await runEslint();
    await runOurs();
    const es = await runEslint();
    const ours = await runOurs();
    const oursKeys = await runOurs({ rules: { 'missing-ttl': 'off', 'no-flush': 'off', 'sentinel-as-server': 'off' } });
    print('lint.js_files', js.length, 0);
    print('lint.js_mb', js.reduce((n, f) => n + f.source.length, 0) / 1e6);
    print('lint.eslint_keys_rule_ms', es.ms, 0);
    print('lint.eslint_keys_findings', es.n, 0);
    print('lint.ours_all_rules_js_ms', ours.ms, 0);
    print('lint.ours_no_keys_only_js_ms', oursKeys.ms, 0);
    print('lint.ours_no_keys_findings', oursKeys.n, 0);
    print('lint.ours_to_eslint_ratio', ours.ms / es.ms, 3);
    print('lint.ours_no_keys_to_eslint_ratio', oursKeys.ms / es.ms, 3);
    for (const p of parsers.values()) p.delete();
    linter.dispose();
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
