import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type AjvDraft04 from 'ajv-draft-04';
import type AddFormats from 'ajv-formats';
import { runCli } from '../../../src/cli/valkey-lint';
import { tempDir } from '../../support/tempDir';

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

async function project(): Promise<string> {
  const dir = await tempDir('valkey-lint-cli-');
  const write = (rel: string, text: string | Buffer) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  write('src/cache.js', "const Redis = require('ioredis');\nconst r = new Redis();\nr.keys('*');\n");
  write('src/ok.py', 'import redis\nr = redis.Redis()\nr.set("k", 1, ex=60)\n');
  write('src/flush.rb', 'r = Redis.new\nr.flushall\n');
  write('node_modules/lib/index.js', "const Redis = require('ioredis'); new Redis().keys('*');\n");
  write('vendor/x.php', '<?php $r = new \\Redis(); $r->keys("*");\n');
  write('.git/hooks/h.js', "const Redis = require('ioredis'); new Redis().keys('*');\n");
  write('src/blob.js', Buffer.from([0x72, 0x65, 0x64, 0x69, 0x73, 0x00, 0xff, 0x00]));
  write('README.md', 'redis.keys()\n');
  return dir;
}

test('exit 1 with findings; directories are walked without node_modules, .git and vendor', async () => {
  const dir = await project();
  const { code, stdout } = await run(['.'], dir);
  assert.equal(code, 1);
  assert.match(stdout, /^src\/cache\.js:3:1: warning no-keys: /m);
  assert.match(stdout, /^src\/flush\.rb:2:1: warning no-flush: /m);
  assert.doesNotMatch(stdout, /node_modules|vendor|\.git/);
  assert.match(stdout, /2 findings in 2 files; 1 file skipped/);
  assert.match(stdout, /^src\/blob\.js: skipped \(binary\)/m);
});

test('--format json prints 1-based positions and paths relative to the working directory', async () => {
  const dir = await project();
  const { code, stdout } = await run(['--format', 'json', 'src/cache.js'], dir);
  assert.equal(code, 1);
  assert.deepEqual(JSON.parse(stdout), [
    {
      file: 'src/cache.js',
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 12,
      rule: 'no-keys',
      severity: 'warning',
      message: 'KEYS blocks the Valkey server while it walks every key, and the managed service is shared by every client. Iterate with SCAN instead.',
    },
  ]);
});

test('exit 0 without findings, also when rules are switched off', async () => {
  const dir = await project();
  assert.equal((await run(['src/ok.py'], dir)).code, 0);
  const off = await run(['--rule', 'no-keys=off', '--rule=no-flush=off', '--format=json', 'src'], dir);
  assert.equal(off.code, 0);
  assert.equal(off.stdout.trim(), '[]');
  const info = await run(['--rule', 'no-keys=error', '--format', 'json', 'src/cache.js'], dir);
  assert.equal((JSON.parse(info.stdout) as { severity: string }[])[0]!.severity, 'error');
});

test('exit 2 on usage errors', async () => {
  const dir = await project();
  for (const args of [[], ['--format', 'xml', '.'], ['--rule', 'nope=off', '.'], ['--rule', 'no-keys=loud', '.'], ['--bogus', '.'], ['missing-dir']]) {
    const { code, stderr } = await run(args, dir);
    assert.equal(code, 2, `valkey-lint ${args.join(' ')}`);
    assert.match(stderr, /valkey-lint: /);
  }
});

test('an unreadable path is reported and skipped; the rest is linted', async () => {
  const dir = await project();
  symlinkSync(path.join(dir, 'nowhere.js'), path.join(dir, 'src', 'dangling.js'));
  const { code, stdout } = await run(['src/dangling.js', 'src/cache.js'], dir);
  assert.equal(code, 1);
  assert.match(stdout, /^src\/dangling\.js: skipped \(unreadable\): cannot read: ENOENT/m);
  assert.match(stdout, /^src\/cache\.js:3:1: warning no-keys/m);
});

test('--format sarif validates against the SARIF 2.1.0 schema', async () => {
  const dir = await project();
  const { code, stdout } = await run(['--format', 'sarif', 'src'], dir);
  assert.equal(code, 1);
  const log = JSON.parse(stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
  let Ajv: typeof AjvDraft04;
  let addFormats: typeof AddFormats;
  let schemaFile: string;
  try {
    Ajv = (await import('ajv-draft-04')).default;
    addFormats = (await import('ajv-formats')).default;
    schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  } catch (e) {
    assert.fail(`the SARIF check needs the devDependencies ajv, ajv-draft-04, ajv-formats and @microsoft/jest-sarif (which ships the schema): ${String(e)}`);
  }
  // The schema's patterns are written for non-Unicode regular expressions.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  const run0 = log.runs[0]!;
  assert.deepEqual(run0.tool.driver.rules.map((r) => r.id), ['no-keys', 'missing-ttl', 'no-flush', 'sentinel-as-server']);
  assert.match(run0.tool.driver.rules[0]!.helpUri, /^https:\/\/.+\/docs\/rules\/no-keys\.md$/);
  assert.deepEqual(run0.results.map((r) => `${r.ruleId}:${r.level}:${r.locations[0]!.physicalLocation.region.startLine}`).sort(), ['no-flush:warning:2', 'no-keys:warning:3']);
});

test('the CLI runs as a process with the documented exit codes', async () => {
  const dir = await project();
  const root = path.resolve(__dirname, '../../..');
  const exec = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/valkey-lint.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  assert.equal(exec([path.join(dir, 'src/cache.js')]).status, 1);
  assert.equal(exec([path.join(dir, 'src/ok.py')]).status, 0);
  assert.equal(exec(['--format']).status, 2);
});

test('files under a PATH given absolute are printed absolute; under a relative PATH, relative to the working directory', async () => {
  const dir = await project();
  const abs = await run(['--format', 'json', path.join(dir, 'src', 'cache.js')], path.join(dir, 'src'));
  assert.deepEqual((JSON.parse(abs.stdout) as { file: string }[]).map((f) => f.file), [path.join(dir, 'src', 'cache.js').split(path.sep).join('/')]);
  const rel = await run(['--format', 'json', 'src/cache.js'], dir);
  assert.deepEqual((JSON.parse(rel.stdout) as { file: string }[]).map((f) => f.file), ['src/cache.js']);
});
