// The project index through the CLI: a handler that gets its client, a factory and a wrapper
// service from another module is checked with what that module exports; the wrapper's own write
// is reported at its caller (with the wrapper's line as related information), not in the wrapper.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../../src/cli/valkey-lint';
import { tempDir } from '../../support/tempDir';

async function lintTree(files: Record<string, string>, args: string[] = []): Promise<{ file: string; line: number; rule: string; message: string }[]> {
  const dir = await tempDir('valkey-lint-xfile-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  let out = '';
  await runCli(['--format', 'json', ...args, '.'], { stdout: (t) => (out += t), stderr: () => undefined, cwd: dir });
  return (JSON.parse(out) as { file: string; line: number; rule: string; message: string }[]).map(({ file, line, rule, message }) => ({ file, line, rule, message }));
}

const redisModule = `import Redis from 'ioredis';
export const client = new Redis(process.env.REDIS_URL!);
export class CacheService {
  constructor(private readonly r: Redis) {}
  async incr(key: string, delta: number) {
    return this.r.incrby(key, delta);
  }
}
export function getStore() {
  return client;
}
`;

const handler = `import { client, getStore, CacheService } from '../lib/redis';
export async function hit(day: string, svc: CacheService) {
  await svc.incr(\`hits:\${day}\`, 1);
  const all = await client.keys('hits:*');
  await getStore().set('last', day);
  return all;
}
`;

test('a TypeScript handler using an imported client, factory and wrapper service', async () => {
  for (const jobs of ['1', '2']) {
    const findings = await lintTree({ 'src/lib/redis.ts': redisModule, 'src/routes/stats.ts': handler, ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`src/other${i}.ts`, `export const n${i} = ${i};\n`])) }, ['--jobs', jobs]);
    assert.deepEqual(
      findings.map((f) => [f.file, f.line, f.rule]),
      [
        ['src/routes/stats.ts', 3, 'missing-ttl'],
        ['src/routes/stats.ts', 4, 'no-keys'],
        ['src/routes/stats.ts', 5, 'missing-ttl'],
      ],
      `--jobs ${jobs}`,
    );
    assert.match(findings[0]!.message, /INCRBY creates `hits:\$\{day\}` without an expiry.*through a wrapper/);
  }
});

test('the same handler alone: only what its own text shows (a `client` imported from a redis module), not the wrapper or the factory', async () => {
  assert.deepEqual((await lintTree({ 'src/routes/stats.ts': handler })).map((f) => [f.line, f.rule]), [[4, 'no-keys']]);
});

test('a wrapper nobody in the project calls is reported in the wrapper', async () => {
  const findings = await lintTree({ 'src/lib/redis.ts': redisModule });
  assert.deepEqual(findings.map((f) => [f.file, f.line, f.rule]), [['src/lib/redis.ts', 6, 'missing-ttl']]);
});

test('a file that never names Redis gets the client it imports from a module that holds one (TypeScript, Python)', async () => {
  const findings = await lintTree({
    'src/store.ts': "import Redis from 'ioredis';\nexport const store = new Redis();\n",
    'src/handler.ts': "import { store } from './store';\nexport async function all() {\n  return store.keys('*');\n}\n",
    'app/connections.py': 'import redis\nconn = redis.Redis()\n',
    'app/views.py': "from app.connections import conn\n\n\ndef purge():\n    return conn.keys('*')\n",
  });
  assert.deepEqual(findings.map((f) => [f.file, f.line, f.rule]), [
    ['app/views.py', 5, 'no-keys'],
    ['src/handler.ts', 3, 'no-keys'],
  ]);
});
