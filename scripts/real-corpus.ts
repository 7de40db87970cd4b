/**
 * The real-code lint corpus (test/corpus/real, see CONVENTIONS.md there): excerpts of public
 * repositories with their provenance and labels in one manifest.json per language.
 *
 *   npx tsx scripts/real-corpus.ts check [corpus dir]
 *       validates every manifest: the excerpt files exist and hold exactly the recorded line range,
 *       every label points at a line of its excerpt that names the command, pure negatives carry no
 *       label, and no excerpt file on disk is missing from its manifest. Prints counts per language.
 *   npx tsx scripts/real-corpus.ts rebuild <language> <case> <bare git dir> [corpus dir]
 *       re-creates the excerpt files of one case from a clone of its repository
 *       (`git show <commit>:<path>`, then the recorded lines).
 *
 * Neither verb runs the lint engine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const corpusRules = ['no-keys', 'missing-ttl'] as const;
export type CorpusRule = (typeof corpusRules)[number];

/** What a labelled line must name: the command (or a client method spelling of it). */
const commandOnLine: Record<CorpusRule, RegExp> = {
  'no-keys': /keys/i,
  // SET, SETNX, MSET(NX), GETSET, StringSet, opsForValue().set, RBucket.set; INCR(BY/BYFLOAT),
  // DECR(BY), StringIncrement, increment, incrementAndGet, addAndGet.
  'missing-ttl': /set|incr|decr|increment|addandget/i,
};

export interface Label {
  line: number;
  rule: CorpusRule;
  why: string;
  /** For a label at the caller of a project wrapper: the wrapper's name, which the line must hold. */
  call?: string;
}

export interface ExcerptFile {
  file: string;
  repo: string;
  path: string;
  commit: string;
  lines: [number, number];
  labels: Label[];
}

export interface CorpusCase {
  case: string;
  files: ExcerptFile[];
  negative: boolean;
  labelledBefore: string;
  notes?: string;
}

export interface LabelChange {
  case: string;
  file: string;
  line: number;
  rule: CorpusRule;
  from: 'label' | 'none';
  to: 'label' | 'none';
  why: string;
}

export interface Manifest {
  cases: CorpusCase[];
  changes: LabelChange[];
}

export interface LanguageCounts {
  cases: number;
  /** Cases holding at least one label of the rule. */
  casesWith: Record<CorpusRule, number>;
  labels: Record<CorpusRule, number>;
  negatives: number;
  crossFile: number;
  repositories: number;
}

export interface CheckResult {
  problems: string[];
  languages: Map<string, LanguageCounts>;
}

export const defaultCorpusDir = path.resolve(__dirname, '../test/corpus/real');

/** The lines of a text as the manifest counts them (a final newline ends the last line). */
export function textLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function readManifest(file: string): Manifest {
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

export function corpusLanguages(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, 'manifest.json')))
    .sort();
}

function filesUnder(dir: string, prefix = ''): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const relative = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) found.push(...filesUnder(full, relative));
    else found.push(relative);
  }
  return found;
}

