import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { VERSION } from '../../../src/cli/valkey-lint';
import { FLUSH_RB, KEYS_JS, NO_TTL_PY, findingsOf, project, run, where } from './cliSupport';

const root = path.resolve(__dirname, '../../..');

test('--version prints the version of package.json and of the standalone package', async () => {
  const dir = await project({});
  const r = await run(['--version'], dir);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, `valkey-lint ${VERSION}\n`);
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  assert.equal(VERSION, pkg.version);
});

test('--fail-on: the default (warning) passes an info-only run; info fails it; never always passes; error needs an error', async () => {
  const dir = await project({ 'src/a.js': KEYS_JS });
  // Only info findings: no-keys turned down to info.
  assert.equal((await run(['--rule', 'no-keys=info', 'src'], dir)).code, 0);
  assert.equal((await run(['--rule', 'no-keys=info', '--fail-on', 'info', 'src'], dir)).code, 1);
  assert.equal((await run(['--fail-on=never', '--rule', 'no-keys=error', 'src'], dir)).code, 0);
  assert.equal((await run(['--fail-on', 'error', 'src'], dir)).code, 0, 'a warning does not fail --fail-on error');
  assert.equal((await run(['--fail-on', 'error', '--rule', 'no-keys=error', 'src'], dir)).code, 1);
  assert.equal((await run(['src'], dir)).code, 1, 'a warning fails the default');
  const bad = await run(['--fail-on', 'warn', 'src'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--fail-on warn: use error, warning, info or never/);
});

test('--max-warnings N fails only above N warnings, whatever --fail-on says', async () => {
  const dir = await project({ 'src/a.js': KEYS_JS, 'src/b.rb': FLUSH_RB });
  assert.equal((await run(['--fail-on', 'never', '--max-warnings', '2', 'src'], dir)).code, 0);
  const over = await run(['--fail-on', 'never', '--max-warnings', '1', 'src'], dir);
  assert.equal(over.code, 1);
  assert.match(over.stdout, /2 warnings is more than --max-warnings 1/);
  assert.equal((await run(['--max-warnings', '-1', 'src'], dir)).code, 2);
});

test('--quiet reports errors only, and only they count', async () => {
  const dir = await project({ 'src/a.js': KEYS_JS, 'src/b.rb': FLUSH_RB });
  const quiet = await run(['--quiet', '--format', 'json', '--rule', 'no-flush=error', 'src'], dir);
  assert.deepEqual(where(quiet), ['src/b.rb:2:no-flush:error']);
  assert.equal(quiet.code, 1);
  const none = await run(['--quiet', 'src'], dir);
  assert.equal(none.code, 0);
  assert.match(none.stdout, /no findings/);
});

test('a PATH that does not exist is a usage error wherever it stands among real ones', async () => {
  const dir = await project({ 'src/a.js': KEYS_JS });
  for (const args of [['src', 'nope'], ['nope', 'src'], ['src/a.js', 'src/typo.js', 'src']]) {
    const r = await run(args, dir);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /no such file or directory: (nope|src\/typo\.js)/);
    assert.equal(r.stdout, '', 'nothing is linted');
  }
});

test('--exclude GLOB (repeatable) leaves out files and folders, also files named on the command line', async () => {
  const dir = await project({ 'src/a.js': KEYS_JS, 'src/gen/b.js': KEYS_JS, 'src/c.min.js': KEYS_JS, 'lib/d.py': NO_TTL_PY });
  const r = await run(['--format', 'json', '--exclude', 'gen/', '--exclude=*.min.js', '.'], dir);
  assert.deepEqual(where(r), ['lib/d.py:3:missing-ttl:warning', 'src/a.js:3:no-keys:warning']);
  const dotted = await run(['--format', 'json', '--exclude', './src/gen', '--exclude', path.join(dir, 'src/c.min.js'), '.'], dir);
  assert.deepEqual(where(dotted), ['lib/d.py:3:missing-ttl:warning', 'src/a.js:3:no-keys:warning'], './x and absolute paths under the working directory work too');
  const named = await run(['--format', 'json', '--exclude', 'lib/', 'lib/d.py', 'src/a.js'], dir);
  assert.deepEqual(where(named), ['src/a.js:3:no-keys:warning']);
});

