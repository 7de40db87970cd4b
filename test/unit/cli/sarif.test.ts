import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import type AjvDraft04 from 'ajv-draft-04';
import type AddFormats from 'ajv-formats';
import { FLUSH_RB, KEYS_JS, project, run } from './cliSupport';

interface SarifResult {
  ruleId: string;
  level: string;
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
}
interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; helpUri: string }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    invocations: { executionSuccessful: boolean; exitCode: number; arguments: string[]; workingDirectory: { uri: string }; toolExecutionNotifications: { level: string; descriptor: { id: string }; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]; toolConfigurationNotifications: { message: { text: string } }[] }[];
    results: SarifResult[];
  }[];
}

async function validator(): Promise<(log: unknown) => void> {
  let Ajv: typeof AjvDraft04;
  let addFormats: typeof AddFormats;
  let schemaFile: string;
  try {
    Ajv = (await import('ajv-draft-04')).default;
    addFormats = (await import('ajv-formats')).default;
    schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  } catch (e) {
    assert.fail(`the SARIF check needs the devDependencies ajv-draft-04, ajv-formats and @microsoft/jest-sarif (which ships the OASIS SARIF 2.1.0 schema): npm install. ${String(e)}`);
  }
  // The schema's patterns are written for non-Unicode regular expressions.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  return (log) => assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
}

function gitRepo(dir: string): void {
  execFileSync('git', ['init', '-q', dir]);
}

test('SARIF for code scanning: %SRCROOT% is the repository root, URIs are relative to it, invocations and helpUris; valid SARIF 2.1.0', async () => {
  const dir = await project({ 'app/src/a.js': KEYS_JS, 'app/src/b.rb': FLUSH_RB, 'app/src/my file.js': KEYS_JS });
  gitRepo(dir);
  const validate = await validator();
  // Run from a subfolder: the URIs are still relative to the repository root, never ../x.
  const r = await run(['--format', 'sarif', 'src'], path.join(dir, 'app'));
  assert.equal(r.code, 1);
  const log = JSON.parse(r.stdout) as SarifLog;
  validate(log);
  const run0 = log.runs[0]!;
  assert.deepEqual(run0.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(dir).href}/`, description: { text: 'The repository root (or --base).' } } });
  assert.deepEqual(run0.results.map((x) => `${x.locations[0]!.physicalLocation.artifactLocation.uriBaseId}/${x.locations[0]!.physicalLocation.artifactLocation.uri}`).sort(), ['%SRCROOT%/app/src/a.js', '%SRCROOT%/app/src/b.rb', '%SRCROOT%/app/src/my%20file.js']);
  for (const rule of run0.tool.driver.rules) assert.match(rule.helpUri, new RegExp(`^https://.+/docs/rules/${rule.id}\\.md$`));
  const inv = run0.invocations[0]!;
  assert.equal(inv.executionSuccessful, true);
  assert.equal(inv.exitCode, 1);
  assert.deepEqual(inv.arguments, ['--format', 'sarif', 'src']);
  assert.equal(inv.workingDirectory.uri, `${pathToFileURL(path.join(dir, 'app')).href}/`);

  // --base DIR; a file outside it gets an absolute file: URI, not ../
  const other = await project({ 'x.js': KEYS_JS });
  const based = JSON.parse((await run(['--format', 'sarif', '--base', 'app', 'app/src/a.js', path.join(other, 'x.js')], dir)).stdout) as SarifLog;
  validate(based);
  assert.equal(based.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri, `${pathToFileURL(path.join(dir, 'app')).href}/`);
  assert.deepEqual(based.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation), [{ uri: 'src/a.js', uriBaseId: '%SRCROOT%' }, { uri: pathToFileURL(path.join(other, 'x.js')).href }]);
});

