/**
 * `bash scripts/start.sh [options]` (or `npm start` once installed): builds the extension, starts the
 * sandbox when no kubeconfig is configured, and opens the extension in a real VS Code. Ctrl-C stops
 * everything it started. One run at a time: a second start.sh finds the running one and says how
 * to reach or stop it instead of taking over its sandbox and extension folder. `--help` lists the options.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { codeServerBin, ensureCodeServer, InstallStopped, node24Bin } from './code-server.mjs';
import { currentOwner, isRunning, sameOwner, type Owner } from './process-owner.mjs';
import { startSandbox, type Sandbox } from '../sandbox/start';

const USAGE = `Usage: bash scripts/start.sh [options]   (or: npm start -- [options])

Runs the extension in a real VS Code: your desktop \`code\` when it is on PATH, else code-server
in the browser (installed into .cache/code-server on first use). Without a kubeconfig it starts
a local sandbox cluster and points the extension at it. Ctrl-C stops everything it started.

Options:
  --sandbox    use the local sandbox cluster even when you have a kubeconfig
  --browser    use code-server in the browser even when a desktop \`code\` is on PATH
  --port N     code-server's port (default 8080, or a free one when taken)
  --stop       stop the start.sh that is running (the same as Ctrl-C in its terminal)
  -h, --help   print this and start nothing

Only one start.sh runs at a time: a second one prints the first one's address and exits.`;

const root = path.resolve(__dirname, '..');
/** The run's state, user data and extensions; VALKEY_WELKIN_RUN_DIR moves them (tests use a temp folder). */
const runDir = process.env['VALKEY_WELKIN_RUN_DIR'] ? path.resolve(process.env['VALKEY_WELKIN_RUN_DIR']) : path.join(root, '.cache', 'run');
const sandboxDir = process.env['VALKEY_WELKIN_RUN_DIR'] ? path.join(runDir, 'sandbox') : path.join(root, '.sandbox');
const stateFile = path.join(runDir, 'state.json');
const args = process.argv.slice(2);
const KNOWN = new Set(['--sandbox', '--browser', '--port', '--stop', '--help', '-h']);
const flag = (name: string): boolean => args.includes(name);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

/** What a running start.sh records, so a second one can point at it or stop it. */
interface RunState extends Owner {
  url?: string;
  kubeconfig?: string;
}

function readState(): RunState | undefined {
  try {
    return JSON.parse(readFileSync(stateFile, 'utf8')) as RunState;
  } catch {
    return undefined;
  }
}

/**
 * Claims the run (state.json, created exclusively); returns the live run that holds it instead,
 * if there is one. A state file whose process is gone is replaced.
 */
async function claimRun(): Promise<{ mine: RunState } | { running: RunState }> {
  mkdirSync(runDir, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    const mine: RunState = currentOwner();
    try {
      writeFileSync(stateFile, JSON.stringify(mine, null, 2), { flag: 'wx' });
      return { mine };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 5) throw e;
    }
    const running = readState();
    if (running && isRunning(running)) return { running };
    if (!running && attempt === 0) {
      // Being written this very moment by another start.sh: look again shortly.
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    rmSync(stateFile, { force: true });
  }
}

function updateState(mine: RunState, more: Partial<RunState>): void {
  Object.assign(mine, more);
  if (sameOwner(readState(), mine)) writeFileSync(stateFile, JSON.stringify(mine, null, 2));
}

function releaseState(mine: RunState): void {
  if (sameOwner(readState(), mine)) rmSync(stateFile, { force: true });
}

function describeRun(run: RunState): string {
  return `process ${run.process.pid}, started ${run.since.slice(11, 16)} UTC`;
}

