/**
 * The set-up most end-to-end tests share: a sandbox cluster (API stand-in + real Redis/Sentinel
 * pods), code-server pointed at its kubeconfig, and a Chromium workbench on it, started before the
 * file's tests and stopped after them.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { startSandbox, type Sandbox } from '../../sandbox/start';
import { startCodeServer, type CodeServer } from './codeServer';
import { Workbench } from './workbench';

export interface SandboxWorkbench {
  readonly sandbox: Sandbox;
  readonly server: CodeServer;
  readonly workbench: Workbench;
}

export interface SandboxWorkbenchOptions {
  /** User settings for code-server besides the quiet defaults. */
  readonly settings?: Readonly<Record<string, unknown>>;
}

/**
 * Registers the `before`/`after` hooks for this test file; the returned function gives the running
 * set-up inside a test. `name` names the logs and the temporary folder.
 */
export function useSandboxWorkbench(name: string, options: SandboxWorkbenchOptions = {}): () => SandboxWorkbench {
  let sandbox: Sandbox | undefined;
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;

  before(async () => {
    sandbox = await startSandbox(await mkdtemp(path.join(tmpdir(), `valkey-welkin-e2e-${name}-`)));
    server = await startCodeServer({ name, kubeconfig: sandbox.kubeconfigPath, ...(options.settings ? { settings: options.settings } : {}) });
    workbench = await Workbench.open(server.url);
  }, { timeout: 180_000 });

  after(async () => {
    await workbench?.close();
    await server?.stop();
    await sandbox?.stop();
  });

  return () => {
    if (!sandbox || !server || !workbench) throw new Error(`The ${name} sandbox and workbench did not start (see the before hook's error).`);
    return { sandbox, server, workbench };
  };
}