test('partialFingerprints stay the same when the code moves to other lines, and differ between two equal lines', async () => {
  const body = "const Redis = require('ioredis');\nconst r = new Redis();\nr.keys('*');\nfunction f() {\n  r.keys('*');\n}\n";
  const dir = await project({ 'src/a.js': body });
  gitRepo(dir);
  const prints = async (): Promise<{ line: number; print: string }[]> =>
    (JSON.parse((await run(['--format', 'sarif', 'src'], dir)).stdout) as SarifLog).runs[0]!.results.map((x) => ({ line: x.locations[0]!.physicalLocation.region.startLine, print: x.partialFingerprints['valkeyLint/v1']! }));
  const before = await prints();
  assert.equal(before.length, 2);
  assert.notEqual(before[0]!.print, before[1]!.print, 'the second r.keys on an equal line has its own fingerprint');
  writeFileSync(path.join(dir, 'src/a.js'), `// a comment\n\n\n${body}`);
  const after = await prints();
  assert.deepEqual(after.map((x) => x.line), before.map((x) => x.line + 3));
  assert.deepEqual(after.map((x) => x.print), before.map((x) => x.print));
  // GitLab's report carries the same fingerprints.
  const gl = JSON.parse((await run(['--format', 'gitlab', 'src'], dir)).stdout) as { fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
  assert.deepEqual(gl.map((x) => x.fingerprint), after.map((x) => x.print));
  assert.deepEqual(gl.map((x) => `${x.location.path}:${x.location.lines.begin}:${x.severity}`), ['src/a.js:6:minor', 'src/a.js:8:minor']);
});

test('budgets are deterministic steps: the same skips for any --jobs, reported in text, the JSON envelope and SARIF', async () => {
  const lines = ["const Redis = require('ioredis');", 'const r = new Redis();'];
  for (let i = 0; i < 60; i++) lines.push(`function f${i}(id) { return r.set('k${i}:' + id, 'v'); }`);
  const files: Record<string, string> = { 'src/small.js': KEYS_JS };
  for (let i = 0; i < 20; i++) files[`src/big${i}.js`] = lines.join('\n');
  const dir = await project(files);
  const envelope = async (jobs: string) => JSON.parse((await run(['--format', 'json', '--json-envelope', '--max-steps', '200', '--jobs', jobs, 'src'], dir)).stdout) as { findings: { file: string }[]; skipped: { file: string; reason: string; message: string }[] };
  const one = await envelope('1');
  const two = await envelope('2');
  assert.deepEqual(one, two);
  assert.equal(one.skipped.length, 20);
  assert.deepEqual(new Set(one.skipped.map((s) => `${s.reason}: ${s.message}`)), new Set(['step-budget: analysis took more than 200 steps']));
  assert.deepEqual(one.findings.map((f) => f.file), ['src/small.js']);
  const textRun = await run(['--max-steps', '200', 'src'], dir);
  assert.match(textRun.stdout, /^src\/big0\.js: skipped \(step-budget\): analysis took more than 200 steps$/m);
  assert.match(textRun.stdout, /1 finding in 1 file; 20 files skipped/);
  const log = JSON.parse((await run(['--format', 'sarif', '--max-steps', '200', 'src'], dir)).stdout) as SarifLog;
  (await validator())(log);
  const inv = log.runs[0]!.invocations[0]!;
  assert.equal(inv.toolExecutionNotifications.length, 20);
  assert.equal(inv.toolExecutionNotifications[0]!.descriptor.id, 'step-budget');
  assert.equal(inv.executionSuccessful, true, 'a budget skip is not a failed execution');
  // Without --max-steps the default budget lints them all.
  assert.equal((JSON.parse((await run(['--format', 'json', 'src'], dir)).stdout) as unknown[]).length, 1 + 20 * 60);
});

test('executionSuccessful is false when a file could not be read; config errors are toolConfigurationNotifications', async () => {
  const dir = await project({ 'src/a.js': KEYS_JS, 'valkey-lint.config.json': '{ "rules": ' });
  mkdirSync(path.join(dir, 'src', 'sub'));
  symlinkSync(path.join(dir, 'gone.js'), path.join(dir, 'src', 'sub', 'dangling.js'));
  const r = await run(['--format', 'sarif', 'src/a.js', 'src/sub/dangling.js'], dir);
  const log = JSON.parse(r.stdout) as SarifLog;
  (await validator())(log);
  const inv = log.runs[0]!.invocations[0]!;
  assert.equal(inv.executionSuccessful, false);
  assert.deepEqual(inv.toolExecutionNotifications.map((n) => [n.level, n.descriptor.id, n.locations[0]!.physicalLocation.artifactLocation.uri]), [['error', 'unreadable', 'src/sub/dangling.js']]);
  assert.equal(inv.toolConfigurationNotifications.length, 1);
  assert.match(inv.toolConfigurationNotifications[0]!.message.text, /^valkey-lint\.config\.json:1:\d+: not valid JSON/);
  assert.equal(log.runs[0]!.results.length, 1, 'the readable file is still linted');
});
