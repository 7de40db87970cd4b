/**
 * The connection snippets, run for real: the iovalkey one with node and the redis-py one with
 * python3, against a real Sentinel topology, configured only through the app ConfigMap's
 * environment variables.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { clientSnippets } from '../../src/welkin/snippets';
import { redisCli, startTopology, type Topology } from '../support/topology';

const execFileAsync = promisify(execFile);
const REPO = new URL('../..', import.meta.url).pathname;
const MASTER = 'snippet-master';
const PYTHON_REDIS_HINT = 'No python3 with the redis module (redis-py): install it with "apt-get install -y python3-redis" (CI: add python3-redis to the apt-get line of .ci/run).';

let topology: Topology;

before(async () => {
  topology = await startTopology({ masterName: MASTER });
});
after(() => topology?.stop());

function snippet(id: string): string {
  const found = clientSnippets({ flavour: 'valkey' }).find((s) => s.id === id);
  assert.ok(found, id);
  return found.code;
}

function snippetEnv(): NodeJS.ProcessEnv {
  const [sentinel] = topology.sentinels;
  assert.ok(sentinel);
  return { ...process.env, VALKEY_SENTINEL_HOST: sentinel.host, VALKEY_SENTINEL_PORT: String(sentinel.port), VALKEY_SENTINEL_MASTER: MASTER };
}

/** Runs a program given on stdin (no shell, no temporary file); resolves with its output. */
function run(command: string, args: string[], code: string, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: snippetEnv(), stdio: ['pipe', 'pipe', 'pipe'], timeout: 30_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (exit) => resolve({ code: exit, stdout, stderr }));
    child.stdin.end(code);
  });
}

async function assertStoredWithExpiry(): Promise<void> {
  const primary = await topology.currentPrimary();
  const ttl = Number((await redisCli(['TTL', 'greeting'], primary)).trim());
  assert.ok(ttl > 0 && ttl <= 60, `TTL of greeting is ${ttl}`);
  await redisCli(['DEL', 'greeting'], primary);
}

/** Debian's python3-redis lives in /usr/bin/python3's dist-packages, which a pyenv python3 does not see. */
async function pythonWithRedis(): Promise<string> {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    try {
      await execFileAsync(candidate, ['-c', 'import redis.sentinel'], { timeout: 10_000 });
      return candidate;
    } catch {
      // try the next interpreter
    }
  }
  throw new Error(PYTHON_REDIS_HINT);
}

test('the iovalkey snippet connects through Sentinel, writes with an expiry and reads back', async () => {
  // ESM from stdin resolves `import 'iovalkey'` from the working directory: the repository's node_modules.
  const result = await run(process.execPath, ['--input-type=module', '-'], snippet('iovalkey'), REPO);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, 'hello\n');
  await assertStoredWithExpiry();
});

test('the redis-py snippet connects through Sentinel, writes with an expiry and reads back', async () => {
  const python = await pythonWithRedis();
  const result = await run(python, ['-'], snippet('redis-py'), REPO);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, 'hello\n');
  await assertStoredWithExpiry();
});
