import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PrefixTree, type KeyGroup } from '../../../src/valkey/keys/prefixTree';
import { SeenKeys, fingerprint } from '../../../src/valkey/keys/seenKeys';
import { KeyScanner } from '../../../src/valkey/keys/scanner';
import { KeyBrowserModel } from '../../../src/valkey/keys/browser';
import { ok } from '../../../src/util/result';
import type { Reply } from '../../../src/valkey/resp/reply';
import type { KeyCommands } from '../../../src/valkey/keys/types';

const bulk = (s: string | Buffer): Reply => ({ type: 'bulk', value: Buffer.isBuffer(s) ? s : Buffer.from(s, 'latin1') });
const labels = (tree: PrefixTree, group: KeyGroup): string[] => {
  const c = tree.children(group);
  return [...c.groups.map((g) => `${g.segment}/ ${g.count}${g.unlisted ? ` (+${g.unlisted})` : ''}`), ...c.keys.map((k) => k.id)];
};

test('groups keys by prefix segments, with counts on every level', () => {
  const tree = new PrefixTree();
  for (const k of ['user:1', 'user:2', 'user:eu:3', 'session:a', 'plain', 'user:', 'a::b']) tree.add(k);
  assert.deepEqual(labels(tree, tree.root), ['a/ 1', 'session/ 1', 'user/ 3', 'plain', 'user:']);
  const user = tree.group('user:')!;
  assert.deepEqual(labels(tree, user), ['eu/ 1', 'user:1', 'user:2']);
  assert.deepEqual(labels(tree, tree.group('a::')!), ['a::b']);
  assert.equal(tree.group('a:')!.groups.get('a::')!.segment, '');
  assert.equal(tree.count, 7);
  // groups a:, a::, session:, user:, user:eu: + 7 keys
  assert.equal(tree.nodeCount, 12);
});

test('a configurable delimiter, including several bytes', () => {
  const tree = new PrefixTree({ delimiter: '::' });
  for (const k of ['mod::fn::x', 'mod::y', 'mod:z']) tree.add(k);
  assert.deepEqual(labels(tree, tree.root), ['mod/ 2', 'mod:z']);
  assert.deepEqual(labels(tree, tree.group('mod::')!), ['fn/ 1', 'mod::y']);
});

test('never holds more than maxNodes nodes; the rest is counted as unlisted where the path ends', () => {
  const tree = new PrefixTree({ maxNodes: 10 });
  for (let i = 0; i < 1000; i++) tree.add(`session:${i}`);
  for (let i = 0; i < 50; i++) tree.add(`cart:${i}`);
  assert.equal(tree.nodeCount, 10);
  assert.equal(tree.count, 1050);
  const session = tree.group('session:')!;
  assert.equal(session.count, 1000);
  assert.equal(session.keys.size, 9);
  assert.equal(session.unlisted, 991);
  // No room for a cart: group: the root counts them.
  assert.equal(tree.group('cart:'), undefined);
  assert.equal(tree.root.unlisted, 50);
});

test('removing keys updates counts and drops empty groups', () => {
  const tree = new PrefixTree({ maxNodes: 3 });
  tree.add('a:b:1');
  tree.add('a:b:2');
  tree.add('a:b:3');
  assert.equal(tree.nodeCount, 3);
  assert.equal(tree.group('a:b:')!.unlisted, 2);
  tree.remove('a:b:3');
  assert.equal(tree.group('a:b:')!.unlisted, 1);
  assert.equal(tree.group('a:')!.count, 2);
  tree.remove('a:b:1');
  tree.remove('a:b:2');
  assert.equal(tree.group('a:'), undefined);
  assert.equal(tree.nodeCount, 0);
  assert.equal(tree.count, 0);
  tree.remove('never:seen');
  assert.equal(tree.count, 0);
});

