/**
 * `bash scripts/start.sh [--sandbox] [--browser] [--port N]` (or `npm start` once installed).
 *   --sandbox  use the local sandbox cluster even when you have a kubeconfig
 *   --browser  use code-server in the browser even when a desktop `code` is on PATH
 *   --port N   code-server's port (default 8080, or a free one when taken)
 * Builds the extension, starts the sandbox when no kubeconfig is configured, and opens the
 * extension in a real VS Code. Ctrl-C stops everything it started.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { codeServerBin, ensureCodeServer, node24Bin } from './code-server.mjs';
import { startSandbox, type Sandbox } from '../sandbox/start';

const root = path.resolve(__dirname, '..');
const runDir = path.join(root, '.cache', 'run');
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

function hasOwnKubeconfig(): boolean {
  const fromEnv = (process.env['KUBECONFIG'] ?? '').split(path.delimiter).filter(Boolean);
  return fromEnv.some((f) => existsSync(f)) || existsSync(path.join(homedir(), '.kube', 'config'));
}

function onPath(command: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number): Promise<number> =>
    new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : port));
      });
    });
  return tryPort(preferred).catch(() => tryPort(0));
}

/** Installs the built extension the way VS Code unpacks a .vsix: `<publisher>.<name>-<version>`. */
function installInto(extensionsDir: string): void {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  rmSync(extensionsDir, { recursive: true, force: true });
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  mkdirSync(target, { recursive: true });
  for (const file of ['package.json', 'dist', 'media', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    if (existsSync(path.join(root, file))) cpSync(path.join(root, file), path.join(target, file), { recursive: true });
  }
}

async function main(): Promise<void> {
  console.log('Building the extension…');
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });

  const children: ChildProcess[] = [];
  let sandbox: Sandbox | undefined;
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (flag('--sandbox') || !hasOwnKubeconfig()) {
    console.log('No kubeconfig configured: starting the local sandbox cluster…');
    sandbox = await startSandbox(path.join(root, '.sandbox'));
    env['KUBECONFIG'] = sandbox.kubeconfigPath;
    console.log(`Sandbox running. KUBECONFIG=${sandbox.kubeconfigPath}`);
  }
  const workspace = path.join(root, 'sandbox', 'workspace');

  const stopAll = async (): Promise<void> => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await sandbox?.stop();
  };
  let stopping = false;
  const onSignal = (): void => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    void stopAll().then(() => process.exit(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const code = flag('--browser') ? undefined : onPath('code');
  if (code) {
    console.log('Opening your desktop VS Code with the extension under development…');
    const child = spawn(code, ['--new-window', `--extensionDevelopmentPath=${root}`, workspace], { env, stdio: 'inherit' });
    children.push(child);
    if (!sandbox) return;
    console.log('The sandbox keeps running until you press Ctrl-C.');
    return;
  }

  console.log('No desktop VS Code found: starting code-server (a real VS Code in your browser)…');
  await ensureCodeServer();
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!existsSync(settingsFile)) {
    writeFileSync(settingsFile, JSON.stringify({ 'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true, 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'telemetry.telemetryLevel': 'off' }, null, 2));
  }
  installInto(extensionsDir);
  const port = await freePort(Number(option('--port') ?? 8080));
  const child = spawn(
    node24Bin(),
    [codeServerBin(), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check', '--vscode-option', 'force-disable-user-env', workspace],
    { env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  children.push(child);
  child.on('exit', (codeOrNull) => {
    if (!stopping) {
      console.error(`code-server exited (${codeOrNull ?? 'signal'}).`);
      void stopAll().then(() => process.exit(1));
    }
  });
  console.log(`\nOpen http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}\nand click the "Valkey on Welkin" icon in the activity bar. Ctrl-C stops everything.`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
