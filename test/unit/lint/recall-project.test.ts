import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { FileSummary, ProjectFacts, ResolvedWrapper } from '../../../src/lint/project/facts';
import type { LanguageId } from '../../../src/lint/index';
import { findings, linter, lines } from './helpers';

type Files = Record<string, string>;

/**
 * A stand-in for the project index: summaries of every file, each import resolved to the file
 * whose path (without extension) ends like the module it names, and the names it binds classified
 * by what that file exports. Wrappers and TTL helpers of every file are visible everywhere.
 */
async function projectFacts(files: Files, target: string, language: LanguageId): Promise<ProjectFacts> {
  const summaries = new Map<string, FileSummary>();
  for (const [file, source] of Object.entries(files)) summaries.set(file, await linter.summarize(source, language));
  // The text prefilter drops a file that names no client (the handler): its imports are taken with
  // the names the other files export, as the index knows them after its first pass.
  const exported = [...summaries.values()].flatMap((s) => [...s.clients.map((c) => c.name), ...s.wrappers.map((w) => w.name)]);
  const names = { clientNames: () => exported, wrapperNames: () => [] } as unknown as ProjectFacts;
  for (const [file, source] of Object.entries(files)) if (summaries.get(file)!.imports.length === 0) summaries.set(file, await linter.summarize(source, language, { project: names }));
  const values = new Set<string>();
  const classes = new Set<string>();
  const factories = new Set<string>();
  const stem = (f: string) => f.replace(/\.\w+$/, '');
  for (const imp of summaries.get(target)!.imports) {
    const mod = imp.from.replace(/^\.+\/?/, '').replace(/\./g, '/');
    const source = [...summaries.keys()].find((f) => f !== target && (stem(f).endsWith(mod) || path.dirname(f).endsWith(mod)));
    if (!source) continue;
    const exports = summaries.get(source)!.clients;
    for (const [local, imported] of Object.entries(imp.names)) {
      for (const c of exports.filter((x) => x.name === imported && x.owner === undefined)) {
        (c.kind === 'class' ? classes : c.kind === 'factory' ? factories : values).add(local);
      }
    }
  }
  const wrappers: ResolvedWrapper[] = [];
  const ttl: string[] = [];
  for (const [file, s] of summaries) {
    if (file === target) continue;
    wrappers.push(...s.wrappers.map((w) => ({ ...w, file })));
    ttl.push(...s.ttlHelpers);
    for (const c of s.clients) {
      if (c.owner === undefined) continue;
      if (c.kind === 'factory') factories.add(c.name);
      else if (c.kind === 'field') values.add(c.name);
    }
    // Go: another package's exports are used qualified (`cache.Rdb`, `cache.NewRedis()`, `*cache.Store`).
    if (language === 'go') for (const c of s.clients.filter((x) => x.owner === undefined)) (c.kind === 'class' ? classes : c.kind === 'factory' ? factories : values).add(c.name);
  }
  return {
    isClientValue: (n) => values.has(n),
    isClientClass: (n) => classes.has(n),
    isClientFactory: (n) => factories.has(n),
    wrapper: (name, owner) => wrappers.find((w) => w.name === name && (owner === undefined || w.owner === owner)),
    isTtlHelper: (n) => ttl.includes(n),
    wrapperNames: () => wrappers.map((w) => w.name),
    clientNames: () => [...values, ...classes, ...factories],
    key: JSON.stringify([[...values], [...classes], [...factories], wrappers, ttl]),
  };
}

async function lintIn(files: Files, target: string, language: LanguageId): Promise<string[]> {
  const project = await projectFacts(files, target, language);
  return (await findings(files[target]!, language, { project })).map((f) => `${f.rule}@${f.range.start.line + 1}${f.related ? `<-${f.related.map((r) => `${r.file}:${r.range.start.line + 1}`).join(',')}` : ''}`);
}

