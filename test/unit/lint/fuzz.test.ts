import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { corpusFiles } from '../../../scripts/lint-corpus-score';
import { languageFromPath, languageIds } from '../../../src/lint/index';
import type { LanguageId, LintResult } from '../../../src/lint/index';
import { applicationCode } from './appcode';
import { linter, reach } from './helpers';

/** mulberry32: a small seeded generator, so a failure can be replayed with the printed seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.LINT_FUZZ_SEED ?? 20240611);
const TOKENS = ['(', ')', '{', '}', '[', ']', '"', "'", '`', '"""', '<<~LUA', '\n', ';', ',', '.', 'redis', '.keys(', '.set(', 'new Redis(', '26379', 'sentinel', '/*', '*/', '#', '//', '<?php', '\\', '\u0000', '\uD800', 'é😀'];

function mutate(source: string, rnd: () => number): string {
  let s = source;
  const edits = 1 + Math.floor(rnd() * 8);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rnd() * (s.length + 1));
    const kind = rnd();
    if (kind < 0.3) s = s.slice(0, at) + s.slice(at + Math.floor(rnd() * 40));
    else if (kind < 0.7) s = s.slice(0, at) + TOKENS[Math.floor(rnd() * TOKENS.length)]! + s.slice(at);
    else if (kind < 0.85) s = s.slice(0, at) + s.slice(Math.floor(rnd() * s.length), Math.floor(rnd() * s.length)) + s.slice(at);
    else s = s.slice(0, at);
  }
  return s;
}

function randomText(rnd: () => number, length: number): string {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(rnd() * 256);
  return `redis ${bytes.toString(rnd() < 0.5 ? 'utf8' : 'latin1')}`;
}

function checkResult(result: LintResult, source: string, label: string): void {
  const lineCount = source.split('\n').length;
  for (const f of result.findings) {
    const { start, end } = f.range;
    assert.ok(start.line >= 0 && end.line < lineCount, `${label}: range ${JSON.stringify(f.range)} outside ${lineCount} lines`);
    assert.ok(start.line < end.line || (start.line === end.line && start.column <= end.column), `${label}: inverted range`);
    for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.range.start.line < lineCount, `${label}: fix outside the file`);
  }
}

test(`random bytes in every language: no crash, no hang (seed ${SEED})`, async () => {
  const rnd = prng(SEED);
  const started = performance.now();
  for (const language of languageIds) {
    for (let i = 0; i < 12; i++) {
      const source = randomText(rnd, 200 + Math.floor(rnd() * 4000));
      const t0 = performance.now();
      const result = await linter.lint(source, language);
      assert.ok(performance.now() - t0 < 3000, `${language} #${i} took too long`);
      checkResult(result, source, `${language} random #${i}`);
    }
  }
  assert.ok(performance.now() - started < 60_000);
});

test(`mutated corpus files: no crash, valid ranges, suppression edits still work (seed ${SEED})`, async () => {
  const rnd = prng(SEED + 1);
  const files = corpusFiles(path.resolve(__dirname, '../../fixtures/lint'));
  const started = performance.now();
  for (let i = 0; i < 120; i++) {
    const file = files[Math.floor(rnd() * files.length)]!;
    const language = languageFromPath(file) as LanguageId;
    const source = mutate(readFileSync(file, 'utf8'), rnd);
    const label = `${path.basename(file)} mutation #${i}`;
    const result = await linter.lint(source, language);
    checkResult(result, source, label);
    const first = result.findings[0];
    if (first) {
      const edit = linter.suppressionEdit(source, language, first, rnd() < 0.5 ? 'line' : 'file');
      assert.ok(edit.range.start.line <= source.split('\n').length, label);
    }
    // The same text as an open document, edited twice, must agree with a fresh lint.
    const doc = `fuzz-${i % 3}`;
    await linter.lintDocument(doc, source, language);
    const again = mutate(source, rnd);
    assert.deepEqual(await linter.lintDocument(doc, again, language), await linter.lint(again, language), `${label}: incremental`);
  }
  for (let d = 0; d < 3; d++) linter.forget(`fuzz-${d}`);
  assert.ok(performance.now() - started < 90_000);
});

