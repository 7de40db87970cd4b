// Loaded by VS Code as `extensionTestsPath` inside code-server's real extension host (see
// bench/activation.bench.ts): activates the extension and measures, in the same host, the load of
// the Kubernetes bundle that activation avoids. Writes its figures to VALKEY_WELKIN_BENCH_RESULTS.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';

export interface ActivationFigures {
  readonly activateMs: number;
  readonly activateCallMs: number;
  readonly kubeBundleRequireMs: number;
  readonly vscode: string;
  readonly node: string;
  readonly error?: string;
}

export async function run(): Promise<void> {
  const file = process.env['VALKEY_WELKIN_BENCH_RESULTS'] ?? '';
  try {
    const ext = vscode.extensions.getExtension<ExtensionApi>('valkey-on-welkin.valkey-welkin');
    if (!ext) throw new Error('the extension is not loaded');
    if (ext.isActive) throw new Error('the extension was already active; the figure would not include loading it');
    const t0 = performance.now();
    const api = await ext.activate();
    const activateCallMs = performance.now() - t0;
    const t1 = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(ext.extensionPath, 'dist', 'kube.js'));
    const kubeBundleRequireMs = performance.now() - t1;
    write(file, { activateMs: api.activationMs, activateCallMs, kubeBundleRequireMs, vscode: vscode.version, node: process.version });
  } catch (e) {
    write(file, { activateMs: NaN, activateCallMs: NaN, kubeBundleRequireMs: NaN, vscode: vscode.version, node: process.version, error: String(e) });
  }
}

function write(file: string, figures: ActivationFigures): void {
  writeFileSync(file, JSON.stringify(figures));
}
