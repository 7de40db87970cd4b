// The project index resolves each file's imports to the summaries of the files they name, per
// language, and says which facts a file gets (and when they change).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ProjectIndex } from '../../../src/lint/project/index';
import { emptySummary, type FileSummary } from '../../../src/lint/project/facts';

const summary = (s: Partial<FileSummary>): FileSummary => ({ ...emptySummary(), ...s });
const incr = { name: 'incr', command: 'INCR', cls: 'counter' as const, keyParam: 0, setsTtl: false, line: 4 };

describe('project index', () => {
  test('JS/TS: a named import of an exported client, a default export, a namespace import, a path alias', () => {
    const index = new ProjectIndex();
    index.setAliases([{ dir: '/p', baseUrl: '/p', paths: { '@/*': ['src/*'] } }]);
    index.set('/p/src/lib/redis.ts', 'typescript', summary({ clients: [{ name: 'redis', kind: 'value', line: 2 }, { name: 'default', kind: 'value', line: 5 }] }));
    index.set('/p/src/lib/cache.ts', 'typescript', summary({ clients: [{ name: 'CacheClient', kind: 'class', line: 1 }], wrappers: [{ ...incr, owner: 'CacheService' }] }));
    index.set('/p/src/handlers/a.ts', 'typescript', summary({ imports: [{ from: '../lib/redis', names: { redis: 'redis', r: 'default' } }] }));
    index.set('/p/src/handlers/b.ts', 'typescript', summary({ imports: [{ from: '@/lib/cache', names: { CacheService: 'CacheService', CacheClient: 'CacheClient' } }] }));
    index.set('/p/src/handlers/c.js', 'javascript', summary({ imports: [{ from: '../lib/redis.js', names: { store: '*' } }] }));
    const a = index.facts('/p/src/handlers/a.ts')!;
    assert.ok(a.isClientValue('redis') && a.isClientValue('r'));
    assert.equal(a.isClientValue('default'), false);
    const b = index.facts('/p/src/handlers/b.ts')!;
    assert.ok(b.isClientClass('CacheClient'));
    assert.equal(b.wrapper('incr', 'CacheService')?.file, '/p/src/lib/cache.ts');
    assert.equal(b.wrapper('incr'), undefined, 'a method is not a free function');
    assert.ok(index.facts('/p/src/handlers/c.js')!.isClientValue('store.redis'));
    // A file importing nothing that is a client gets no facts at all.
    index.set('/p/src/other.ts', 'typescript', summary({ imports: [{ from: './nowhere', names: { x: 'x' } }] }));
    assert.equal(index.facts('/p/src/other.ts'), undefined);
  });

  test('Python: absolute and relative imports, a package __init__', () => {
    const index = new ProjectIndex();
    index.set('/p/app/cache/__init__.py', 'python', summary({ clients: [{ name: 'get_redis', kind: 'factory', line: 3 }] }));
    index.set('/p/app/store.py', 'python', summary({ clients: [{ name: 'r', kind: 'value', line: 1 }], ttlHelpers: ['touch'] }));
    index.set('/p/app/views.py', 'python', summary({ imports: [{ from: 'app.cache', names: { get_redis: 'get_redis' } }, { from: '.store', names: { conn: 'r', touch: 'touch' } }] }));
    const facts = index.facts('/p/app/views.py')!;
    assert.ok(facts.isClientFactory('get_redis'));
    assert.ok(facts.isClientValue('conn'));
    assert.ok(facts.isTtlHelper('touch'));
  });

  test('Go: the same package unqualified, an imported package through its name', () => {
    const index = new ProjectIndex();
    index.set('/p/internal/cache/client.go', 'go', summary({ namespace: 'cache', clients: [{ name: 'Client', kind: 'value', line: 3 }, { name: 'New', kind: 'factory', line: 9 }] }));
    index.set('/p/internal/cache/use.go', 'go', summary({ namespace: 'cache' }));
    index.set('/p/cmd/api/main.go', 'go', summary({ namespace: 'main', imports: [{ from: 'github.com/acme/shop/internal/cache', names: {} }] }));
    assert.ok(index.facts('/p/internal/cache/use.go')!.isClientValue('Client'));
    const main = index.facts('/p/cmd/api/main.go')!;
    assert.ok(main.isClientValue('cache.Client') && main.isClientFactory('cache.New'));
    assert.equal(main.isClientValue('Client'), false);
  });

  test('Java, C#, PHP: same package or namespace, imported classes, using directives', () => {
    const index = new ProjectIndex();
    index.set('/p/src/com/acme/util/RedisUtil.java', 'java', summary({ namespace: 'com.acme.util', wrappers: [{ ...incr, owner: 'RedisUtil' }] }));
    index.set('/p/src/com/acme/web/Controller.java', 'java', summary({ namespace: 'com.acme.web', imports: [{ from: 'com.acme.util.RedisUtil', names: {} }] }));
    index.set('/p/src/com/acme/web/Other.java', 'java', summary({ namespace: 'com.acme.web' }));
    assert.ok(index.facts('/p/src/com/acme/web/Controller.java')!.wrapper('incr', 'RedisUtil'));
    assert.equal(index.facts('/p/src/com/acme/web/Other.java'), undefined, 'not imported, another package');
    index.set('/p/Cache/Store.cs', 'csharp', summary({ namespace: 'Shop.Cache', clients: [{ name: 'Db', kind: 'field', owner: 'Store', line: 4 }] }));
    index.set('/p/Web/Api.cs', 'csharp', summary({ namespace: 'Shop.Web', imports: [{ from: 'Shop.Cache', names: {} }] }));
    assert.ok(index.facts('/p/Web/Api.cs')!.isClientValue('Db'));
    index.set('/p/app/Services/Cache.php', 'php', summary({ namespace: 'App\\Services', wrappers: [{ ...incr, owner: 'Cache' }] }));
    index.set('/p/app/Http/Ctl.php', 'php', summary({ namespace: 'App\\Http', imports: [{ from: 'App\\Services\\Cache', names: {} }] }));
    assert.ok(index.facts('/p/app/Http/Ctl.php')!.wrapper('incr', 'Cache'));
  });

  test('the facts key changes exactly when a summary another file depends on changes', () => {
    const index = new ProjectIndex();
    index.set('/p/redis.js', 'javascript', summary({ clients: [{ name: 'redis', kind: 'value', line: 0 }] }));
    index.set('/p/a.js', 'javascript', summary({ imports: [{ from: './redis', names: { redis: 'redis' } }] }));
    index.set('/p/b.js', 'javascript', summary({}));
    const a0 = index.factsData('/p/a.js').key;
    const b0 = index.factsData('/p/b.js').key;
    assert.equal(index.set('/p/redis.js', 'javascript', summary({ clients: [{ name: 'redis', kind: 'value', line: 0 }] })), false, 'same summary: no change');
    // Moving the declaration changes the summary but not what a.js may call: no re-lint.
    assert.equal(index.set('/p/redis.js', 'javascript', summary({ clients: [{ name: 'redis', kind: 'value', line: 3 }] })), true);
    assert.equal(index.factsData('/p/a.js').key, a0);
    index.set('/p/redis.js', 'javascript', summary({ clients: [{ name: 'redis', kind: 'factory', line: 3 }] }));
    assert.notEqual(index.factsData('/p/a.js').key, a0);
    assert.equal(index.factsData('/p/b.js').key, b0);
    index.remove('/p/redis.js');
    assert.equal(index.factsData('/p/a.js').key, '');
  });
});
