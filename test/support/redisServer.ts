/**
 * One real `redis-server` on a loopback address of its own, playing a pod with that IP; it can be
 * stopped and started again on the same address (a pod that goes away and comes back).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RedisServer {
  readonly host: string;
  readonly port: number;
  stop(): Promise<void>;
  /** Starts it again after stop(); does nothing while it runs. */
  start(): Promise<void>;
}

export interface RedisServerOptions {
  readonly host?: string;
  readonly port?: number;
  /** Extra `--name value` arguments, e.g. ['--enable-debug-command', 'yes']. */
  readonly args?: readonly string[];
}

const live = new Set<ChildProcess>();
let hooked = false;

function ping(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (result: boolean): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(500, () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => done(chunk.toString('utf8').startsWith('+PONG') || chunk.toString('utf8').startsWith('-NOAUTH')));
    socket.on('error', () => done(false));
  });
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  if (!hooked) {
    hooked = true;
    const killAll = (): void => {
      for (const child of live) child.kill('SIGKILL');
    };
    process.on('exit', killAll);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        killAll();
        process.kill(process.pid, signal);
      });
    }
  }
  const host = options.host ?? `127.${randomInt(10, 250)}.${randomInt(1, 250)}.${randomInt(2, 250)}`;
  const port = options.port ?? 6379;
  let child: ChildProcess | undefined;

  const start = async (): Promise<void> => {
    if (child && child.exitCode === null && child.signalCode === null) return;
    const args = ['--bind', host, '--port', String(port), '--save', '', '--appendonly', 'no', '--protected-mode', 'no', '--daemonize', 'no', '--loglevel', 'warning', ...(options.args ?? [])];
    const spawned = spawn('redis-server', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child = spawned;
    live.add(spawned);
    spawned.once('exit', () => live.delete(spawned));
    spawned.unref();
    // Keep the pipe from holding the test process open: the exit hook kills the child.
    (spawned.stderr as unknown as { unref?: () => void } | null)?.unref?.();
    let stderr = '';
    spawned.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const spawnError = new Promise<Error>((resolve) => spawned.once('error', resolve));
    for (let attempt = 0; attempt < 50; attempt++) {
      const failed = await Promise.race([spawnError, sleep(100).then(() => undefined)]);
      if (failed) throw new Error(`cannot start redis-server: ${failed.message} (install it with apt-get install redis-server)`);
      if (spawned.exitCode !== null) throw new Error(`redis-server exited with ${spawned.exitCode}: ${stderr}`);
      if (await ping(host, port)) return;
    }
    throw new Error(`redis-server on ${host}:${port} did not answer PING within 5 s: ${stderr}`);
  };

  const stop = async (): Promise<void> => {
    const running = child;
    if (!running) return;
    child = undefined;
    running.kill('SIGTERM');
    if (!(await exited(running, 2000))) {
      running.kill('SIGKILL');
      await exited(running, 2000);
    }
  };

  await start();
  return { host, port, start, stop };
}
