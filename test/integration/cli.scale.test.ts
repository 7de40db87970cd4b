// valkey-lint in CI at scale: --changed-since on a real temporary git repository (the whole tree is
// still indexed, so a changed handler using an unchanged module's client is checked with it), and
// --shard I/N: every file in exactly one shard, the shards together equal to the unsharded run.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { shardOf } from '../../src/cli/valkey-lint';
import { KEYS_JS, findingsOf, project, run, where } from '../unit/cli/cliSupport';

function git(dir: string, ...args: string[]): string {
  try {
    return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') assert.fail('these tests need git: apt-get install git');
    throw e;
  }
}

const store = "import Redis from 'ioredis';\nexport const client = new Redis();\n";
const handler = (line: string) => `import { client } from '../lib/store';\nexport async function h(id: string) {\n  ${line}\n}\n`;

test('--changed-since REF reports only files changed since REF (committed, staged, unstaged, untracked), resolving clients through the whole tree', async () => {
  const dir = await project({
    'src/lib/store.ts': store,
    'src/routes/a.ts': handler("await client.set('a:' + id, 1, 'EX', 60);"),
    'src/routes/old.ts': handler("return client.keys('old:*');"),
    'src/routes/committed.ts': handler("return 1;"),
    '.gitignore': 'build/\n',
  });
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  const base = git(dir, 'rev-parse', 'HEAD').trim();
  writeFileSync(path.join(dir, 'src/routes/committed.ts'), handler("return client.keys('c:*');"));
  git(dir, 'commit', '-qam', 'second');
  writeFileSync(path.join(dir, 'src/routes/a.ts'), handler("await client.set('a:' + id, 1);"));
  writeFileSync(path.join(dir, 'src/routes/new.ts'), handler("return client.keys('n:*');"));
  // Untracked but git-ignored: neither linted nor reported.
  mkdirSync(path.join(dir, 'src/build'));
  writeFileSync(path.join(dir, 'src/build/ignored.ts'), handler("return client.keys('b:*');"));

  const all = await run(['--format', 'json', '.'], dir);
  assert.deepEqual(where(all), ['src/routes/a.ts:3:missing-ttl:warning', 'src/routes/committed.ts:3:no-keys:warning', 'src/routes/new.ts:3:no-keys:warning', 'src/routes/old.ts:3:no-keys:warning']);
  const changed = await run(['--format', 'json', '--changed-since', base, '.'], dir);
  assert.deepEqual(
    where(changed),
    ['src/routes/a.ts:3:missing-ttl:warning', 'src/routes/committed.ts:3:no-keys:warning', 'src/routes/new.ts:3:no-keys:warning'],
    'old.ts did not change; the others use the client of the unchanged store.ts',
  );
  const sinceHead = await run(['--format', 'json', '--changed-since', 'HEAD', '.'], dir);
  assert.deepEqual(findingsOf(sinceHead).map((f) => f.file).sort(), ['src/routes/a.ts', 'src/routes/new.ts']);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'third');
  const clean = await run(['--changed-since', 'HEAD', '.'], dir);
  assert.equal(clean.code, 0);
  assert.match(clean.stdout, /no findings/);

  const bad = await run(['--changed-since', 'no-such-branch', '.'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--changed-since no-such-branch: not a commit/);
  const outside = await project({ 'a.js': KEYS_JS });
  const noRepo = await run(['--changed-since', 'HEAD', '.'], outside);
  assert.equal(noRepo.code, 2);
  assert.match(noRepo.stderr, /needs a git repository/);
});

test('--shard I/N: every file in exactly one shard; the shards together give the unsharded findings', async () => {
  const files: Record<string, string> = { 'src/lib/store.ts': store };
  for (let i = 0; i < 40; i++) files[`src/routes/r${i}.ts`] = handler(`return client.keys('r${i}:*');`);
  for (let i = 0; i < 10; i++) files[`py/m${i}.py`] = `import redis\nr = redis.Redis()\nr.set("m${i}", 1)\n`;
  const dir = await project(files);
  git(dir, 'init', '-q');
  const whole = where(await run(['--format', 'json', '.'], dir));
  assert.equal(whole.length, 50);
  for (const n of [1, 3, 7]) {
    const shards: string[][] = [];
    for (let i = 1; i <= n; i++) shards.push(where(await run(['--format', 'json', '--shard', `${i}/${n}`, '.'], dir)));
    const seen = shards.flat();
    assert.equal(new Set(seen).size, seen.length, `--shard x/${n}: no finding in two shards`);
    assert.deepEqual(seen.sort(), whole, `--shard x/${n}: together the shards are the whole run`);
    if (n === 7) assert.ok(shards.every((s) => s.length > 0), 'every shard gets some of the 50 files');
  }
  // The assignment depends only on the path from the repository root, never on the working directory or the machine.
  for (const rel of Object.keys(files)) {
    const owners = [1, 2, 3, 4].filter((i) => shardOf(rel, 4) === i);
    assert.equal(owners.length, 1);
  }
  // Skips are reported by the shard that owns the file, once.
  writeFileSync(path.join(dir, 'notes.txt'), 'redis\n');
  const skipped: string[] = [];
  for (let i = 1; i <= 3; i++) skipped.push(...(JSON.parse((await run(['--format', 'json', '--json-envelope', '--shard', `${i}/3`, '.', 'notes.txt'], dir)).stdout) as { skipped: { file: string }[] }).skipped.map((x) => x.file));
  assert.deepEqual(skipped, ['notes.txt']);
  const fromSub = where(await run(['--format', 'json', '--shard', '2/3', 'routes'], path.join(dir, 'src')));
  const fromRoot = where(await run(['--format', 'json', '--shard', '2/3', 'src/routes'], dir)).map((f) => f.replace(/^src\//, ''));
  assert.deepEqual(fromSub, fromRoot);
});