describe('cross-file: summaries and project facts (TypeScript)', () => {
  const files: Files = {
    'src/infra/store.ts': lines(
      "import Redis from 'ioredis';",
      'export const store = new Redis(process.env.REDIS_URL!);',
      'export class TenantStore extends Redis {}',
      'export function connection() { return store; }',
      'export class Counters {',
      '  private readonly db = new Redis();',
      '  bump(key: string) { return this.db.incr(key); }',
      '  touch(key: string) { return this.db.expire(key, 60); }',
      '}',
    ),
    'src/handlers/visits.ts': lines(
      "import { store as kv, TenantStore, connection } from '../infra/store';",
      "import { Counters } from '../infra/store';",
      'export async function visit(counters: Counters, page: string) {',
      "  await kv.set(`page:${page}`, '1');",
      "  const t = new TenantStore();",
      "  await t.keys('tenant:*');",
      '  await connection().incr(`c:${page}`);',
      '  await counters.bump(`visits:${page}`);',
      '  await kv.incr(`hits:${page}`);',
      '  counters.touch(`hits:${page}`);',
      '  const m = new Map<string, string>();',
      "  m.set('a', 'b');",
      '}',
    ),
  };

  test('the summary lists exported clients, classes, factories, wrappers, TTL helpers and imports', async () => {
    const s = await linter.summarize(files['src/infra/store.ts']!, 'typescript');
    assert.deepEqual(
      s.clients.map((c) => `${c.kind}:${c.owner ? `${c.owner}.` : ''}${c.name}`).sort(),
      ['class:TenantStore', 'factory:connection', 'field:Counters.db', 'value:store'],
    );
    assert.deepEqual(s.wrappers.map((w) => `${w.owner}.${w.name}:${w.command}:${w.keyParam}:${w.line}`), ['Counters.bump:INCR:0:6']);
    assert.deepEqual(s.ttlHelpers, ['touch']);
    assert.deepEqual(s.imports, [{ from: 'ioredis', names: { Redis: 'default' } }]);
  });

  test('a handler that never names Redis: imported clients, subclasses, factories and a wrapper of another file', async () => {
    assert.deepEqual(await lintIn(files, 'src/handlers/visits.ts', 'typescript'), [
      'missing-ttl@4',
      'no-keys@6',
      'missing-ttl@7',
      'missing-ttl@8<-src/infra/store.ts:7',
    ]);
  });

  test('linted alone, the handler has nothing the engine can trace', async () => {
    assert.deepEqual((await findings(files['src/handlers/visits.ts']!, 'typescript')).map((f) => f.rule), []);
  });
});

describe('cross-file: summaries and project facts (Python)', () => {
  const files: Files = {
    'app/cache.py': lines(
      'import redis',
      'store = redis.Redis.from_url("redis://localhost")',
      'class Tenant(redis.Redis):',
      '    pass',
      'def conn():',
      '    return store',
      'class Counters:',
      '    def __init__(self):',
      '        self.db = redis.Redis()',
      '    def bump(self, key):',
      '        return self.db.incr(key)',
    ),
    'app/views.py': lines(
      'from app.cache import store as kv, Tenant, conn, Counters',
      'def view(counters: Counters, page):',
      '    kv.set(f"page:{page}", 1)',
      '    Tenant().keys("t:*")',
      '    conn().incr("c")',
      '    counters.bump(f"visits:{page}")',
      '    d = {}',
      '    d.keys()',
    ),
  };

  test('imported clients, a subclass, a factory and a wrapper', async () => {
    assert.deepEqual(await lintIn(files, 'app/views.py', 'python'), ['missing-ttl@3', 'no-keys@4', 'missing-ttl@5', 'missing-ttl@6<-app/cache.py:11']);
  });
});

describe('cross-file: summaries and project facts (Go)', () => {
  const files: Files = {
    'internal/cache/cache.go': lines(
      'package cache',
      'import "github.com/redis/go-redis/v9"',
      'var Rdb = redis.NewClient(&redis.Options{})',
      'type Store struct { rdb *redis.Client }',
      'func NewRedis() *redis.Client { return Rdb }',
      'func (s *Store) Incr(ctx context.Context, key string) error { return s.rdb.Incr(ctx, key).Err() }',
    ),
    'internal/api/api.go': lines(
      'package api',
      'import "example.com/shop/internal/cache"',
      'func Handle(ctx context.Context, st *cache.Store, page string) {',
      '\tcache.Rdb.Set(ctx, "page:"+page, 1, 0)',
      '\tdb := cache.NewRedis()',
      '\tdb.Keys(ctx, "*")',
      '\tst.Incr(ctx, "visits:"+page)',
      '}',
    ),
  };

  test('a package variable, a factory and a method wrapper of another package', async () => {
    assert.deepEqual(await lintIn(files, 'internal/api/api.go', 'go'), ['missing-ttl@4', 'no-keys@6', 'missing-ttl@7<-internal/cache/cache.go:6']);
  });
});

describe('cross-file: a Go wrapper in another file of the same package', () => {
  const files: Files = {
    'svc/cache.go': lines(
      'package svc',
      'import "github.com/redis/go-redis/v9"',
      'type Cache struct { rdb *redis.Client }',
      'func (c *Cache) Set(ctx context.Context, key, v string) error { return c.rdb.Set(ctx, key, v, 0).Err() }',
    ),
    'svc/service.go': lines(
      'package svc',
      'type Service struct { cache *Cache; names []string }',
      'func (s *Service) Hit(ctx context.Context, page string) {',
      '\ts.cache.Set(ctx, "page:"+page, "1")',
      '}',
    ),
  };

  test('the call through a field of the wrapper’s type is reported with the wrapper as related information', async () => {
    assert.deepEqual(await lintIn(files, 'svc/service.go', 'go'), ['missing-ttl@4<-svc/cache.go:4']);
  });
});
