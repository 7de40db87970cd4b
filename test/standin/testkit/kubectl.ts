/** Runs the real `kubectl` against a stand-in (execFile with an argv array, never a shell). */
import { execFile } from 'node:child_process';
import { access, constants, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Standin } from '../server';

export interface KubectlResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const INSTALL_HINT =
  'kubectl is required for the stand-in fidelity tests and was not found on PATH. Install it, e.g. ' +
  '`curl -LO https://dl.k8s.io/release/v1.32.4/bin/linux/amd64/kubectl && install -m 0755 kubectl /usr/local/bin/kubectl`, ' +
  'or from the Kubernetes apt repository (https://kubernetes.io/docs/tasks/tools/install-kubectl-linux/). ' +
  'Set KUBECTL=/path/to/kubectl to use another binary.';

/** The kubectl binary; throws (so the test fails, never skips) with install instructions when missing. */
export async function requireKubectl(): Promise<string> {
  const explicit = process.env.KUBECTL;
  const candidates = explicit ? [explicit] : (process.env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, 'kubectl'));
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // try the next PATH entry
    }
  }
  throw new Error(INSTALL_HINT);
}

export interface KubectlRunner {
  /** `kubectl --kubeconfig <user's file> --cache-dir <private> ...args`; never rejects on a non-zero exit. */
  run(user: string, args: readonly string[], options?: { input?: string; timeoutMs?: number }): Promise<KubectlResult>;
  dispose(): Promise<void>;
}

/**
 * A runner with a private HOME and discovery cache, so that runs are independent of the machine's
 * ~/.kube and request counts do not depend on earlier runs (each run starts with an empty cache).
 */
export async function kubectlRunner(standin: Standin): Promise<KubectlRunner> {
  const binary = await requireKubectl();
  const home = await mkdtemp(path.join(tmpdir(), 'standin-kubectl-'));
  let runs = 0;
  return {
    run: (user, args, options = {}) =>
      new Promise((resolve) => {
        runs += 1;
        const argv = ['--kubeconfig', standin.kubeconfigPath(user), '--cache-dir', path.join(home, `cache-${runs}`), ...args];
        const child = execFile(
          binary,
          argv,
          { env: { PATH: process.env.PATH ?? '', HOME: home, KUBECONFIG: '' }, timeout: options.timeoutMs ?? 30_000, maxBuffer: 16 * 1024 * 1024 },
          (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
            resolve({ code, stdout, stderr });
          },
        );
        if (options.input !== undefined) child.stdin?.end(options.input);
        else child.stdin?.end();
      }),
    dispose: () => rm(home, { recursive: true, force: true }),
  };
}
