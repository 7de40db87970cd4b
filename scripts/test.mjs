// Runs every check and test tier: `node scripts/test.mjs [static|unit|integration|e2e ...]`.
// With no arguments it runs all of them in that order and ends with one summary line
// "tests: N passed, N failed". A skipped test counts as a failure: nothing is skipped silently.
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const tiers = {
  unit: { dir: 'test/unit', concurrency: 2 },
  integration: { dir: 'test/integration', concurrency: 1 },
  e2e: { dir: 'test/e2e', concurrency: 1 },
};
const requested = process.argv.slice(2);
const unknown = requested.filter((t) => t !== 'static' && !(t in tiers));
if (unknown.length) {
  console.error(`unknown tier(s): ${unknown.join(', ')}; choose from static, ${Object.keys(tiers).join(', ')}`);
  process.exit(2);
}
const selected = requested.length ? requested : ['static', ...Object.keys(tiers)];

/** A tier that has not finished after this long is killed and fails: a hang must not eat CI's 90 minutes. */
const TIER_TIMEOUT_MS = 25 * 60 * 1000;

function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    const timer = setTimeout(() => {
      console.error(`\n${path.basename(command)} ${args.slice(-1)[0]}: still running after ${TIER_TIMEOUT_MS / 60000} minutes; killed.`);
      child.kill('SIGKILL');
    }, TIER_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on('error', (e) => {
      console.error(`${command}: ${e.message}`);
      resolve(1);
    });
  });
}

async function testFiles(dir) {
  const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)))
    .sort();
}

function count(tap, key) {
  const match = tap.match(new RegExp(`^# ${key} (\\d+)$`, 'm'));
  return match ? Number(match[1]) : 0;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let problems = [];

const banner = (text) => console.log(`\n━━━ ${text} ━━━`);

banner('build');
if ((await run(process.execPath, ['esbuild.mjs', '--tests'])) !== 0) {
  console.error('build failed');
  process.exit(1);
}

if (selected.includes('static')) {
  banner('type check (tsc --noEmit)');
  if ((await run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', '.', '--noEmit'])) !== 0) problems.push('type check');
  banner('lint (eslint)');
  if ((await run(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '.'])) !== 0) problems.push('lint');
}

await mkdir(path.join(root, 'test-results'), { recursive: true });
for (const name of selected.filter((t) => t in tiers)) {
  const tier = tiers[name];
  const files = await testFiles(tier.dir);
  banner(`${name} tests (${files.length} files, Node ${process.version})`);
  if (files.length === 0) {
    problems.push(`${name}: no test files under ${tier.dir}`);
    continue;
  }
  const tapFile = path.join(root, 'test-results', `${name}.tap`);
  const code = await run(process.execPath, [
    '--import', 'tsx',
    '--test',
    `--test-concurrency=${tier.concurrency}`,
    '--test-timeout=600000',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
    ...files,
  ]);
  const tap = await readFile(tapFile, 'utf8').catch(() => '');
  const passed = count(tap, 'pass');
  const failed = count(tap, 'fail') + count(tap, 'cancelled');
  const skipped = count(tap, 'skipped') + count(tap, 'todo');
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  console.log(`${name}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  if (code !== 0 && failed === 0) problems.push(`${name}: the test runner exited with ${code}`);
  if (skipped > 0) problems.push(`${name}: ${skipped} skipped test(s) — a test that cannot run must fail and say what to install`);
}

if (problems.length) console.log(`\nproblems: ${problems.join('; ')}`);
const failed = totals.failed + problems.length;
console.log(`\ntests: ${totals.passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
