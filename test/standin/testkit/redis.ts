/** One throwaway `redis-server` on its own loopback address, playing a pod with that IP. */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RedisProcess {
  readonly host: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Sends one inline command and resolves with the first reply line (e.g. `+PONG`). */
export function redisCommand(host: string, port: number, command: string, timeoutMs = 2000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let reply = '';
    const timer = setTimeout(() => socket.destroy(new Error(`no reply from ${host}:${port} within ${timeoutMs} ms`)), timeoutMs);
    socket.on('connect', () => socket.write(`${command}\r\n`));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('utf8');
      if (reply.includes('\r\n')) {
        clearTimeout(timer);
        socket.end();
        resolve(reply.split('\r\n')[0] ?? '');
      }
    });
    socket.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
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

export async function startRedis(binary = 'redis-server'): Promise<RedisProcess> {
  const host = `127.${randomInt(10, 250)}.${randomInt(1, 250)}.${randomInt(2, 250)}`;
  const port = 6379;
  const child = spawn(binary, ['--bind', host, '--port', String(port), '--save', '', '--appendonly', 'no', '--protected-mode', 'no', '--daemonize', 'no', '--loglevel', 'warning'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    if (!(await exited(child, 2000))) {
      child.kill('SIGKILL');
      await exited(child, 2000);
    }
  };
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const failed = await Promise.race([spawnError, sleep(100).then(() => undefined)]);
    if (failed) throw new Error(`cannot start ${binary}: ${failed.message} (install it with apt-get install redis-server)`);
    if (child.exitCode !== null) throw new Error(`${binary} exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await redisCommand(host, port, 'PING', 500)) === '+PONG') return { host, port, stop };
    } catch {
      // not listening yet
    }
  }
  await stop();
  throw new Error(`${binary} on ${host}:${port} did not answer PING within 5 s: ${stderr}`);
}