test('the repeat check recognises every repeat of 200,000 distinct keys within 16 bytes a key', () => {
  const seen = new SeenKeys();
  for (let i = 0; i < 200_000; i++) assert.equal(seen.add(Buffer.from(`key:${i}`)), true);
  for (let i = 0; i < 200_000; i += 7) assert.equal(seen.add(Buffer.from(`key:${i}`)), false);
  assert.equal(seen.size, 200_000);
  assert.ok(seen.bytes <= 200_000 * 16 * 2, `${seen.bytes}`);
  assert.equal(seen.exact, true);
  assert.notDeepEqual(fingerprint(Buffer.from('a')), fingerprint(Buffer.from('b')));
  assert.notDeepEqual(fingerprint(Buffer.from([0])), fingerprint(Buffer.from([0, 0])));
});

test('past its budget the repeat check says counts are no longer exact', () => {
  const seen = new SeenKeys(8 * 1024);
  let fresh = 0;
  for (let i = 0; i < 2000; i++) if (seen.add(Buffer.from(`k${i}`))) fresh++;
  assert.equal(fresh, 2000);
  assert.equal(seen.exact, false);
  assert.ok(seen.bytes <= 8 * 1024);
});

/** SCAN pages as a server in mid-rehash sends them: some keys come twice. */
function scripted(pages: string[][]): KeyCommands & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    command: (args) => {
      const a = args.map((x) => (typeof x === 'string' ? x : Buffer.from(x).toString('latin1')));
      calls.push(a);
      const i = Number(a[1]);
      const next = i + 1 < pages.length ? String(i + 1) : '0';
      return Promise.resolve(ok<Reply>({ type: 'array', items: [bulk(next), { type: 'array', items: pages[i]!.map(bulk) }] }));
    },
  };
}

test('the scanner lists a key returned on several pages once, and keeps its cursor between runs', async () => {
  const session = scripted([['a', 'b'], ['c', 'a'], ['b', 'd', '\xff\x00']]);
  const scanner = new KeyScanner(session, { match: 'x*', count: 50 });
  const first = await scanner.page();
  assert.ok(first.ok);
  assert.deepEqual(first.value.map(String), ['a', 'b']);
  const all: string[] = first.value.map((b) => b.toString('latin1'));
  const rest = await scanner.run({ onKeys: (keys) => all.push(...keys.map((b) => b.toString('latin1'))) });
  assert.ok(rest.ok);
  assert.deepEqual(all, ['a', 'b', 'c', 'd', '\xff\x00']);
  assert.equal(rest.value.keys, 5);
  assert.equal(rest.value.repeats, 2);
  assert.equal(rest.value.pages, 3);
  assert.equal(rest.value.done, true);
  assert.deepEqual(session.calls.map((c) => c.join(' ')), ['SCAN 0 MATCH x* COUNT 50', 'SCAN 1 MATCH x* COUNT 50', 'SCAN 2 MATCH x* COUNT 50']);
});

test('a cancelled scan keeps what it found and continues where it stopped', async () => {
  const session = scripted([['a'], ['b'], ['c']]);
  const model = new KeyBrowserModel(session, { scanCount: 10 });
  const controller = new AbortController();
  const stopped = await model.load({ signal: controller.signal, onProgress: (p) => p.pages === 1 && controller.abort() });
  assert.equal(stopped.ok, false);
  assert.equal(model.tree.count, 1);
  assert.equal(model.error, undefined, 'cancelling is not an error');
  const done = await model.load();
  assert.ok(done.ok && done.value.done);
  assert.equal(model.tree.count, 3);
  assert.deepEqual(session.calls.map((c) => c[1]), ['0', '1', '2']);
});

test('keys sort naturally: numbers as numbers, hex names character by character', () => {
  const tree = new PrefixTree();
  for (const k of ['session:000b99a0', 'session:0000b99a', 'session:000b5bc2', 'n:10', 'n:9', 'n:100']) tree.add(k);
  assert.deepEqual(labels(tree, tree.group('session:')!), ['session:0000b99a', 'session:000b5bc2', 'session:000b99a0']);
  assert.deepEqual(labels(tree, tree.group('n:')!), ['n:9', 'n:10', 'n:100']);
});