/** Statements typed into a function body, per language family: calls, writes, returns, assignments, declarations. */
const SNIPPETS: Record<string, string[]> = {
  js: ['await redis.set(k, v);', 'redis.expire(k, 60);', 'return client;', 'client = redis;', 'this.redis = new Redis();', 'const r = new Redis();', 'client.keys("*");', 'if (a) {', '}'],
  python: ['redis.set(k, v)', 'redis.expire(k, 60)', 'return client', 'r = redis.Redis()', 'self.r = redis.Redis()', 'global r', 'r.keys("*")', 'if a:'],
  go: ['rdb.Set(ctx, k, v, 0)', 'rdb.Expire(ctx, k, time.Minute)', 'return rdb', 'x = rdb', 'type S struct { c *redis.Client }', 'rdb.Keys(ctx, "*")', '}'],
  java: ['jedis.set(k, v);', 'jedis.expire(k, 60);', 'return jedis;', 'x = jedis;', 'jedis.keys("*");', 'redisService.incr("k", 1);', 'redisService.put(key, v);', '}'],
  ruby: ['redis.set(k, v)', 'redis.expire(k, 60)', '@redis = Redis.new', 'attr_reader :redis', 'redis.keys("*")', 'cache.bump("k")', 'cache.store(key, 1)', 'end'],
  php: ['$redis->set($k, $v);', '$redis->expire($k, 60);', 'return $redis;', '$this->redis = new Redis();', '$redis->keys("*");', '$this->redisService->incr("k");', '$this->redisService->put($key, 1);', '}'],
  csharp: ['db.StringSet(k, v);', 'db.KeyExpire(k, TimeSpan.FromMinutes(1));', 'return db;', 'db = mux.GetDatabase();', '_counters.IncrementAsync("k");', '_counters.IncrementAsync(key);', '}'],
};

function family(language: LanguageId): string {
  return language === 'javascript' || language === 'typescript' || language === 'tsx' ? 'js' : language;
}

/** One edit a person typing makes: a few characters in a line, a comment or statement line added, a line removed. */
function typingEdit(source: string, language: LanguageId, rnd: () => number): string {
  const lines = source.split('\n');
  const i = Math.floor(rnd() * lines.length);
  const line = lines[i]!;
  const indent = /^\s*/.exec(line)![0];
  const at = Math.floor(rnd() * (line.length + 1));
  const snippets = SNIPPETS[family(language)]!;
  switch (Math.floor(rnd() * 7)) {
    case 0:
      lines[i] = `${line} `;
      break;
    case 1:
      lines.splice(i, 0, `${indent}${language === 'python' || language === 'ruby' ? '#' : '//'} note`);
      break;
    case 2:
      lines[i] = line.slice(0, at) + 'x' + line.slice(at);
      break;
    case 3:
      lines[i] = line.slice(0, at) + line.slice(at + 1 + Math.floor(rnd() * 3));
      break;
    case 4:
      lines.splice(i, 0, indent + snippets[Math.floor(rnd() * snippets.length)]!);
      break;
    case 5:
      lines.splice(i, 1);
      break;
    default:
      lines[i] = line.replace(/\b([A-Za-z_]\w*)\b/, '$1Z');
  }
  return lines.join('\n');
}

test(`typing edits: each re-lint equals a fresh lint, and most re-use the untouched functions (seed ${SEED})`, async () => {
  const rnd = prng(SEED + 2);
  const files = corpusFiles(path.resolve(__dirname, '../../fixtures/lint'));
  const reaches = new Map<string, number>();
  let edits = 0;
  for (const [n, file] of files.entries()) {
    const language = languageFromPath(file) as LanguageId;
    let source = readFileSync(file, 'utf8') + '\n' + applicationCode(language, n, 1500);
    const doc = `typing-${n}`;
    await linter.lintDocument(doc, source, language);
    for (let step = 0; step < 10; step++) {
      const next = typingEdit(source, language, rnd);
      const kind = await reach(language, source, next);
      const bucket = kind === 'all' ? 'all' : kind === 'top level' ? 'top level' : 'one function';
      reaches.set(bucket, (reaches.get(bucket) ?? 0) + 1);
      edits++;
      assert.deepEqual(await linter.lintDocument(doc, next, language), await linter.lint(next, language), `${path.basename(file)} step ${step} (${kind})`);
      source = next;
    }
    linter.forget(doc);
  }
  const kept = edits - (reaches.get('all') ?? 0);
  assert.ok(kept / edits > 0.4, `only ${kept} of ${edits} re-lints re-used findings: ${JSON.stringify(Object.fromEntries(reaches))}`);
});
