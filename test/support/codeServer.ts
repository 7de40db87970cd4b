// Starts a real VS Code workbench (code-server, installed by scripts/code-server.mjs) for one test:
// a fresh user-data-dir with quiet User settings, a fresh extensions-dir holding the freshly built
// extension, a HOME of the test's choosing, a free port. stop() kills the whole process group.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const resultsDir = path.join(repoRoot, 'test-results');

interface Manifest {
  readonly publisher: string;
  readonly name: string;
  readonly version: string;
  readonly contributes?: { readonly commands?: readonly { readonly command: string; readonly title: string; readonly category?: string }[] };
}

export function manifest(): Manifest {
  return JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
}

/** `publisher.name`, the id VS Code knows the extension by. */
export function extensionId(): string {
  const m = manifest();
  return `${m.publisher}.${m.name}`;
}

/**
 * Settings that keep a fresh workbench quiet so tests and screenshots see the extension: no chat
 * or agent panel, no welcome page, no update or recommendation toasts, no trust prompt.
 */
export const quietSettings: Readonly<Record<string, unknown>> = {
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

export interface CodeServerOptions {
  /** A short name for logs under test-results/logs/. */
  readonly name: string;
  /**
   * The kubeconfig the extension host sees: a path sets KUBECONFIG; `undefined` unsets KUBECONFIG
   * so the extension falls back to `$HOME/.kube/config` (and HOME is an empty temp folder unless
   * `home` is given).
   */
  readonly kubeconfig?: string | undefined;
  /** HOME for code-server and the extension host; default: a fresh empty folder. */
  readonly home?: string;
  /** More environment for code-server and the extension host; `undefined` values unset a variable. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** More User settings, merged over `quietSettings`. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Remote (Machine) settings: where machine-scoped settings such as valkeyWelkin.kubeconfig apply in code-server. */
  readonly machineSettings?: Readonly<Record<string, unknown>>;
  /**
   * Copy the built extension into the extensions-dir (default true). Turn it off when the
   * workbench loads the extension through `extensionDevelopmentPath` instead.
   */
  readonly installExtension?: boolean;
  /** Install this .vsix with `code-server --install-extension` instead of copying the build. */
  readonly vsix?: string;
  /**
   * Honour VS Code's `payload` URL parameter (extension development and tests, see `payloadUrl`).
   * A built VS Code reads it only when the server runs with `--enable-smoke-test-driver`.
   */
  readonly allowPayload?: boolean;
  /** How long to wait for the HTTP port; default 60 s. */
  readonly startTimeoutMs?: number;
}

export interface CodeServer {
  /** The workbench URL with the (empty) workspace folder open. */
  readonly url: string;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  /** The workspace folder the workbench opens: an empty temp folder. */
  readonly workspaceFolder: string;
  readonly home: string;
  readonly userDataDir: string;
  /** code-server's own stdout and stderr. */
  readonly logFile: string;
  /**
   * The workbench URL that runs extension tests in the extension host: VS Code's `payload` query
   * parameter with `extensionDevelopmentPath` and `extensionTestsPath` (absolute local paths).
   */
  payloadUrl(extensionDevelopmentPath: string, extensionTestsPath: string): string;
  /** The last lines code-server printed, for error messages. */
  logTail(lines?: number): string;
  /** Kills code-server's process group, keeps its logs under test-results/logs/, removes temp folders. */
  stop(): Promise<void>;
}

/** The built extension's files that a packaged .vsix would hold. */
const extensionFiles = ['package.json', 'package.nls.json', 'dist', 'media', 'README.md', 'CHANGELOG.md', 'LICENSE'];

/** Fails when dist/ is missing; warns when src/ changed after it was built. */
export async function assertBuilt(): Promise<void> {
  const entry = path.join(repoRoot, 'dist', 'extension.js');
  if (!existsSync(entry)) {
    throw new Error(`The extension is not built (${path.relative(repoRoot, entry)} is missing): run npm run build first.`);
  }
  const built = (await stat(entry)).mtimeMs;
  const newest = await newestMtime(path.join(repoRoot, 'src'));
  if (newest > built) {
    console.warn(`[code-server] warning: src/ changed after dist/ was built; the workbench runs the old build (run npm run build).`);
  }
}

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestMtime(p) : (await stat(p)).mtimeMs);
  }
  return newest;
}

/** Copies the built extension to `<extensionsDir>/<publisher>.<name>-<version>`, like an install. */
async function installBuiltExtension(extensionsDir: string): Promise<string> {
  const m = manifest();
  const target = path.join(extensionsDir, `${m.publisher}.${m.name}-${m.version}`);
  await mkdir(target, { recursive: true });
  for (const file of extensionFiles) {
    const from = path.join(repoRoot, file);
    if (existsSync(from)) await cp(from, path.join(target, file), { recursive: true });
  }
  return target;
}

