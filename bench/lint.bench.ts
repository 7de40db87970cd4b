/**
 * Lint engine benchmarks: `node --import tsx bench/lint.bench.ts [--files N] [--mb M]`.
 *
 * Generates a corpus (default at least 2,000 files and 20 MB) in a temporary folder from the
 * labelled fixtures with variations, then prints one figure per line:
 *   - throughput of a full lint, and the ratio of full lint time to bare tree-sitter parse time of
 *     the same files in the same run;
 *   - latency of re-linting a 5,000-line file after an edit (p50/p95), the way the editor does it;
 *   - our time on the JavaScript part of the corpus against ESLint running the same KEYS rule as
 *     `no-restricted-syntax`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { Parser } from '@vscode/tree-sitter-wasm';
import { corpusFiles } from '../scripts/lint-corpus-score';
import { createLinter, languageFromPath } from '../src/lint/index';
import type { LanguageId } from '../src/lint/index';
import { GrammarLoader, defaultGrammarDir } from '../src/lint/parser/runtime';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const MIN_FILES = arg('--files', 2000);
const MIN_MB = arg('--mb', 20);
const FIXTURES = path.resolve(__dirname, '../test/fixtures/lint');

interface GenFile {
  file: string;
  language: LanguageId;
  source: string;
}

/** Lines a file keeps once at its top: package, imports, usings, namespace, PHP open tag. */
const HEADER = /^\s*(?:$|\/\/|#(?!\s*expect)|\/\*|\*|<\?php|package |import |from \S+ import|using |namespace |require |use |declare\(|'use strict')/;

function splitHeader(source: string): { header: string; body: string } {
  const lines = source.split('\n');
  let i = 0;
  while (i < lines.length && HEADER.test(lines[i]!) && !/^\s*import \w+ from ['"]\.\//.test(lines[i]!)) i++;
  return { header: lines.slice(0, i).join('\n'), body: lines.slice(i).join('\n') };
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

function generate(): GenFile[] {
  const fixtures = corpusFiles(FIXTURES).map((file) => ({ file, language: languageFromPath(file)!, ...splitHeader(readFileSync(file, 'utf8')) }));
  const out: GenFile[] = [];
  let bytes = 0;
  for (let i = 0; out.length < MIN_FILES || bytes < MIN_MB * 1_000_000; i++) {
    const f = fixtures[i % fixtures.length]!;
    const copies = 2 + (i % 5);
    const parts = [f.header];
    for (let c = 0; c < copies; c++) parts.push(wrap(f.language, vary(f.body, i * 10 + c)));
    const source = parts.join('\n');
    const ext = path.extname(f.file);
    out.push({ file: `${path.basename(f.file, ext)}_${i}${ext}`, language: f.language, source });
    bytes += source.length;
  }
  return out;
}

/**
 * A TypeScript file of `lines` lines built from the TypeScript fixtures; with `share` < 1, only that
 * share of the copies talks to Valkey and the others are the same code on an in-memory store.
 */
export function bigTypeScript(lines: number, share: number): string {
  const ts = corpusFiles(FIXTURES).filter((f) => f.endsWith('.ts'));
  const { header } = splitHeader(readFileSync(ts[0]!, 'utf8'));
  const parts = [header];
  let count = header.split('\n').length;
  for (let i = 0; count < lines; i++) {
    let body = vary(splitHeader(readFileSync(ts[i % ts.length]!, 'utf8')).body, i);
    if (share < 1 && i % Math.round(1 / share) !== 0) {
      body = body.replace(/redis|valkey|sentinel|26379|glide/gi, 'store').replace(/\bRedis\b/g, 'Store');
    }
    parts.push(body);
    count += body.split('\n').length;
  }
  return parts.join('\n').split('\n').slice(0, lines).join('\n');
}

/** Latencies of `lintDocument` after each of `edits` small edits spread over the file. */
async function relint(linter: ReturnType<typeof createLinter>, source: string, edits: number): Promise<number[]> {
  await linter.lintDocument('bench', source, 'typescript');
  const latencies: number[] = [];
  let text = source;
  const lineCount = source.split('\n').length;
  for (let i = 0; i < edits; i++) {
    const line = (i * 7919) % lineCount;
    const lines = text.split('\n');
    lines[line] = i % 3 === 0 ? `${lines[line]} ` : i % 3 === 1 ? `  // edit ${i}\n${lines[line]}` : lines[line]!.replace(/(\w)(\W*)$/, '$1$1$2');
    text = lines.slice(0, lineCount).join('\n');
    const t0 = performance.now();
    await linter.lintDocument('bench', text, 'typescript');
    latencies.push(performance.now() - t0);
  }
  linter.forget('bench');
  return latencies;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const print = (name: string, value: number | string, digits = 2) => console.log(`${name} ${typeof value === 'number' ? value.toFixed(digits) : value}`);

async function main(): Promise<void> {
  const files = generate();
  const totalBytes = files.reduce((n, f) => n + Buffer.byteLength(f.source), 0);
  const dir = mkdtempSync(path.join(tmpdir(), 'valkey-lint-bench-'));
  try {
    for (const f of files) writeFileSync(path.join(dir, f.file), f.source);
    print('lint.files', files.length, 0);
    print('lint.corpus_mb', totalBytes / 1e6);

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

    const parseAll = () => {
      const t0 = performance.now();
      for (const f of files) parsers.get(f.language)!.parse(f.source)!.delete();
      return performance.now() - t0;
    };
    const lintAll = async () => {
      let findings = 0;
      const t0 = performance.now();
      for (const f of files) findings += (await linter.lint(f.source, f.language)).findings.length;
      return { ms: performance.now() - t0, findings };
    };
    // Warm up both paths, then alternate and keep each one's best round.
    parseAll();
    await lintAll();
    let parseMs = Infinity;
    let lintMs = Infinity;
    let findings = 0;
    for (let round = 0; round < 2; round++) {
      parseMs = Math.min(parseMs, parseAll());
      const l = await lintAll();
      lintMs = Math.min(lintMs, l.ms);
      findings = l.findings;
    }
    print('lint.findings', findings, 0);
    print('lint.parse_ms', parseMs, 0);
    print('lint.full_lint_ms', lintMs, 0);
    print('lint.parse_throughput_mb_s', totalBytes / 1e6 / (parseMs / 1000));
    print('lint.throughput_mb_s', totalBytes / 1e6 / (lintMs / 1000));
    print('lint.lint_to_parse_ratio', lintMs / parseMs, 3);

    // Re-lint one 5,000-line file after an edit, as the editor does on each change: once for a file
    // made only of fixture code (an op every few lines), once for a file where a tenth of the code
    // talks to Valkey and the rest is the same code turned into plain in-memory logic.
    for (const [label, share] of [['dense', 1], ['typical', 0.1]] as const) {
      const big = bigTypeScript(5000, share);
      const latencies = await relint(linter, big, 300);
      print(`lint.relint_${label}_file_lines`, big.split('\n').length, 0);
      print(`lint.relint_${label}_findings`, (await linter.lint(big, 'typescript')).findings.length, 0);
      print(`lint.relint_${label}_p50_ms`, percentile(latencies, 50));
      print(`lint.relint_${label}_p95_ms`, percentile(latencies, 95));
      const t0 = performance.now();
      await linter.lint(big, 'typescript');
      print(`lint.full_lint_${label}_5000_lines_ms`, performance.now() - t0);
    }

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