/** `--stop`: SIGTERM to the running start.sh (its Ctrl-C path), then wait until it is gone. */
async function stopRunning(): Promise<number> {
  const running = readState();
  if (!running || !isRunning(running)) {
    console.log('No scripts/start.sh is running.');
    return 0;
  }
  console.log(`Stopping scripts/start.sh (${describeRun(running)})…`);
  process.kill(running.process.pid, 'SIGTERM');
  const deadline = Date.now() + 60_000;
  while (isRunning(running)) {
    if (Date.now() > deadline) {
      console.error(`It is still running after 60 s; stop it with: kill ${running.process.pid}`);
      return 1;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log('Stopped.');
  return 0;
}

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

/**
 * Installs the built extension the way VS Code unpacks a .vsix: `<publisher>.<name>-<version>`
 * holding the files `vsce ls` lists, the same list (from .vscodeignore) the .vsix is made of.
 */
function installInto(extensionsDir: string): void {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const files = execFileSync(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  rmSync(extensionsDir, { recursive: true, force: true });
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(target, file));
  }
}

async function main(): Promise<number | undefined> {
  const unknown = args.filter((a, i) => a.startsWith('-') && !KNOWN.has(a) && args[i - 1] !== '--port');
  if (unknown.length) {
    console.error(`Unknown option ${unknown.join(', ')}.\n\n${USAGE}`);
    return 2;
  }
  if (flag('--help') || flag('-h')) {
    console.log(USAGE);
    return 0;
  }
  if (flag('--stop')) return stopRunning();

  const claim = await claimRun();
  if ('running' in claim) {
    const { running } = claim;
    console.log(`scripts/start.sh is already running (${describeRun(running)}); this one starts nothing.`);
    if (running.url) console.log(`  Open ${running.url}`);
    else console.log('  It is still starting: its terminal prints the address when it is ready.');
    console.log('  To stop it: Ctrl-C in its terminal, or bash scripts/start.sh --stop');
    return 0;
  }
  const { mine } = claim;
  process.on('exit', () => releaseState(mine));

  console.log('Building the extension…');
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });

  const children: ChildProcess[] = [];
  let sandbox: Sandbox | undefined;
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (flag('--sandbox') || !hasOwnKubeconfig()) {
    console.log('No kubeconfig configured: starting the local sandbox cluster…');
    sandbox = await startSandbox(sandboxDir);
    env['KUBECONFIG'] = sandbox.kubeconfigPath;
    updateState(mine, { kubeconfig: sandbox.kubeconfigPath });
    console.log(`Sandbox running. KUBECONFIG=${sandbox.kubeconfigPath}`);
  }
  const workspace = path.join(root, 'sandbox', 'workspace');

  const stopAll = async (): Promise<void> => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await sandbox?.stop();
  };
  let stopping = false;
  /** Aborts a code-server install in progress; main() then stops the rest and says how to resume. */
  const installing = new AbortController();
  let inInstall = false;
  const onSignal = (): void => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    if (inInstall) installing.abort(new Error('stopped'));
    else void stopAll().then(() => process.exit(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);

  const code = flag('--browser') ? undefined : onPath('code');
  if (code) {
    console.log('Opening your desktop VS Code with the extension under development…');
    // The sandbox workspace is ours: open it trusted (Restricted Mode would block the console's terminal).
    const child = spawn(code, ['--new-window', '--disable-workspace-trust', `--extensionDevelopmentPath=${root}`, workspace], { env, stdio: 'inherit' });
    children.push(child);
    if (!sandbox) return undefined;
    console.log('The sandbox keeps running until you press Ctrl-C.');
    return undefined;
  }

  console.log('No desktop VS Code found: starting code-server (a real VS Code in your browser)…');
  inInstall = true;
  try {
    await ensureCodeServer({ signal: installing.signal });
  } catch (e) {
    await stopAll();
    if (e instanceof InstallStopped) {
      console.error(e.message);
      return 130;
    }
    throw e;
  }
  inInstall = false;
  if (stopping) {
    await stopAll();
    return 0;
  }
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
    // --disable-workspace-trust: this session only opens our own sandbox workspace; trusting it lets
    // the console open its terminal (Restricted Mode blocks terminals). It changes no setting.
    [codeServerBin(), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--vscode-option', 'force-disable-user-env', workspace],
    { env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  children.push(child);
  child.on('exit', (codeOrNull) => {
    if (!stopping) {
      console.error(`code-server exited (${codeOrNull ?? 'signal'}).`);
      void stopAll().then(() => process.exit(1));
    }
  });
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  updateState(mine, { url });
  console.log(`\nOpen ${url}\nand click the "Valkey on Welkin" icon in the activity bar. Ctrl-C stops everything.`);
  return undefined;
}

main().then(
  (code) => {
    if (code !== undefined) process.exit(code);
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
