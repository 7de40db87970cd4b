// Runs the extension-host suites in desktop VS Code through @vscode/test-electron, once per
// version: by default the oldest VS Code package.json supports and the newest stable.
//
//   node esbuild.mjs --tests
//   node --import tsx test/extension/runWithTestElectron.ts [version ...]
//     versions: arguments, else VSCODE_TEST_VERSIONS (comma separated), else `1.90.0 stable`
//   VSCODE_EXECUTABLE=/path/to/code   use an installed VS Code instead of downloading one
//
// It needs either internet access (test-electron downloads VS Code into .vscode-test/) or
// VSCODE_EXECUTABLE, and a display (use xvfb-run on a headless Linux). Neither is available on the
// project's CI machines, which only reach the npm and Debian registries: there the same suites
// run in code-server's extension host instead (test/e2e/extensionHost.test.ts). Not run in CI.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import type { TestResults } from './index';

/** The repo root: the folder above this file (or its bundle in out/) whose package.json is ours. */
function findRepoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'valkey-welkin') return dir;
  }
  throw new Error(`No valkey-welkin package.json above ${__dirname}`);
}

function versions(): string[] {
  const fromArgs = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  if (fromArgs.length > 0) return fromArgs;
  const fromEnv = (process.env['VSCODE_TEST_VERSIONS'] ?? '').split(',').map((v) => v.trim()).filter(Boolean);
  return fromEnv.length > 0 ? fromEnv : ['1.90.0', 'stable'];
}

async function runOne(repoRoot: string, version: string): Promise<boolean> {
  const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'extension', 'index.js');
  if (!existsSync(extensionTestsPath)) throw new Error(`${extensionTestsPath} is missing: run node esbuild.mjs --tests first`);
  const resultsFile = path.join(repoRoot, 'test-results', `extension-host-results-${version}.json`);
  await rm(resultsFile, { force: true });
  const workspace = await mkdtemp(path.join(tmpdir(), 'valkey-welkin-electron-'));
  const executable = process.env['VSCODE_EXECUTABLE'];
  console.log(`\n=== VS Code ${executable ? `at ${executable}` : version} ===`);
  try {
    const exitCode = await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : { version }),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      extensionTestsEnv: { VALKEY_WELKIN_TEST_RESULTS: resultsFile },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-gpu'],
    });
    const results = JSON.parse(await readFile(resultsFile, 'utf8')) as TestResults;
    console.log(`VS Code ${results.host.vscode} (Node ${results.host.node}): ${results.passed} passed, ${results.failed} failed`);
    return exitCode === 0 && results.failed === 0 && results.passed > 0;
  } catch (e) {
    console.error(`VS Code ${version}: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  } finally {
    await rm(workspace, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const repoRoot = findRepoRoot();
  let ok = true;
  for (const version of versions()) ok = (await runOne(repoRoot, version)) && ok;
  process.exitCode = ok ? 0 : 1;
}

void main();
