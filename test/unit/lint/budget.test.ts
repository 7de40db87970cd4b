import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linter, lines } from './helpers';

test('binary content is skipped, not parsed', async () => {
  const result = await linter.lint('redis\u0000\u0001\u0002'.repeat(100), 'javascript');
  assert.equal(result.skipped?.reason, 'binary');
  assert.deepEqual(result.findings, []);
});

test('text in an unknown encoding (mostly undecodable) is skipped as binary', async () => {
  const result = await linter.lint('redis.keys()' + '\uFFFD'.repeat(500), 'javascript');
  assert.equal(result.skipped?.reason, 'binary');
});

test('a 10 MB minified bundle is skipped by the size budget, quickly', async () => {
  const chunk = "var a=require('ioredis');var r=new a;r.keys('*');function f(n){return n?f(n-1):0}";
  const bundle = chunk.repeat(Math.ceil(10_000_000 / chunk.length));
  const started = performance.now();
  const result = await linter.lint(bundle, 'javascript');
  assert.equal(result.skipped?.reason, 'too-large');
  assert.match(result.skipped?.detail ?? "", /over the 2000000 limit/);
  assert.ok(performance.now() - started < 1000);
});

test('a raised size limit lints the same bundle within the time budget or reports the timeout', async () => {
  const chunk = "var a=require('ioredis');var r=new a;r.keys('*');";
  const bundle = chunk.repeat(Math.ceil(3_000_000 / chunk.length));
  const started = performance.now();
  const result = await linter.lint(bundle, 'javascript', { maxBytes: 20_000_000, timeBudgetMs: 150 });
  const elapsed = performance.now() - started;
  assert.equal(result.skipped?.reason, 'timeout');
  assert.ok(elapsed < 1500, `took ${elapsed} ms`);
  // The linter is still usable afterwards.
  const after = await linter.lint(lines("const a = require('ioredis');", "new a().keys('*');"), 'javascript');
  assert.equal(after.findings.length, 1);
});

test('deeply nested code and invalid syntax produce findings where the tree allows, without a crash', async () => {
  const deep = `const Redis = require('ioredis'); const r = new Redis();\n${'['.repeat(20_000)}r.keys('*')${']'.repeat(20_000)}\n`;
  const d = await linter.lint(deep, 'javascript');
  assert.ok(!d.skipped || d.skipped.reason === 'timeout');
  const broken = lines("const Redis = require('ioredis');", 'const r = new Redis(', "function f( { r.keys('*'); }", "r.flushall();");
  const b = await linter.lint(broken, 'javascript');
  assert.equal(b.skipped, undefined);
});

test('files that name no client are not parsed at all', async () => {
  const result = await linter.lint('const m = new Map(); m.set("a", 1); Object.keys(m);\n'.repeat(1000), 'javascript');
  assert.deepEqual(result, { findings: [] });
});

test('self-referencing declarations and very long alias chains end, with no crash', async () => {
  const chain = ["import Redis from 'ioredis';", 'const a0 = new Redis();'];
  for (let i = 1; i <= 400; i++) chain.push(`const a${i} = a${i - 1};`);
  chain.push('a400.keys();', 'a3.keys();');
  const long = await linter.lint(lines(...chain), 'typescript');
  assert.equal(long.skipped, undefined);
  assert.deepEqual(long.findings.map((f) => f.range.start.line), [403]);

  const cases: [string, Parameters<typeof linter.lint>[1]][] = [
    [lines("import { Redis } from 'ioredis';", 'type Store = Store;', 'const Store: Store = Store;', 'let s: Store = s;', 's.set(k, v); redis.keys();'), 'typescript'],
    [lines('package p', 'import "github.com/redis/go-redis/v9"', 'type A struct { *A }', 'type B struct { *C }', 'type C struct { *B }', 'func f(a A, b B) { a.Set(ctx, "k", 1, 0); b.Keys(ctx, "*"); rdb.Keys(ctx, "*") }'), 'go'],
    [lines('import redis', 'a = b', 'b = a', 'class C:', '    def __init__(self):', '        self.r = self.r', '    @property', '    def q(self):', '        return self.q', '    def f(self):', '        a.keys(); self.r.keys(); self.q.keys(); redis.Redis().keys()'), 'python'],
    [lines('class A', '  def redis; redis; end', '  def f; redis.keys("*"); @x = @x; @x.keys; end', 'end'), 'ruby'],
    [lines('<?php', 'class A { private $r; function f() { $this->r = $this->r; $this->r->keys("*"); $a = $a; $a->keys("*"); } }'), 'php'],
  ];
  for (const [src, language] of cases) {
    const result = await linter.lint(src, language);
    assert.equal(result.skipped, undefined, `${language}: ${result.skipped?.detail}`);
  }
});

test('the time budget holds on deeply nested calls in every language (PHP took 400 s before parent lookups checked it)', async () => {
  const d = 12_000;
  const nest = (open: string, inner = '1'): string => `${open.repeat(d)}${inner}${')'.repeat(d)}`;
  const files: [Parameters<typeof linter.lint>[1], string][] = [
    ['javascript', `const Redis = require('ioredis'); const r = new Redis();\nconst x = ${nest('r.set(')};\n`],
    ['typescript', `import Redis from 'ioredis'; const r = new Redis();\nexport const x = ${nest('r.get(r.keys(', '1)')};\n`],
    ['python', `import redis\nr = redis.Redis()\nx = ${nest('r.set(')}\n`],
    ['go', `package main\nimport "github.com/redis/go-redis/v9"\nfunc f(rdb *redis.Client) { x := ${nest('rdb.Set(ctx, ')} }\n`],
    ['java', `import redis.clients.jedis.Jedis;\nclass A { void f(Jedis jedis) { Object x = ${nest('jedis.set(')}; } }\n`],
    ['ruby', `require "redis"\nr = Redis.new\nx = ${nest('r.set(')}\n`],
    ['php', `<?php\n$r = new Redis();\n$x = ${nest('$r->set(')};\n`],
    ['csharp', `using StackExchange.Redis;\nclass A { void F(IDatabase db) { var x = ${nest('db.StringSet(')}; } }\n`],
  ];
  for (const [language, source] of files) {
    const started = performance.now();
    const result = await linter.lint(source, language, { timeBudgetMs: 300 });
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 3000, `${language}: ${Math.round(elapsed)} ms for a 300 ms budget (${result.skipped?.reason ?? 'linted'})`);
  }
});
