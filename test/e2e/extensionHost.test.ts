// Runs the mocha suites of test/extension/ inside code-server's real extension host (VS Code 1.139
// on Node 24): the workbench opens with VS Code's `payload` URL parameter naming the extension
// (extensionDevelopmentPath) and the runner (extensionTestsPath). Neither code-server nor the
// page reports the outcome, so the runner writes it to the JSON file named by the environment
// variable VALKEY_WELKIN_TEST_RESULTS, which code-server's extension host inherits.
//   node --import tsx --test test/e2e/extensionHost.test.ts
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import type { TestResults } from '../extension/index';
import { assertBuilt, repoRoot, resultsDir, startCodeServer } from '../support/codeServer';
import { Workbench } from '../support/workbench';

const outDir = path.join(repoRoot, 'out', 'test', 'extension');
const runner = path.join(outDir, 'index.js');
const resultsFile = path.join(resultsDir, 'extension-host-results.json');
const RESULTS_TIMEOUT_MS = 120_000;

/** Builds the test bundles (and dist/) with `node esbuild.mjs --tests` when missing or stale. */
async function ensureTestBundles(): Promise<void> {
  const reason = await bundlesOutdated();
  if (!reason) return;
  console.log(`# building the extension-host tests (${reason}): node esbuild.mjs --tests`);
  await promisify(execFile)(process.execPath, ['esbuild.mjs', '--tests'], { cwd: repoRoot });
}

async function bundlesOutdated(): Promise<string | undefined> {
  if (!existsSync(path.join(repoRoot, 'dist', 'extension.js'))) return 'dist/extension.js is missing';
  if (!existsSync(runner)) return `${path.relative(repoRoot, runner)} is missing`;
  const sources = (await readdir(path.join(repoRoot, 'test', 'extension'))).filter((f) => f.endsWith('.ts'));
  for (const source of sources) {
    const bundle = path.join(outDir, source.replace(/\.ts$/, '.js'));
    if (!existsSync(bundle)) return `${path.relative(repoRoot, bundle)} is missing`;
    const [src, out] = await Promise.all([stat(path.join(repoRoot, 'test', 'extension', source)), stat(bundle)]);
    if (src.mtimeMs > out.mtimeMs) return `test/extension/${source} changed`;
  }
  return undefined;
}

/** Resolves when `file` exists and parses as JSON; rejects after `timeoutMs`. */
async function waitForResults(file: string, timeoutMs: number, whileWaiting: () => string): Promise<TestResults> {
  const read = async (): Promise<TestResults | undefined> => {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as TestResults;
    } catch {
      return undefined; // not there yet, or half written
    }
  };
  const watcher = watch(path.dirname(file));
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const results = await read();
      if (results) return results;
      // Wake on any change in the folder, or every second as a fallback.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, 1000);
        watcher.once('change', done);
        function done(): void {
          clearTimeout(timer);
          watcher.off('change', done);
          resolve();
        }
      });
    }
  } finally {
    watcher.close();
  }
  throw new Error(`The extension-host test runner wrote no results to ${path.relative(repoRoot, file)} within ${timeoutMs / 1000} s.\n${whileWaiting()}`);
}

test('the extension-host suites pass in code-server', { timeout: 300_000 }, async () => {
  await ensureTestBundles();
  await assertBuilt();
  await rm(resultsFile, { force: true });
  const server = await startCodeServer({
    name: 'extension-host',
    installExtension: false, // loaded from the repo through extensionDevelopmentPath instead
    allowPayload: true,
    env: { VALKEY_WELKIN_TEST_RESULTS: resultsFile },
  });
  let workbench: Workbench | undefined;
  try {
    workbench = await Workbench.open(server.payloadUrl(repoRoot, runner), { waitReady: false });
    const wb = workbench;
    const results = await waitForResults(resultsFile, RESULTS_TIMEOUT_MS, () =>
      [
        `browser console (last lines):\n${wb.console.slice(-20).join('\n')}`,
        `code-server log ${path.relative(repoRoot, server.logFile)} (last lines):\n${server.logTail(20)}`,
      ].join('\n\n'),
    );
    console.log(`# extension host: VS Code ${results.host.vscode} (${results.host.appName}), Node ${results.host.node}`);
    for (const line of results.output.split('\n')) console.log(`# ${line}`);
    const failures = results.failures.map((f) => `✖ ${f.title}\n${f.error}`).join('\n\n');
    assert.equal(results.failed, 0, `${results.failed} extension-host test(s) failed:\n\n${failures}`);
    assert.ok(results.passed > 0, `no extension-host test ran (results: ${JSON.stringify(results)})`);
  } catch (e) {
    await workbench?.saveFailureArtifacts('extension-host');
    throw e;
  } finally {
    await workbench?.close();
    await server.stop();
  }
});
