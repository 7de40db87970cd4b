/**
 * Precision and recall of the lint engine on the labelled corpus (test/fixtures/lint), per rule and
 * language. A label is a trailing comment on the line of the expected finding:
 * `// expect: no-keys`, `# expect: missing-ttl, no-keys`, `-- expect: no-keys` (inside Lua);
 * `ok: <why>` marks a tricky negative. Every finding on a line without a matching label is a false
 * positive.
 *
 *   npx tsx scripts/lint-corpus-score.ts [--verbose] [corpus dir]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter, languageFromPath, rules } from '../src/lint/index';
import type { LanguageId, RuleId } from '../src/lint/index';

const LABEL = /(?:\/\/|#|--|\/\*)\s*expect:\s*([\w-]+(?:\s*,\s*[\w-]+)*)/;
const NEGATIVE = /(?:\/\/|#|--|\/\*)\s*ok:/;

export interface Cell {
  tp: number;
  fp: number;
  fn: number;
}

export interface Mismatch {
  file: string;
  line: number;
  rule: RuleId;
  kind: 'false-positive' | 'false-negative';
  text: string;
}

export interface CorpusScore {
  cells: Map<string, Cell>;
  mismatches: Mismatch[];
  files: number;
  negatives: number;
  negativeHits: Mismatch[];
  labelled: number;
}

export function cellKey(rule: RuleId, language: LanguageId): string {
  return `${rule}\t${language}`;
}

export function corpusFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && languageFromPath(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

export async function scoreCorpus(dir: string): Promise<CorpusScore> {
  const linter = createLinter();
  const score: CorpusScore = { cells: new Map(), mismatches: [], files: 0, negatives: 0, negativeHits: [], labelled: 0 };
  try {
    for (const file of corpusFiles(dir)) {
      const language = languageFromPath(file)!;
      const source = readFileSync(file, 'utf8');
      const lines = source.split('\n');
      const expected = new Set<string>();
      const negatives = new Set<number>();
      lines.forEach((text, i) => {
        const m = LABEL.exec(text);
        if (m) for (const r of m[1]!.split(/\s*,\s*/)) expected.add(`${i + 1}\t${r}`);
        if (NEGATIVE.test(text)) negatives.add(i + 1);
      });
      score.negatives += negatives.size;
      score.labelled += expected.size;
      const result = await linter.lint(source, language);
      if (result.skipped) throw new Error(`${file} was skipped: ${result.skipped.reason} ${result.skipped.detail}`);
      const actual = new Set(result.findings.map((f) => `${f.range.start.line + 1}\t${f.rule}`));
      const rel = path.relative(dir, file);
      const cell = (rule: RuleId) => {
        const key = cellKey(rule, language);
        let c = score.cells.get(key);
        if (!c) score.cells.set(key, (c = { tp: 0, fp: 0, fn: 0 }));
        return c;
      };
      for (const a of actual) {
        const [line, rule] = a.split('\t') as [string, RuleId];
        if (expected.has(a)) cell(rule).tp++;
        else {
          cell(rule).fp++;
          const mismatch: Mismatch = { file: rel, line: Number(line), rule, kind: 'false-positive', text: lines[Number(line) - 1]!.trim() };
          score.mismatches.push(mismatch);
          if (negatives.has(Number(line))) score.negativeHits.push(mismatch);
        }
      }
      for (const e of expected) {
        if (actual.has(e)) continue;
        const [line, rule] = e.split('\t') as [string, RuleId];
        if (!rules.some((r) => r.id === rule)) throw new Error(`${rel}:${line}: unknown rule "${rule}" in a label`);
        cell(rule).fn++;
        score.mismatches.push({ file: rel, line: Number(line), rule, kind: 'false-negative', text: lines[Number(line) - 1]!.trim() });
      }
      score.files++;
    }
  } finally {
    linter.dispose();
  }
  return score;
}

export function precision(c: Cell): number {
  return c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
}

export function recall(c: Cell): number {
  return c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const dir = args.find((a) => !a.startsWith('--')) ?? path.join(__dirname, '..', 'test', 'fixtures', 'lint');
  const score = await scoreCorpus(dir);
  const rows = [...score.cells.entries()].sort(([a], [b]) => a.localeCompare(b));
  console.log(`${'rule'.padEnd(20)}${'language'.padEnd(12)}${'TP'.padStart(5)}${'FP'.padStart(5)}${'FN'.padStart(5)}${'precision'.padStart(11)}${'recall'.padStart(9)}`);
  const total: Cell = { tp: 0, fp: 0, fn: 0 };
  for (const [key, c] of rows) {
    const [rule, language] = key.split('\t');
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    console.log(`${rule!.padEnd(20)}${language!.padEnd(12)}${String(c.tp).padStart(5)}${String(c.fp).padStart(5)}${String(c.fn).padStart(5)}${precision(c).toFixed(3).padStart(11)}${recall(c).toFixed(3).padStart(9)}`);
  }
  console.log(`${'all'.padEnd(32)}${String(total.tp).padStart(5)}${String(total.fp).padStart(5)}${String(total.fn).padStart(5)}${precision(total).toFixed(3).padStart(11)}${recall(total).toFixed(3).padStart(9)}`);
  console.log(`${score.files} files, ${score.labelled} labelled findings, ${score.negatives} tricky negatives (${score.negativeHits.length} flagged)`);
  if (verbose || score.mismatches.length) {
    for (const m of score.mismatches) console.log(`${m.kind} ${m.rule} ${m.file}:${m.line}  ${m.text}`);
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