function checkFile(where: string, excerpt: ExcerptFile, caseDir: string, problems: string[]): void {
  if (!/^[\w.-]+\/[\w.-]+$/.test(excerpt.repo ?? '')) problems.push(`${where}: repo "${excerpt.repo}" is not owner/name`);
  if (!/^[0-9a-f]{40}$/.test(excerpt.commit ?? '')) problems.push(`${where}: commit "${excerpt.commit}" is not 40 hex digits`);
  if (!excerpt.path) problems.push(`${where}: no path in the repository`);
  const range = excerpt.lines;
  if (!Array.isArray(range) || range.length !== 2 || !Number.isInteger(range[0]) || !Number.isInteger(range[1]) || range[0] < 1 || range[1] < range[0]) {
    problems.push(`${where}: lines ${JSON.stringify(range)} is not [first, last] with 1 <= first <= last`);
    return;
  }
  const full = path.join(caseDir, excerpt.file);
  if (!existsSync(full)) {
    problems.push(`${where}: the excerpt file is missing`);
    return;
  }
  const lines = textLines(readFileSync(full, 'utf8'));
  const expected = range[1] - range[0] + 1;
  if (lines.length !== expected) problems.push(`${where}: holds ${lines.length} lines, the manifest says ${expected} (${range[0]}-${range[1]})`);
  for (const label of excerpt.labels ?? []) {
    const at = `${where}:${label.line}`;
    if (!(corpusRules as readonly string[]).includes(label.rule)) {
      problems.push(`${at}: unknown rule "${label.rule}"`);
      continue;
    }
    if (!label.why) problems.push(`${at}: the label has no why`);
    const text = Number.isInteger(label.line) ? lines[label.line - 1] : undefined;
    if (text === undefined) problems.push(`${at}: the label's line is outside the excerpt (${lines.length} lines)`);
    else if (label.call !== undefined) {
      if (!label.call || !text.includes(label.call)) problems.push(`${at}: the line does not call the wrapper "${label.call}": ${text.trim()}`);
    } else if (!commandOnLine[label.rule].test(text)) problems.push(`${at}: ${label.rule} label on a line that names no such command: ${text.trim()}`);
  }
  const seen = new Set<string>();
  for (const label of excerpt.labels ?? []) {
    const key = `${label.line}\t${label.rule}`;
    if (seen.has(key)) problems.push(`${where}:${label.line}: ${label.rule} labelled twice`);
    seen.add(key);
  }
}

export function checkLanguage(root: string, language: string): { problems: string[]; counts: LanguageCounts } {
  const problems: string[] = [];
  const dir = path.join(root, language);
  const counts: LanguageCounts = {
    cases: 0,
    casesWith: { 'no-keys': 0, 'missing-ttl': 0 },
    labels: { 'no-keys': 0, 'missing-ttl': 0 },
    negatives: 0,
    crossFile: 0,
    repositories: 0,
  };
  let manifest: Manifest;
  try {
    manifest = readManifest(path.join(dir, 'manifest.json'));
  } catch (error) {
    problems.push(`${language}/manifest.json: ${(error as Error).message}`);
    return { problems, counts };
  }
  if (!Array.isArray(manifest.cases)) problems.push(`${language}/manifest.json: no "cases" array`);
  if (!Array.isArray(manifest.changes)) problems.push(`${language}/manifest.json: no "changes" array`);
  const cases = Array.isArray(manifest.cases) ? manifest.cases : [];
  const names = new Set<string>();
  const repositories = new Set<string>();
  for (const entry of cases) {
    const where = `${language}/${entry.case}`;
    if (!entry.case || !/^[\w.-]+$/.test(entry.case)) problems.push(`${where}: the case name must be a folder name`);
    if (names.has(entry.case)) problems.push(`${where}: the case is listed twice`);
    names.add(entry.case);
    if (!entry.labelledBefore) problems.push(`${where}: no labelledBefore`);
    const files = Array.isArray(entry.files) ? entry.files : [];
    if (files.length === 0) problems.push(`${where}: no files`);
    const caseDir = path.join(dir, entry.case);
    const paths = new Set<string>();
    const origins = new Set<string>();
    const withRule = new Set<CorpusRule>();
    for (const excerpt of files) {
      if (paths.has(excerpt.file)) problems.push(`${where}/${excerpt.file}: listed twice`);
      paths.add(excerpt.file);
      origins.add(`${excerpt.repo}@${excerpt.commit}`);
      repositories.add(excerpt.repo);
      checkFile(`${where}/${excerpt.file}`, excerpt, caseDir, problems);
      for (const label of excerpt.labels ?? []) {
        if (label.rule in counts.labels) {
          counts.labels[label.rule] += 1;
          withRule.add(label.rule);
        }
      }
    }
    if (origins.size > 1) problems.push(`${where}: a case's files must come from one repository at one commit (${[...origins].join(', ')})`);
    const labelCount = files.reduce((sum, excerpt) => sum + (excerpt.labels?.length ?? 0), 0);
    if (entry.negative && labelCount > 0) problems.push(`${where}: marked negative but holds ${labelCount} labels`);
    if (!entry.negative && labelCount === 0) problems.push(`${where}: no label and not marked negative`);
    if (existsSync(caseDir)) {
      for (const onDisk of filesUnder(caseDir)) {
        if (!paths.has(onDisk)) problems.push(`${where}/${onDisk}: on disk but not in the manifest`);
      }
    }
    counts.cases += 1;
    if (entry.negative) counts.negatives += 1;
    if (files.length > 1) counts.crossFile += 1;
    for (const rule of withRule) counts.casesWith[rule] += 1;
  }
  for (const name of readdirSync(dir)) {
    if (name !== 'manifest.json' && !names.has(name)) problems.push(`${language}/${name}: not a case of the manifest`);
  }
  for (const change of Array.isArray(manifest.changes) ? manifest.changes : []) {
    if (!names.has(change.case)) problems.push(`${language} changes: unknown case "${change.case}"`);
    if (!change.why) problems.push(`${language} changes: ${change.case}/${change.file}:${change.line} has no why`);
  }
  counts.repositories = repositories.size;
  return { problems, counts };
}