/** `code-server --install-extension`, the way a user installs a downloaded .vsix. */
async function installVsix(node: string, codeServer: string, vsix: string, extensionsDir: string, userDataDir: string): Promise<void> {
  const { execFile } = await import('node:child_process');
  await new Promise<void>((resolve, reject) => {
    execFile(node, [codeServer, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix], { timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`code-server --install-extension ${vsix} failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve();
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The environment code-server (and so the extension host) runs with. */
function childEnv(home: string, options: CodeServerOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    // Nothing from a surrounding VS Code, npm run or Electron should leak into the workbench.
    if (/^(VSCODE_|npm_|ELECTRON_)/i.test(k)) continue;
    env[k] = v;
  }
  Object.assign(env, {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
  });
  delete env['KUBECONFIG'];
  if (options.kubeconfig !== undefined) env['KUBECONFIG'] = options.kubeconfig;
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

let exitHooksInstalled = false;
function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => {
    for (const child of running) killGroup(child, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const child of running) killGroup(child, 'SIGKILL');
      process.kill(process.pid, signal);
    });
  }
}

/** Polls code-server's health endpoint until it answers; `gone()` says why the process is gone, if it is. */
async function waitForHttp(origin: string, gone: () => string | undefined, timeoutMs: number, tail: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    const why = gone();
    if (why) throw new Error(`code-server ${why} before it answered on ${origin}.\n${tail()}`);
    try {
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
      lastError = `HTTP ${response.status}`;
    } catch (e) {
      lastError = e instanceof Error ? e.message : String(e);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer on ${origin} within ${timeoutMs / 1000} s (${lastError}).\n${tail()}`);
}

/** Starts code-server for one test; always `await server.stop()` (an exit hook kills it too). */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { ensureCodeServer } = await import('../../scripts/code-server.mjs');
  const { node, codeServer } = await ensureCodeServer();
  if (options.installExtension !== false && !options.vsix) await assertBuilt();

  const tmp = await mkdtemp(path.join(tmpdir(), `valkey-welkin-${options.name}-`));
  const home = options.home ?? path.join(tmp, 'home');
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const workspaceFolder = path.join(tmp, 'workspace');
  for (const dir of [home, path.join(userDataDir, 'User'), extensionsDir, workspaceFolder]) await mkdir(dir, { recursive: true });
  await writeFile(path.join(userDataDir, 'User', 'settings.json'), `${JSON.stringify({ ...quietSettings, ...options.settings }, null, 2)}\n`);
  if (options.machineSettings) {
    await mkdir(path.join(userDataDir, 'Machine'), { recursive: true });
    await writeFile(path.join(userDataDir, 'Machine', 'settings.json'), `${JSON.stringify(options.machineSettings, null, 2)}\n`);
  }
  if (options.vsix) await installVsix(node, codeServer, options.vsix, extensionsDir, userDataDir);
  else if (options.installExtension !== false) await installBuiltExtension(extensionsDir);

  const logsDir = path.join(resultsDir, 'logs', options.name);
  await rm(logsDir, { recursive: true, force: true });
  await mkdir(logsDir, { recursive: true });
  const logFile = path.join(logsDir, 'code-server.log');
  const log = createWriteStream(logFile);
  let output = '';

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const args = [
    codeServer,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', path.join(tmp, 'code-server.yaml'),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    // The extension host gets exactly the environment given here: VS Code would otherwise merge
    // in a login shell's environment, whose /etc/profile resets PATH on Debian.
    '--vscode-option', 'force-disable-user-env',
    ...(options.allowPayload ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    workspaceFolder,
  ];
  installExitHooks();
  const child = spawn(node, args, {
    cwd: workspaceFolder,
    env: childEnv(home, options),
    detached: true, // its own process group, so stop() reaches the extension host and helpers too
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const collect = (chunk: Buffer): void => {
    log.write(chunk);
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (e) => {
      spawnError = e;
      resolve();
    });
  });
  const gone = (): string | undefined => {
    if (spawnError) return `could not be started (${spawnError.message})`;
    if (child.exitCode !== null || child.signalCode !== null) return `exited (${child.signalCode ?? `exit code ${child.exitCode}`})`;
    return undefined;
  };
  const logTail = (lines = 30): string => output.split('\n').slice(-lines).join('\n');

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    killGroup(child, 'SIGKILL'); // stragglers of the group
    running.delete(child);
    await new Promise((r) => log.end(r));
    // Keep VS Code's own logs (extension host, our output channel) as artifacts.
    await cp(path.join(userDataDir, 'logs'), path.join(logsDir, 'vscode'), { recursive: true }).catch(() => {});
    await rm(tmp, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
  };

  try {
    await waitForHttp(origin, gone, options.startTimeoutMs ?? 60_000, () => logTail());
  } catch (e) {
    await stop();
    throw e;
  }

  const folderQuery = `folder=${encodeURIComponent(workspaceFolder)}`;
  return {
    url: `${origin}/?${folderQuery}`,
    origin,
    port,
    workspaceFolder,
    home,
    userDataDir,
    logFile,
    logTail,
    payloadUrl(extensionDevelopmentPath, extensionTestsPath) {
      if (!options.allowPayload) throw new Error('payloadUrl() needs startCodeServer({ allowPayload: true })');
      const remote = (p: string): string => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
      const payload = [
        ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
        ['extensionTestsPath', remote(extensionTestsPath)],
      ];
      return `${origin}/?${folderQuery}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    },
    stop,
  };
}
