import { spawn } from 'node:child_process';
import { err, ok, type Result } from '../util/result';
import type { KubeError } from './errors';

/** The `user.exec` section of a kubeconfig (client.authentication.k8s.io). */
export interface ExecConfig {
  readonly command: string;
  readonly args?: readonly string[];
  readonly env?: readonly { readonly name: string; readonly value: string }[] | null;
  readonly apiVersion?: string;
  readonly interactiveMode?: string;
  readonly provideClusterInfo?: boolean;
  readonly installHint?: string;
}

export interface ExecCredential {
  readonly token?: string | undefined;
  readonly clientCertificateData?: string | undefined;
  readonly clientKeyData?: string | undefined;
  /** Epoch milliseconds, or undefined when the plugin gave none. */
  readonly expiresAt: number | undefined;
}

export interface ExecOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
  readonly cluster?: { readonly server?: string | undefined; readonly caData?: string | undefined; readonly insecure?: boolean | undefined } | undefined;
  readonly env?: NodeJS.ProcessEnv;
}

const OUTPUT_LIMIT = 1024 * 1024;

/**
 * Runs an exec credential plugin (e.g. `kubectl oidc-login get-token`, which opens a browser)
 * without a shell, with a timeout and cancellation, and parses its ExecCredential.
 */
export function runExecPlugin(exec: ExecConfig, options: ExecOptions): Promise<Result<ExecCredential, KubeError>> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...(options.env ?? process.env) };
    for (const { name, value } of exec.env ?? []) env[name] = value;
    env['KUBERNETES_EXEC_INFO'] = JSON.stringify({
      apiVersion: exec.apiVersion ?? 'client.authentication.k8s.io/v1beta1',
      kind: 'ExecCredential',
      spec: {
        interactive: exec.interactiveMode !== 'Never',
        ...(exec.provideClusterInfo && options.cluster
          ? { cluster: { server: options.cluster.server, 'certificate-authority-data': options.cluster.caData, 'insecure-skip-tls-verify': options.cluster.insecure } }
          : {}),
      },
    });

    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (result: Result<ExecCredential, KubeError>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (child.exitCode === null) child.kill('SIGTERM');
      resolve(result);
    };

    const child = spawn(exec.command, [...(exec.args ?? [])], { env, shell: false, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const timer = setTimeout(
      () => finish(err({ kind: 'timeout', message: `Login did not finish within ${Math.round(options.timeoutMs / 1000)} s (${exec.command}). Try again.` })),
      options.timeoutMs,
    );
    const onAbort = (): void => finish(err({ kind: 'cancelled', message: 'Login cancelled.' }));
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.length < OUTPUT_LIMIT) stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < OUTPUT_LIMIT) stderr += chunk.toString('utf8');
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      finish(err(e.code === 'ENOENT' ? pluginMissing(exec) : { kind: 'loginFailed', message: `Could not run ${exec.command}: ${e.message}` }));
    });
    child.on('close', (code) => {
      if (code !== 0) {
        finish(err(classifyFailure(exec, code, stderr)));
        return;
      }
      finish(parseExecCredential(stdout));
    });
  });
}

export function parseExecCredential(stdout: string): Result<ExecCredential, KubeError> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return err({ kind: 'loginFailed', message: 'The credential plugin did not print an ExecCredential (invalid JSON).' });
  }
  const status = (parsed as { status?: Record<string, unknown> } | null)?.status;
  const str = (key: string): string | undefined => (typeof status?.[key] === 'string' ? (status[key]) : undefined);
  const token = str('token');
  const clientCertificateData = str('clientCertificateData');
  const clientKeyData = str('clientKeyData');
  if (!token && !(clientCertificateData && clientKeyData)) {
    return err({ kind: 'loginFailed', message: 'The credential plugin returned neither a token nor a client certificate.' });
  }
  const expiry = str('expirationTimestamp');
  const expiresAt = expiry ? Date.parse(expiry) : undefined;
  return ok({ token, clientCertificateData, clientKeyData, expiresAt: Number.isFinite(expiresAt) ? expiresAt : undefined });
}

function isOidcLogin(exec: ExecConfig): boolean {
  return exec.command.includes('oidc_login') || exec.command.includes('oidc-login') || (exec.args ?? []).includes('oidc-login');
}

function pluginMissing(exec: ExecConfig): KubeError {
  const install = isOidcLogin(exec)
    ? 'Install kubectl (https://kubernetes.io/docs/tasks/tools/) and the kubelogin plugin (`kubectl krew install oidc-login`), and make sure both are on the PATH VS Code was started with.'
    : exec.installHint?.trim() || `Install "${exec.command}" and make sure it is on the PATH VS Code was started with.`;
  return { kind: 'pluginMissing', command: exec.command, message: `The login command "${exec.command}" was not found on PATH.`, install };
}

function classifyFailure(exec: ExecConfig, code: number | null, stderr: string): KubeError {
  const firstLines = stderr.trim().split('\n').slice(-3).join(' ').slice(0, 400);
  if (/unknown command "oidc-login"/.test(stderr)) {
    return {
      kind: 'pluginMissing',
      command: 'kubectl oidc-login',
      message: 'kubectl is installed but its oidc-login plugin is not.',
      install: 'Install the kubelogin plugin: `kubectl krew install oidc-login` (or put kubectl-oidc_login on your PATH).',
    };
  }
  return { kind: 'loginFailed', message: `Login with ${exec.command} failed (exit ${code ?? 'signal'}): ${firstLines || 'no output'}` };
}
