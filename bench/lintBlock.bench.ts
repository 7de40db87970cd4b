// The extension host's event loop while the lint server checks pathological files (deep nesting in
// every language, a 2 MB single line, 40,000 calls in one file), in a real VS Code (code-server
// 4.139, its Node 24 extension host), release build:
//   lintBlock.lint_max_block_ms   longest event-loop block of the extension host meanwhile (budget 50 ms)
//   lintBlock.idle_max_block_ms   the same host idle for as long (the baseline)
//   lintBlock.ratio_vs_idle       their ratio
//   lintBlock.files_reported      files that got diagnostics (a finding or the budget notice), of the total
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot, resultsDir, startCodeServer } from '../test/support/codeServer';
import { Workbench } from '../test/support/workbench';
import type { LintBlockFigures } from './inhost/lintBlock';

async function main(): Promise<void> {
  execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: repoRoot, stdio: 'ignore' });
  const runner = path.join(repoRoot, 'out', 'bench', 'lintBlock.js');
  await esbuild.build({ entryPoints: [path.join(repoRoot, 'bench', 'inhost', 'lintBlock.ts')], bundle: true, platform: 'node', format: 'cjs', external: ['vscode'], outfile: runner, logLevel: 'error' });
  const results = path.join(resultsDir, 'bench-lint-block.json');
  rmSync(results, { force: true });
  const server = await startCodeServer({ name: 'bench-lint-block', installExtension: false, allowPayload: true, env: { VALKEY_WELKIN_BENCH_RESULTS: results } });
  const workbench = await Workbench.open(server.payloadUrl(repoRoot, runner), { waitReady: false });
  let figures: LintBlockFigures;
  try {
    figures = await waitFor(results);
  } finally {
    rmSync(results, { force: true });
    await workbench.close();
    await server.stop();
  }
  if (figures.error) throw new Error(figures.error);
  console.log(`lintBlock.lint_max_block_ms ${figures.lintMaxBlockMs.toFixed(1)} (budget 50; VS Code ${figures.vscode}, Node ${figures.node})`);
  console.log(`lintBlock.idle_max_block_ms ${figures.idleMaxBlockMs.toFixed(1)}`);
  console.log(`lintBlock.ratio_vs_idle ${(figures.lintMaxBlockMs / Math.max(1, figures.idleMaxBlockMs)).toFixed(2)}`);
  console.log(`lintBlock.files_reported ${figures.reported} of ${figures.files}`);
  console.log(`lintBlock.lint_wall_ms ${figures.lintWallMs.toFixed(0)}`);
}

async function waitFor(file: string): Promise<LintBlockFigures> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as LintBlockFigures;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`no figures in ${file} within 300 s`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
