import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, findings, linter, lines, summary } from './helpers';

const js = (...body: string[]) => lines("const Redis = require('ioredis');", 'const r = new Redis();', ...body);

test('valkey-lint-disable-next-line with and without rule names', async () => {
  assert.deepEqual(await summary(js('// valkey-lint-disable-next-line no-keys', "r.keys('*');", "r.keys('*');"), 'javascript'), ['no-keys@5']);
  assert.deepEqual(await summary(js('// valkey-lint-disable-next-line', "r.keys('*'); r.flushall();"), 'javascript'), []);
  assert.deepEqual(await summary(js('// valkey-lint-disable-next-line missing-ttl', "r.keys('*');"), 'javascript'), ['no-keys@4']);
  assert.deepEqual(await summary(js('/* valkey-lint-disable-next-line no-keys, no-flush -- reviewed */', "r.keys('*'); r.flushall();"), 'javascript'), []);
});

test('valkey-lint-disable-line and valkey-lint-disable-file, in each comment syntax', async () => {
  assert.deepEqual(await summary(js("r.keys('*'); // valkey-lint-disable-line no-keys"), 'javascript'), []);
  assert.deepEqual(await summary(lines('# valkey-lint-disable-file no-keys', 'import redis', 'r = redis.Redis()', 'r.keys()', 'r.flushdb()'), 'python'), ['no-flush@5']);
  assert.deepEqual(await summary(lines('r = Redis.new', 'r.keys # valkey-lint-disable-line'), 'ruby'), []);
});

test('a directive inside a string is not a comment', async () => {
  assert.deepEqual(await summary(js('const s = "// valkey-lint-disable-next-line";', "r.keys('*');"), 'javascript'), ['no-keys@4']);
});

test('a finding inside a multi-line Lua script is suppressed from the line the string starts on', async () => {
  const src = lines('import redis', 'r = redis.Redis()', '# valkey-lint-disable-next-line no-keys', 'r.eval("""', "return redis.call('KEYS', '*')", '""", 0)');
  assert.deepEqual(await summary(src, 'python'), []);
});

test('the "ignore this line" edit inserts a comment with the line\'s indentation, then appends to it', async () => {
  const src = js('function f() {', "    r.keys('*'); r.flushall();", '}');
  const [keys, flush] = await findings(src, 'javascript');
  const once = applyEdits(src, [linter.suppressionEdit(src, 'javascript', keys!, 'line')]);
  assert.equal(once, js('function f() {', '    // valkey-lint-disable-next-line no-keys', "    r.keys('*'); r.flushall();", '}'));
  const [flushAgain] = await findings(once, 'javascript');
  assert.equal(flushAgain!.rule, flush!.rule);
  const twice = applyEdits(once, [linter.suppressionEdit(once, 'javascript', flushAgain!, 'line')]);
  assert.equal(twice, js('function f() {', '    // valkey-lint-disable-next-line no-keys, no-flush', "    r.keys('*'); r.flushall();", '}'));
  assert.deepEqual(await summary(twice, 'javascript'), []);
});

test('the "ignore this file" edit goes after a shebang, PHP open tag or Python encoding line, and appends', async () => {
  const py = lines('#!/usr/bin/env python3', '# -*- coding: utf-8 -*-', 'import redis', 'redis.Redis().keys()');
  const [f] = await findings(py, 'python');
  const edited = applyEdits(py, [linter.suppressionEdit(py, 'python', f!, 'file')]);
  assert.equal(edited, lines('#!/usr/bin/env python3', '# -*- coding: utf-8 -*-', '# valkey-lint-disable-file no-keys', 'import redis', 'redis.Redis().keys()'));
  assert.deepEqual(await summary(edited, 'python'), []);

  const php = lines('<?php', '$r = new \\Redis();', '$r->keys("*"); $r->flushAll();');
  const [k, fl] = await findings(php, 'php');
  const one = applyEdits(php, [linter.suppressionEdit(php, 'php', k!, 'file')]);
  assert.equal(one, lines('<?php', '// valkey-lint-disable-file no-keys', '$r = new \\Redis();', '$r->keys("*"); $r->flushAll();'));
  const two = applyEdits(one, [linter.suppressionEdit(one, 'php', fl!, 'file')]);
  assert.equal(two, lines('<?php', '// valkey-lint-disable-file no-keys, no-flush', '$r = new \\Redis();', '$r->keys("*"); $r->flushAll();'));
});

test('"ignore this line" for a Lua finding puts the comment above the string', async () => {
  const src = lines('import redis', 'r = redis.Redis()', 'r.eval("""', "return redis.call('KEYS', '*')", '""", 0)');
  const [f] = await findings(src, 'python');
  const edited = applyEdits(src, [linter.suppressionEdit(src, 'python', f!, 'line')]);
  assert.equal(edited, lines('import redis', 'r = redis.Redis()', '# valkey-lint-disable-next-line no-keys', 'r.eval("""', "return redis.call('KEYS', '*')", '""", 0)'));
});
