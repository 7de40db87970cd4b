// `bash scripts/start.sh` as a newcomer runs it: the first run opens the sandbox in code-server; a
// second run finds it, prints its address and changes nothing of it (sandbox kubeconfig, extension
// folder, server); `--help` prints the options and starts nothing; the run's extension carries the
// rule documentation the .vsix carries; the sandbox workspace opens trusted, so Open Console gets
// its terminal; `--stop` ends the first run. The run's state lives in a temp folder
// (VALKEY_WELKIN_RUN_DIR), never in the repo's .cache/run.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { TIMEOUT_MS, Workbench } from '../support/workbench';

const root = path.resolve(__dirname, '..', '..');
const runDir = mkdtempSync(path.join(tmpdir(), 'valkey-welkin-start-'));
const env = { ...process.env, VALKEY_WELKIN_RUN_DIR: runDir };
const started: ChildProcess[] = [];

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startSh(...args: string[]): Run {
  const child = spawn('bash', [path.join(root, 'scripts', 'start.sh'), ...args], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let text = '';
  child.stdout.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr.on('data', (d: Buffer) => (text += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function finished(run: Run, timeoutMs: number): Promise<number | null> {
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
  const result = await Promise.race([run.exited, timer]);
  if (result === 'timeout') throw new Error(`start.sh did not end within ${timeoutMs / 1000} s:\n${run.output()}`);
  return result;
}

async function healthy(origin: string): Promise<boolean> {
  try {
    return (await fetch(`${origin}/healthz`)).ok;
  } catch {
    return false;
  }
}

/** What a second run must not touch: the sandbox kubeconfig and the installed extension. */
function snapshot(): { kubeconfig: string; kubeconfigMtime: number; extension: string; extensionIno: number } {
  const kubeconfig = path.join(runDir, 'sandbox', 'kubeconfig');
  const extensionsDir = path.join(runDir, 'extensions');
  const extension = readdirSync(extensionsDir)[0]!;
  return {
    kubeconfig: readFileSync(kubeconfig, 'utf8'),
    kubeconfigMtime: statSync(kubeconfig).mtimeMs,
    extension,
    extensionIno: statSync(path.join(extensionsDir, extension, 'package.json')).ino,
  };
}

after(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
  rmSync(runDir, { recursive: true, force: true });
});

test('a second start.sh leaves the first alone, --help starts nothing, the sandbox opens trusted with its docs', { timeout: 420_000 }, async () => {
  // The terminal's DOM renderer keeps its text in the page, where the test can read it.
  mkdirSync(path.join(runDir, 'user-data', 'User'), { recursive: true });
  writeFileSync(
    path.join(runDir, 'user-data', 'User', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true, 'telemetry.telemetryLevel': 'off', 'terminal.integrated.gpuAcceleration': 'off' }),
  );

  const first = startSh('--sandbox', '--browser', '--port', '0');
  const deadline = Date.now() + 240_000;
  let url: string | undefined;
  while (!(url = /Open (http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)/.exec(first.output())?.[1])) {
    if (first.child.exitCode !== null) throw new Error(`the first start.sh ended:\n${first.output()}`);
    if (Date.now() > deadline) throw new Error(`the first start.sh printed no address:\n${first.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const origin = new URL(url).origin;
  while (!(await healthy(origin))) {
    if (Date.now() > deadline) throw new Error(`code-server never answered on ${origin}:\n${first.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const before = snapshot();

  // The run's extension holds what the .vsix holds, rule documentation included.
  for (const doc of readdirSync(path.join(root, 'docs', 'rules'))) {
    assert.ok(existsSync(path.join(runDir, 'extensions', before.extension, 'docs', 'rules', doc)), `docs/rules/${doc} is installed`);
  }

  // A second start.sh: points at the first and ends, touching nothing.
  const second = startSh('--sandbox', '--browser');
  assert.equal(await finished(second, 60_000), 0, second.output());
  assert.match(second.output(), /scripts\/start\.sh is already running \(process \d+, started \d\d:\d\d UTC\); this one starts nothing\./);
  assert.ok(second.output().includes(`Open ${url}`), second.output());
  assert.match(second.output(), /bash scripts\/start\.sh --stop/);
  assert.doesNotMatch(second.output(), /Building|sandbox cluster…/);
  assert.deepEqual(snapshot(), before, 'the sandbox kubeconfig and the installed extension are untouched');
  assert.ok(await healthy(origin), 'the first code-server still answers');

  // --help: the options, nothing started; a misspelt option is refused with the same text.
  const help = startSh('--help');
  assert.equal(await finished(help, 30_000), 0, help.output());
  for (const option of ['--sandbox', '--browser', '--port N', '--stop', '--help']) assert.ok(help.output().includes(option), help.output());
  assert.doesNotMatch(help.output(), /Building|already running/);
  const typo = startSh('--hepl');
  assert.equal(await finished(typo, 30_000), 2, typo.output());
  assert.match(typo.output(), /Unknown option --hepl\.[\s\S]*--sandbox/);
  assert.deepEqual(snapshot(), before);

  // The sandbox workspace opens trusted: no Restricted Mode, and Open Console gets its terminal.
  const wb = await Workbench.open(url, { activityBarItem: 'Valkey on Welkin' });
  try {
    assert.doesNotMatch(await wb.page.locator('.part.statusbar').innerText(), /Restricted Mode/);
    await wb.openViewContainer('Valkey on Welkin', 'valkeyWelkin');
    await wb.allRows('Clusters', /^valkey-cluster$/);
    await wb.contextMenu('Clusters', /^valkey-cluster$/, 'Open Console');
    const rows = wb.page.locator('.terminal-wrapper.active .xterm-rows > div');
    const until = Date.now() + TIMEOUT_MS;
    let text = '';
    while (!/valkey-cluster primary rfr-valkey-cluster-\d>/.test(text)) {
      if (Date.now() > until) throw new Error(`The console never showed its prompt; the terminal shows:\n${text}\nnotifications: ${JSON.stringify(await wb.notifications())}`);
      await wb.page.waitForTimeout(200);
      text = (await rows.allInnerTexts()).join('\n');
    }
    assert.doesNotMatch(JSON.stringify(await wb.notifications()), /requires executing code|Restricted/);
  } finally {
    await wb.close();
  }

  // --stop ends the first run: its code-server and sandbox go, and so does its state.
  const stop = startSh('--stop');
  assert.equal(await finished(stop, 90_000), 0, stop.output());
  assert.match(stop.output(), /Stopping scripts\/start\.sh \(process \d+[\s\S]*Stopped\./);
  assert.equal(await finished(first, 30_000), 0, first.output());
  assert.equal(await healthy(origin), false, 'the first code-server is gone');
  assert.equal(existsSync(path.join(runDir, 'state.json')), false);
  const again = startSh('--stop');
  assert.equal(await finished(again, 30_000), 0);
  assert.match(again.output(), /No scripts\/start\.sh is running\./);
});