export function checkCorpus(root: string = defaultCorpusDir): CheckResult {
  const problems: string[] = [];
  const languages = new Map<string, LanguageCounts>();
  for (const language of corpusLanguages(root)) {
    const result = checkLanguage(root, language);
    problems.push(...result.problems);
    languages.set(language, result.counts);
  }
  return { problems, languages };
}

/** Re-creates the excerpt files of one case from a clone (bare or not) of its repository. */
export function rebuildCase(root: string, language: string, caseName: string, gitDir: string): string[] {
  const manifest = readManifest(path.join(root, language, 'manifest.json'));
  const entry = manifest.cases.find((candidate) => candidate.case === caseName);
  if (!entry) throw new Error(`no case "${caseName}" in ${language}/manifest.json`);
  const written: string[] = [];
  for (const excerpt of entry.files) {
    const text = execFileSync('git', ['--git-dir', gitDir, 'show', `${excerpt.commit}:${excerpt.path}`], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const lines = textLines(text);
    const [first, last] = excerpt.lines;
    if (last > lines.length) throw new Error(`${excerpt.repo}:${excerpt.path} at ${excerpt.commit} has ${lines.length} lines, fewer than ${last}`);
    const target = path.join(root, language, caseName, excerpt.file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, `${lines.slice(first - 1, last).join('\n')}\n`);
    written.push(target);
  }
  return written;
}

function formatCounts(language: string, counts: LanguageCounts): string {
  return (
    `${language.padEnd(11)} ${String(counts.cases).padStart(3)} cases, ` +
    `no-keys ${counts.casesWith['no-keys']} cases/${counts.labels['no-keys']} labels, ` +
    `missing-ttl ${counts.casesWith['missing-ttl']} cases/${counts.labels['missing-ttl']} labels, ` +
    `${counts.negatives} pure negatives, ${counts.crossFile} cross-file, ${counts.repositories} repositories`
  );
}

function main(argv: string[]): number {
  const [verb, ...rest] = argv;
  if (verb === 'check') {
    const result = checkCorpus(rest[0] ? path.resolve(rest[0]) : defaultCorpusDir);
    for (const [language, counts] of result.languages) console.log(formatCounts(language, counts));
    for (const problem of result.problems) console.error(`problem: ${problem}`);
    console.log(result.problems.length === 0 ? 'no problems' : `${result.problems.length} problems`);
    return result.problems.length === 0 ? 0 : 1;
  }
  if (verb === 'rebuild' && rest.length >= 3) {
    const [language, caseName, gitDir, root] = rest as [string, string, string, string | undefined];
    for (const file of rebuildCase(root ? path.resolve(root) : defaultCorpusDir, language, caseName, gitDir)) console.log(`wrote ${file}`);
    return 0;
  }
  console.error('usage: real-corpus.ts check [corpus dir] | rebuild <language> <case> <git dir> [corpus dir]');
  return 2;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
