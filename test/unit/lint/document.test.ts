import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shiftUnit, type UnitRecords } from '../../../src/lint/document/records';
import { textEditFor } from '../../../src/lint/parser/incremental';
import { lines, reach } from './helpers';

const ts = lines(
  "import Redis from 'ioredis';",
  'const redis = new Redis();',
  'export interface Options {',
  '  ttl: number;',
  '}',
  'export class Store {',
  '  private readonly prefix = "s:";',
  '',
  '  async save(id: string, value: string): Promise<void> {',
  "    await redis.set(this.prefix + id, value);",
  '    return;',
  '  }',
  '}',
  'export function client() {',
  '  let c = redis;',
  '  return c;',
  '}',
  'export function unused() {',
  '  let d = redis;',
  '  return d;',
  '}',
  'export async function ping() {',
  "  await client().set('ping', '1');",
  '}',
);

test('edits inside one function body re-analyse that function only', async () => {
  assert.equal(await reach('typescript', ts, ts.replace('value);', 'value + "!");')), 'method_definition@9');
  assert.equal(await reach('typescript', ts, ts.replace('    await redis.set', '    // note\n    await redis.set')), 'method_definition@9');
  assert.equal(await reach('typescript', ts, ts.replace('value);', 'value); ')), 'method_definition@9');
  assert.equal(await reach('typescript', ts, ts.replace('let c = redis;', 'let c = redis; console.log(c);')), 'function_declaration@14');
  assert.equal(await reach('typescript', ts, ts.replace('Promise<void>', 'Promise<undefined>')), 'method_definition@9');
});

test('returns and assignments nothing else names are local too', async () => {
  assert.equal(await reach('typescript', ts, ts.replace('return d;', 'return null;')), 'function_declaration@18');
  assert.equal(await reach('typescript', ts, ts.replace('let d = redis;', 'let d = redis; d = null;')), 'function_declaration@18');
});

test('edits in a class body that only the class reads re-analyse the class', async () => {
  assert.equal(await reach('typescript', ts, ts.replace('save(id: string', 'save(key: string')), 'class_declaration@6');
  assert.equal(await reach('typescript', ts, ts.replace('prefix = "s:"', 'prefix = "t:"')), 'class_declaration@6');
  assert.equal(await reach('typescript', ts, ts.replace('    return;', '    this.last = id;\n    return;')), 'method_definition@9');
  assert.equal(await reach('typescript', ts, ts.replace('    return;', '    this.prefix = id;\n    return;')), 'class_declaration@6');
  assert.equal(await reach('typescript', ts, ts.replace('    return;', '    redis = null;\n    return;')), 'all');
});

test('whitespace and comments between statements, and interfaces, re-analyse the top level only', async () => {
  assert.equal(await reach('typescript', ts, ts.replace("new Redis();", 'new Redis();   ')), 'top level');
  assert.equal(await reach('typescript', ts, ts.replace('export class Store {', '// the store\nexport class Store {')), 'top level');
  assert.equal(await reach('typescript', ts, ts.replace('  ttl: number;', '  ttl: number;\n  name?: string;')), 'top level');
});

test('edits other functions may read re-analyse everything', async () => {
  assert.equal(await reach('typescript', ts, ts.replace('return c;', 'return null;')), 'all');
  assert.equal(await reach('typescript', ts, ts.replace('let c = redis;', 'let c = redis; this.redis = null;')), 'all');
  assert.equal(await reach('typescript', ts, ts.replace('function client()', 'function getClient()')), 'all');
  assert.equal(await reach('typescript', ts, ts.replace('new Redis()', 'new Redis(6380)')), 'all');
  assert.equal(await reach('typescript', ts, ts.replace('export function client() {', 'export function client() {{')), 'all');
});

test('each language says what other functions read', async () => {
  const py = lines('import redis', 'r = redis.Redis()', 'def f(k):', '    r.incr(k)', '    x = 1', '    r = x', '    return x', 'def g():', '    return f(1)', '');
  assert.equal(await reach('python', py, py.replace('r.incr(k)', 'r.incr(k + "!")')), 'function_definition@3');
  assert.equal(await reach('python', py, py.replace('x = 1', 'x = 2')), 'function_definition@3');
  assert.equal(await reach('python', py, py.replace('r = x', 'r = x or 1')), 'all');
  assert.equal(await reach('python', py, py.replace('return x', 'return None')), 'all');
  const rb = lines('class A', '  def redis', '    log("x")', '    @redis ||= Redis.new', '  end', '  def b', '    redis.set("k", 1)', '  end', 'end');
  assert.equal(await reach('ruby', rb, rb.replace('log("x")', 'log("y")')), 'method@2');
  assert.equal(await reach('ruby', rb, rb.replace('Redis.new', 'Redis.new(url: u)')), 'all');
  const java = lines('class A {', '  Jedis jedis;', '  void f(String k) {', '    String x = k;', '    x = k + "!";', '    jedis.set(x, "v");', '  }', '}');
  assert.equal(await reach('java', java, java.replace('x = k + "!";', 'x = k + "?";')), 'method_declaration@3');
  assert.equal(await reach('java', java, java.replace('void f(', 'Jedis f(')), 'class_declaration@1');
  const go = lines('package p', 'func f(ctx context.Context) {', '\trdb.Set(ctx, "k", 1, 0)', '}', 'func g() *redis.Client {', '\treturn rdb', '}', 'func h() {', '\tg().Set(ctx, "k", 1, 0)', '}');
  assert.equal(await reach('go', go, go.replace('"k", 1, 0)\n}\nfunc g', '"k", 2, 0)\n}\nfunc g')), 'function_declaration@2');
  assert.equal(await reach('go', go, go.replace('return rdb', 'return nil')), 'all');
});

test('kept findings move with the text', () => {
  const unit: UnitRecords = {
    start: 100,
    end: 200,
    records: [
      {
        finding: {
          rule: 'missing-ttl',
          severity: 'warning',
          message: 'm',
          range: { start: { line: 5, column: 4 }, end: { line: 5, column: 20 } },
          fixes: [{ title: 't', isPreferred: true, edits: [{ range: { start: { line: 5, column: 18 }, end: { line: 5, column: 18 } }, newText: ', 60' }] }],
        },
        order: [1, 120, 121, 0],
      },
    ],
  };
  const before = 'x'.repeat(10) + '\n'.repeat(5) + 'y'.repeat(300);
  const inserted = textEditFor(before, 'ab\n' + before)!;
  const moved = shiftUnit(unit, inserted)!;
  assert.deepEqual([moved.start, moved.end], [103, 203]);
  assert.deepEqual(moved.records[0]!.finding.range, { start: { line: 6, column: 4 }, end: { line: 6, column: 20 } });
  assert.deepEqual(moved.records[0]!.finding.fixes[0]!.edits[0]!.range.start, { line: 6, column: 18 });
  assert.deepEqual(moved.records[0]!.order, [1, 123, 124, 0]);
  const after = textEditFor(before, before + 'z')!;
  assert.deepEqual(shiftUnit(unit, after), unit);
  const inside = textEditFor(before, before.slice(0, 130) + 'q' + before.slice(130))!;
  assert.equal(shiftUnit(unit, inside)?.records[0]!.order[1], 120);
});