test('.gitignore is honoured (negations, nested files, folders); --no-gitignore lints everything', async () => {
  const dir = await project({
    '.gitignore': 'dist/\n*.gen.js\n!keep.gen.js\n',
    'dist/a.js': KEYS_JS,
    'src/x.gen.js': KEYS_JS,
    'src/keep.gen.js': KEYS_JS,
    'src/ok.js': KEYS_JS,
    'src/inner/.gitignore': 'local.js\n/build\n',
    'src/inner/local.js': KEYS_JS,
    'src/inner/build/b.js': KEYS_JS,
    'src/inner/deeper/build/c.js': KEYS_JS,
  });
  const r = await run(['--format', 'json', '.'], dir);
  assert.deepEqual(
    findingsOf(r).map((f) => f.file).sort(),
    ['src/inner/deeper/build/c.js', 'src/keep.gen.js', 'src/ok.js'],
    '/build is anchored to its .gitignore folder; the negation keeps keep.gen.js',
  );
  const all = await run(['--format', 'json', '--no-gitignore', '.'], dir);
  assert.equal(findingsOf(all).length, 7);
});

test('usage errors exit 2 with the reason', async () => {
  const dir = await project({ 'src/a.js': KEYS_JS });
  for (const [args, reason] of [
    [['--shard', '3/2', 'src'], /--shard 3\/2/],
    [['--shard', 'x', 'src'], /--shard x/],
    [['--max-steps', '0', 'src'], /--max-steps needs a positive whole number/],
    [['--json-envelope', 'src'], /--json-envelope goes with --format json/],
    [['--config', 'none.json', 'src'], /--config none\.json: no such file/],
    [['--changed-since', '--all', 'src'], /--changed-since needs a git ref/],
  ] as const) {
    const r = await run([...args], dir);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, reason);
  }
});

test('the $valkey-lint problem matcher reads every finding line of the text output', async () => {
  const dir = await project({ 'src/a.js': KEYS_JS, 'src/b.rb': FLUSH_RB });
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { problemMatchers: { name: string; pattern: { regexp: string; file: number; line: number; column: number; severity: number; code: number; message: number } }[] } };
  const matcher = pkg.contributes.problemMatchers.find((m) => m.name === 'valkey-lint')!;
  const re = new RegExp(matcher.pattern.regexp);
  const r = await run(['--rule', 'no-flush=error', 'src'], dir);
  const matched = r.stdout.split('\n').flatMap((l) => {
    const m = re.exec(l);
    return m ? [`${m[matcher.pattern.file]}|${m[matcher.pattern.line]}|${m[matcher.pattern.column]}|${m[matcher.pattern.severity]}|${m[matcher.pattern.code]}`] : [];
  });
  assert.deepEqual(matched.sort(), ['src/a.js|3|1|warning|no-keys', 'src/b.rb|2|1|error|no-flush']);
});

test('--help lists every flag the README documents', async () => {
  const dir = await project({});
  const help = await run(['--help'], dir);
  assert.equal(help.code, 0);
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### valkey-lint in CI'), readme.indexOf('#### `valkey-lint.config.json`'));
  const flags = new Set([...section.matchAll(/`(--[a-z-]+)/g)].map((m) => m[1]!));
  assert.ok(flags.size >= 15, [...flags].join(' '));
  for (const flag of flags) assert.ok(help.stdout.includes(flag), `${flag} is missing from --help`);
});

test('--max-bytes skips larger files and says so; the config\'s budget.maxBytes does the same, and the flag wins', async () => {
  const dir = await project({ 'src/a.js': KEYS_JS, 'src/big.js': `${KEYS_JS}${'// padding\n'.repeat(100)}` });
  const r = await run(['--format', 'json', '--json-envelope', '--max-bytes', '500', 'src'], dir);
  const out = JSON.parse(r.stdout) as { findings: { file: string }[]; skipped: { file: string; reason: string; message: string }[] };
  assert.deepEqual(out.findings.map((f) => f.file), ['src/a.js']);
  assert.deepEqual(out.skipped.map((s) => `${s.file}: ${s.reason}`), ['src/big.js: too-large']);
  assert.match(out.skipped[0]!.message, /over the 500 limit/);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path.join(dir, 'valkey-lint.config.json'), JSON.stringify({ budget: { maxBytes: 500 } }));
  assert.equal(findingsOf(await run(['--format', 'json', 'src'], dir)).length, 1);
  assert.equal(findingsOf(await run(['--format', 'json', '--max-bytes', '100000', 'src'], dir)).length, 2);
});
