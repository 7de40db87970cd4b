// Activation cost, in a real VS Code (code-server 4.139, its Node 24 extension host), of the
// minified release build:
//   activation.bundle_kb        size of dist/extension.js, the only bundle activation loads (budget 150 KB)
//   activation.activate_ms      time inside activate(), measured by the extension itself (budget 20 ms)
//   activation.activate_call_ms ext.activate() seen from outside: loading the bundle plus activate()
//   activation.ratio_vs_kube_bundle  activate_call_ms / time to require dist/kube.js (what activation avoids), same host, same run
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot, resultsDir, startCodeServer } from '../test/support/codeServer';
import { Workbench } from '../test/support/workbench';
import type { ActivationFigures } from './inhost/activation';

async function main(): Promise<void> {
  execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: repoRoot, stdio: 'ignore' });
  const bundleKb = statSync(path.join(repoRoot, 'dist', 'extension.js')).size / 1024;
  const runner = path.join(repoRoot, 'out', 'bench', 'activation.js');
  await esbuild.build({ entryPoints: [path.join(repoRoot, 'bench', 'inhost', 'activation.ts')], bundle: true, platform: 'node', format: 'cjs', external: ['vscode'], outfile: runner, logLevel: 'error' });

  const results = path.join(resultsDir, 'bench-activation.json');
  rmSync(results, { force: true });
  const runs: ActivationFigures[] = [];
  for (let i = 0; i < 3; i++) {
    const server = await startCodeServer({ name: `bench-activation-${i}`, installExtension: false, allowPayload: true, env: { VALKEY_WELKIN_BENCH_RESULTS: results } });
    const workbench = await Workbench.open(server.payloadUrl(repoRoot, runner), { waitReady: false });
    try {
      runs.push(await waitFor(results));
    } finally {
      rmSync(results, { force: true });
      await workbench.close();
      await server.stop();
    }
  }
  const failed = runs.find((r) => r.error);
  if (failed) throw new Error(failed.error);
  const median = (pick: (r: ActivationFigures) => number): number => runs.map(pick).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  const callMs = median((r) => r.activateCallMs);
  const kubeMs = median((r) => r.kubeBundleRequireMs);
  console.log(`activation.bundle_kb ${bundleKb.toFixed(1)} (budget 150)`);
  console.log(`activation.activate_ms ${median((r) => r.activateMs).toFixed(2)} (budget 20; median of ${runs.length} starts, VS Code ${runs[0]!.vscode}, Node ${runs[0]!.node})`);
  console.log(`activation.activate_call_ms ${callMs.toFixed(2)}`);
  console.log(`activation.kube_bundle_require_ms ${kubeMs.toFixed(2)}`);
  console.log(`activation.ratio_vs_kube_bundle ${(callMs / kubeMs).toFixed(3)}`);
}

async function waitFor(file: string): Promise<ActivationFigures> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as ActivationFigures;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`no activation figures in ${file} within 120 s`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
