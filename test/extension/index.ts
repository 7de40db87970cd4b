// The test runner VS Code loads in the extension host (`extensionTestsPath`). esbuild bundles it to
// out/test/extension/index.js next to the compiled suites (`*.test.js`), which mocha loads.
//
// Results go to the JSON file named by VALKEY_WELKIN_TEST_RESULTS (default:
// test-results/extension-host-results.json), written in every case, a crash included, because
// neither code-server nor a browser workbench reports the runner's outcome as an exit code.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import type * as vscodeApi from 'vscode';

export interface TestResults {
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly failures: readonly { readonly title: string; readonly error: string }[];
  readonly durationMs: number;
  /** What mocha's spec reporter printed, so a caller outside the extension host can show it. */
  readonly output: string;
  /** VS Code's version and the extension host's Node, to tell runs apart. */
  readonly host: { readonly vscode: string; readonly node: string; readonly appName: string };
}

/** out/test/extension → the repo root. */
const repoRoot = path.resolve(__dirname, '..', '..', '..');

export function resultsPath(): string {
  return process.env['VALKEY_WELKIN_TEST_RESULTS'] || path.join(repoRoot, 'test-results', 'extension-host-results.json');
}

function hostInfo(): TestResults['host'] {
  try {
    // Loaded lazily so a missing `vscode` (a mistaken plain-Node run) still yields a results file.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vscode = require('vscode') as typeof vscodeApi;
    return { vscode: vscode.version, node: process.version, appName: vscode.env.appName };
  } catch {
    return { vscode: 'unknown', node: process.version, appName: 'unknown' };
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

function writeResults(results: Omit<TestResults, 'host'>): void {
  const file = resultsPath();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...results, host: hostInfo() }, null, 2)}\n`);
  console.log(`[extension tests] ${results.passed} passed, ${results.failed} failed; results in ${file}`);
}

export async function run(): Promise<void> {
  const started = Date.now();
  const failures: { title: string; error: string }[] = [];
  let passed = 0;
  let pending = 0;
  // Reporters print through Base.consoleLog: keep printing, and keep a transcript too.
  const transcript: string[] = [];
  const base = Mocha.reporters.Base;
  const consoleLog = base.consoleLog;
  base.consoleLog = (...data: unknown[]) => {
    transcript.push(format(...data));
    consoleLog(...data);
  };
  try {
    const mocha = new Mocha({
      ui: 'tdd',
      // The spec reporter prints to the extension host's console (the debug console, the
      // "Extension Host" log, or stdout under @vscode/test-electron).
      reporter: 'spec',
      color: false,
      timeout: 20_000,
      slow: 2_000,
      grep: process.env['VALKEY_WELKIN_TEST_GREP'] || undefined,
    });
    const suites = readdirSync(__dirname)
      .filter((f) => f.endsWith('.test.js'))
      .sort();
    if (suites.length === 0) throw new Error(`No compiled suites (*.test.js) next to ${__filename}: run node esbuild.mjs --tests`);
    for (const f of suites) mocha.addFile(path.join(__dirname, f));

    await mocha.loadFilesAsync();
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', () => passed++);
      runner.on('pending', () => pending++);
      runner.on('fail', (test: Mocha.Runnable, error: unknown) => {
        failures.push({ title: test.fullTitle(), error: describe(error) });
      });
    });
  } catch (e) {
    failures.push({ title: 'extension test runner', error: describe(e) });
  } finally {
    base.consoleLog = consoleLog;
  }
  writeResults({ passed, failed: failures.length, pending, failures, durationMs: Date.now() - started, output: transcript.join('\n') });
  if (failures.length > 0) throw new Error(`${failures.length} extension test(s) failed`);
}
