/**
 * The code-server installer (scripts/code-server.mjs) stopped half-way, as a new user stops a first
 * `scripts/start.sh`: Ctrl-C (SIGINT to the process group) stops it cleanly and says how to resume;
 * a kill of the whole process group in the middle of the code-server step leaves a lock and a
 * half-filled folder behind, and the next run takes the lock over within seconds, redoes the
 * unfinished step (not the finished one) and ends with a code-server that runs.
 *
 * It installs for real (npm, native builds; a few minutes) into a temp folder of its own through
 * VALKEY_WELKIN_CODE_SERVER_DIR, never into the repo's .cache/code-server that other tests use.
 */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

const root = path.resolve(__dirname, '..', '..');
const script = path.join(root, 'scripts', 'code-server.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'vw-code-server-install-'));
const lockDir = path.join(dir, '.lock');
const stamp = path.join(dir, 'stamp.json');
const running = new Set<ChildProcess>();

interface Install {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node scripts/code-server.mjs install` in its own process group, as a terminal runs it. */
function startInstall(): Install {
  const child = spawn(process.execPath, [script, 'install'], {
    cwd: root,
    env: { ...process.env, VALKEY_WELKIN_CODE_SERVER_DIR: dir },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let text = '';
  child.stdout.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr.on('data', (d: Buffer) => (text += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, output: () => text, exited };
}

async function waitFor(what: string, condition: () => boolean, timeoutMs: number, install: Install): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (install.child.exitCode !== null || install.child.signalCode !== null) {
      throw new Error(`the install ended before ${what}:\n${install.output()}`);
    }
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs / 1000} s:\n${install.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface LockOwner {
  process: { pid: number };
  child?: { pid: number };
}

function owner(): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(path.join(lockDir, 'owner.json'), 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

function execFileText(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(file, args, { env }, (e, out) => {
      if (e) reject(new Error(`${file} ${args.join(' ')}: ${e.message}`));
      else resolve(out);
    }),
  );
}

after(() => {
  for (const child of running) if (child.pid) process.kill(-child.pid, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

test('an install stopped by Ctrl-C or killed mid-way is resumed by the next run and ends with a working code-server', { timeout: 20 * 60_000 }, async () => {
  // 1. Ctrl-C while npm runs: a clean stop that says how to resume, and no lock left behind.
  const first = startInstall();
  await waitFor('npm of step 1 recorded in the lock', () => first.output().includes('step 1/2') && owner()?.child !== undefined, 60_000, first);
  process.kill(-first.child.pid!, 'SIGINT');
  const stopped = await first.exited;
  assert.equal(stopped.code, 130, first.output());
  assert.match(first.output(), /install stopped during step [12]\/2/);
  assert.match(first.output(), /run `node scripts\/code-server\.mjs install` .* again to resume/);
  assert.equal(existsSync(lockDir), false, 'Ctrl-C released the install lock');
  assert.equal(existsSync(stamp), false, 'a stopped install is not marked finished');

  // 2. A kill of the whole process group half-way through the code-server step.
  const second = startInstall();
  await waitFor(
    'code-server being unpacked',
    () => second.output().includes('step 2/2') && existsSync(path.join(dir, 'server', 'node_modules', 'code-server', 'package.json')),
    5 * 60_000,
    second,
  );
  process.kill(-second.child.pid!, 'SIGKILL');
  await second.exited;
  assert.equal(owner()?.process.pid, second.child.pid, 'the killed install left its lock behind');
  assert.equal(existsSync(stamp), false);

  // 3. The next run takes the lock over at once, keeps the finished Node step, redoes the rest.
  const started = Date.now();
  const third = startInstall();
  await waitFor('takeover of the dead lock', () => third.output().includes(`taking over the install lock of process ${second.child.pid}`), 30_000, third);
  const takeoverSeconds = (Date.now() - started) / 1000;
  assert.ok(takeoverSeconds < 30, `took the lock over after ${takeoverSeconds} s`);
  assert.doesNotMatch(third.output(), /waiting/);
  const done = await third.exited;
  assert.equal(done.code, 0, third.output());
  assert.match(third.output(), /step 1\/2: Node [\d.]+ is already installed/);
  assert.match(third.output(), /an earlier install of code-server did not finish: starting it again from an empty folder/);
  assert.equal(existsSync(lockDir), false);
  assert.ok(existsSync(stamp));

  // A working code-server: the installed Node runs it and it reports its version.
  const paths = await execFileText(process.execPath, [script, 'path'], { ...process.env, VALKEY_WELKIN_CODE_SERVER_DIR: dir });
  const [entry, node] = paths.trim().split('\n');
  assert.ok(entry!.startsWith(dir) && node!.startsWith(dir), paths);
  const version = await execFileText(node!, [entry!, '--version'], { ...process.env, HOME: dir });
  assert.match(version, /^4\.\d+\.\d+ [0-9a-f]+ with Code \d+\.\d+\.\d+/m);
});
