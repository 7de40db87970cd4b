import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { checkCorpus, defaultCorpusDir, readManifest, rebuildCase } from '../../../scripts/real-corpus';

// The languages whose corpus is built to the targets; other languages present must still
// validate and hold at least 25 cases.
const builtHere = ['javascript', 'typescript', 'python', 'go'];

test('every manifest of the real-code corpus matches its excerpt files and labels name their command', () => {
  const result = checkCorpus(defaultCorpusDir);
  assert.deepEqual(result.problems, []);
  assert.ok(result.languages.size > 0, 'no language manifest under test/corpus/real');
});

test('each language holds at least 25 cases, with cross-file cases, and the four languages built here meet the rule and negative targets', () => {
  const { languages } = checkCorpus(defaultCorpusDir);
  for (const [language, counts] of languages) {
    assert.ok(counts.cases >= 25, `${language}: only ${counts.cases} cases`);
  }
  let noKeys = 0;
  let missingTtl = 0;
  let negatives = 0;
  for (const language of builtHere) {
    const counts = languages.get(language);
    assert.ok(counts, `no ${language} corpus`);
    assert.ok(counts.crossFile >= 3, `${language}: only ${counts.crossFile} cross-file cases`);
    assert.ok(counts.casesWith['no-keys'] > 0 && counts.casesWith['missing-ttl'] > 0, `${language}: a rule has no positive case`);
    noKeys += counts.casesWith['no-keys'];
    missingTtl += counts.casesWith['missing-ttl'];
    negatives += counts.negatives;
  }
  assert.ok(noKeys >= 50, `only ${noKeys} cases with a no-keys label`);
  assert.ok(missingTtl >= 50, `only ${missingTtl} cases with a missing-ttl label`);
  assert.ok(negatives >= 50, `only ${negatives} pure negatives`);
});

test('the check reports an excerpt that lost a line and a label on a line without its command', () => {
  const copy = mkdtempSync(path.join(tmpdir(), 'real-corpus-'));
  try {
    const language = builtHere.find((name) => checkCorpus(defaultCorpusDir).languages.has(name));
    assert.ok(language);
    cpSync(path.join(defaultCorpusDir, language), path.join(copy, language), { recursive: true });
    const manifestFile = path.join(copy, language, 'manifest.json');
    const manifest = readManifest(manifestFile);
    const labelled = manifest.cases.find((entry) => entry.files.some((file) => file.labels.length > 0));
    assert.ok(labelled);
    const excerpt = labelled.files.find((file) => file.labels.length > 0)!;
    const excerptFile = path.join(copy, language, labelled.case, excerpt.file);
    const lines = readFileSync(excerptFile, 'utf8').split('\n');
    const label = excerpt.labels[0]!;
    // Blank the labelled line (the command disappears) and add a line (the count no longer matches).
    lines[label.line - 1] = '';
    lines.push('one line more');
    writeFileSync(excerptFile, lines.join('\n'));
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const problems = checkCorpus(copy).problems.filter((problem) => problem.startsWith(`${language}/${labelled.case}/`));
    assert.ok(problems.some((problem) => problem.includes('names no such command')), problems.join('\n'));
    assert.ok(problems.some((problem) => problem.includes('the manifest says')), problems.join('\n'));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test('rebuild re-creates a case from its repository at the recorded commit and line range', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'real-corpus-rebuild-'));
  try {
    const repo = path.join(work, 'repo');
    mkdirSync(path.join(repo, 'src'), { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { encoding: 'utf8' }).trim();
    git('init', '-q');
    const source = ['import Redis from "ioredis";', 'const redis = new Redis();', 'export async function all() {', '  return redis.keys("*");', '}'];
    writeFileSync(path.join(repo, 'src/cache.ts'), `${source.join('\n')}\n`);
    git('add', 'src/cache.ts');
    git('commit', '-q', '-m', 'first');
    const commit = git('rev-parse', 'HEAD');
    // A later commit changes the file: rebuild must still read the recorded commit.
    writeFileSync(path.join(repo, 'src/cache.ts'), 'changed\n');
    git('commit', '-q', '-am', 'second');

    const corpus = path.join(work, 'corpus');
    mkdirSync(path.join(corpus, 'typescript'), { recursive: true });
    const manifest = {
      cases: [
        {
          case: 'demo',
          files: [
            {
              file: 'src/cache.ts',
              repo: 'owner/demo',
              path: 'src/cache.ts',
              commit,
              lines: [2, 4],
              labels: [{ line: 3, rule: 'no-keys', why: 'redis.keys("*")' }],
            },
          ],
          negative: false,
          labelledBefore: 'engine',
        },
      ],
      changes: [],
    };
    writeFileSync(path.join(corpus, 'typescript', 'manifest.json'), JSON.stringify(manifest));
    rebuildCase(corpus, 'typescript', 'demo', path.join(repo, '.git'));
    assert.equal(readFileSync(path.join(corpus, 'typescript/demo/src/cache.ts'), 'utf8'), `${source.slice(1, 4).join('\n')}\n`);
    assert.deepEqual(checkCorpus(corpus).problems, []);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
