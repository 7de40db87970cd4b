/**
 * Precision and recall of the lint engine on the real-code corpus (test/corpus/real), per rule and
 * language, through the CLI contract: each case folder is linted as one project with
 * `valkey-lint --format json --jobs 1 .`, and its warning and error findings of `no-keys` and
 * `missing-ttl` are matched with the manifest's labels (CONVENTIONS.md). A finding matches a
 * label of its rule in the same file when the label's line lies within the finding's lines.
 *
 *   node --import tsx scripts/real-corpus-score.ts [--verbose] [--json FILE] [--floors] [language...]
 *
 * `--floors` writes test/corpus/real/floors.json, the per-cell minimum test/unit/lint/realCorpus.score.test.ts holds.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../src/cli/valkey-lint';

export const CORPUS = path.resolve(__dirname, '../test/corpus/real');
export const RULES = ['no-keys', 'missing-ttl'] as const;
export type CorpusRule = (typeof RULES)[number];

interface Label {
  line: number;
  rule: string;
  why?: string;
}
interface ManifestFile {
  file: string;
  repo: string;
  path: string;
  commit: string;
  lines: [number, number];
  labels: Label[];
}
interface ManifestCase {
  case: string;
  files: ManifestFile[];
  negative?: boolean;
}
export interface Manifest {
  cases: ManifestCase[];
}

interface JsonFinding {
  file: string;
  line: number;
  endLine: number;
  rule: string;
  severity: string;
  message: string;
}

export interface Cell {
  tp: number;
  fp: number;
  fn: number;
}

export interface Miss {
  language: string;
  case: string;
  file: string;
  line: number;
  rule: string;
  kind: 'false-positive' | 'false-negative';
  text: string;
}

export interface RealScore {
  cells: Record<string, Cell>;
  misses: Miss[];
  cases: number;
  negatives: number;
  negativesFlagged: number;
}

export const cellKey = (rule: string, language: string): string => `${rule}/${language}`;

export function languages(): string[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(CORPUS, e.name, 'manifest.json')))
    .map((e) => e.name)
    .sort();
}

export function manifestOf(language: string): Manifest {
  return JSON.parse(readFileSync(path.join(CORPUS, language, 'manifest.json'), 'utf8')) as Manifest;
}

async function lintCase(dir: string): Promise<JsonFinding[]> {
  let stdout = '';
  const code = await runCli(['--format', 'json', '--jobs', '1', '.'], { stdout: (t) => (stdout += t), stderr: () => undefined, cwd: dir });
  if (code === 2) throw new Error(`valkey-lint refused ${dir}`);
  return JSON.parse(stdout) as JsonFinding[];
}

export async function scoreReal(only: readonly string[] = []): Promise<RealScore> {
  const score: RealScore = { cells: {}, misses: [], cases: 0, negatives: 0, negativesFlagged: 0 };
  const cell = (rule: string, language: string): Cell => (score.cells[cellKey(rule, language)] ??= { tp: 0, fp: 0, fn: 0 });
  for (const language of languages()) {
    if (only.length && !only.includes(language)) continue;
    for (const c of manifestOf(language).cases) {
      score.cases++;
      if (c.negative) score.negatives++;
      const dir = path.join(CORPUS, language, c.case);
      // One finding per file, line and rule (CONVENTIONS.md: a line queuing several writes holds one label).
      const seenLines = new Set<string>();
      const findings = (await lintCase(dir))
        .filter((f) => (RULES as readonly string[]).includes(f.rule) && (f.severity === 'warning' || f.severity === 'error'))
        .filter((f) => !seenLines.has(`${f.file}\0${f.line}\0${f.rule}`) && Boolean(seenLines.add(`${f.file}\0${f.line}\0${f.rule}`)));
      const used = new Set<JsonFinding>();
      const text = (file: string, line: number): string => (readFileSync(path.join(dir, file), 'utf8').split('\n')[line - 1] ?? '').trim().slice(0, 160);
      for (const f of c.files) {
        for (const label of f.labels) {
          if (!(RULES as readonly string[]).includes(label.rule)) continue;
          const hit = findings.find((x) => !used.has(x) && x.file === f.file && x.rule === label.rule && x.line <= label.line && label.line <= x.endLine);
          if (hit) {
            used.add(hit);
            cell(label.rule, language).tp++;
          } else {
            cell(label.rule, language).fn++;
            score.misses.push({ language, case: c.case, file: f.file, line: label.line, rule: label.rule, kind: 'false-negative', text: text(f.file, label.line) });
          }
        }
      }
      let flagged = false;
      for (const x of findings) {
        if (used.has(x)) continue;
        flagged = true;
        cell(x.rule, language).fp++;
        score.misses.push({ language, case: c.case, file: x.file, line: x.line, rule: x.rule, kind: 'false-positive', text: text(x.file, x.line) });
      }
      if (c.negative && flagged) score.negativesFlagged++;
      for (const rule of RULES) cell(rule, language);
    }
  }
  return score;
}

export const precision = (c: Cell): number => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Cell): number => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));

export function table(score: RealScore): string {
  const rows = Object.entries(score.cells)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, c]) => `| ${k.replace('/', ' | ')} | ${c.tp} | ${c.fp} | ${c.fn} | ${precision(c).toFixed(2)} | ${recall(c).toFixed(2)} |`);
  const total = Object.values(score.cells).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return [
    '| rule | language | tp | fp | fn | precision | recall |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    `| all | all | ${total.tp} | ${total.fp} | ${total.fn} | ${precision(total).toFixed(2)} | ${recall(total).toFixed(2)} |`,
    '',
    `${score.cases} cases, ${score.negatives} pure negatives (${score.negativesFlagged} flagged)`,
  ].join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const writeFloors = args.includes('--floors');
  const jsonAt = args.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
  const only = args.filter((a, i) => !a.startsWith('--') && (jsonAt < 0 || i !== jsonAt + 1));
  void scoreReal(only).then((score) => {
    console.log(table(score));
    if (verbose) for (const m of score.misses) console.log(`${m.kind}\t${m.rule}\t${m.language}/${m.case}/${m.file}:${m.line}\t${m.text}`);
    if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(score, null, 2)}\n`);
    if (writeFloors) {
      const floors = Object.fromEntries(
        Object.entries(score.cells)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, c]) => [k, { precision: Math.floor(precision(c) * 100) / 100, recall: Math.floor(recall(c) * 100) / 100 }]),
      );
      writeFileSync(path.join(CORPUS, 'floors.json'), `${JSON.stringify(floors, null, 2)}\n`);
    }
  });
}
