import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BundleFormatError, UndoBundleWriter, isHeader, readUndoBundle, type UndoHeader, type UndoRecord } from '../../../../src/valkey/data/undoBundle';

let dir: string;
before(async () => (dir = await mkdtemp(path.join(tmpdir(), 'undo-unit-'))));
after(() => rm(dir, { recursive: true, force: true }));

const header: UndoHeader = { format: 'valkey-welkin-undo', version: 1, source: { context: 'ctx', namespace: 'ns', cluster: 'c' }, pattern: 'a:*', created: '2026-01-01T00:00:00.000Z' };

async function readAll(file: string): Promise<{ header: UndoHeader | undefined; records: UndoRecord[] }> {
  let h: UndoHeader | undefined;
  const records: UndoRecord[] = [];
  for await (const item of readUndoBundle(file)) {
    if (isHeader(item)) h = item;
    else records.push(item);
  }
  return { header: h, records };
}

test('records of binary keys and payloads come back byte for byte, in order, across read chunks; the file is private', async () => {
  const file = path.join(dir, 'a.vwundo');
  const w = await UndoBundleWriter.create(file, header);
  const records: UndoRecord[] = [
    { key: Buffer.from([0xff, 0x00, 0x0a]), payload: Buffer.from([0, 1, 2]), expiresAt: 1_800_000_000_123 },
    { key: Buffer.from('big'), payload: Buffer.alloc(3 * 1024 * 1024, 7), expiresAt: 0 },
    { key: Buffer.alloc(0), payload: Buffer.alloc(0), expiresAt: 5 },
  ];
  await w.add(records.slice(0, 2));
  await w.add(records.slice(2));
  await w.close();
  assert.equal(w.keys, 3);
  assert.equal((await stat(file)).size, w.bytes);
  assert.equal((await stat(file)).mode & 0o777, 0o600);
  const back = await readAll(file);
  assert.deepEqual(back.header, header);
  assert.equal(back.records.length, 3);
  back.records.forEach((r, i) => {
    assert.ok(r.key.equals(records[i]!.key));
    assert.ok(r.payload.equals(records[i]!.payload));
    assert.equal(r.expiresAt, records[i]!.expiresAt);
  });
});

test('an existing file is never replaced', async () => {
  const file = path.join(dir, 'exists.vwundo');
  await writeFile(file, 'keep');
  await assert.rejects(UndoBundleWriter.create(file, header), /EEXIST/);
});

test('a cut file and a file of another kind are refused, not half-restored silently', async () => {
  const file = path.join(dir, 'cut.vwundo');
  const w = await UndoBundleWriter.create(file, header);
  await w.add([{ key: Buffer.from('k'), payload: Buffer.alloc(100, 1), expiresAt: 0 }]);
  await w.close();
  await truncate(file, w.bytes - 10);
  await assert.rejects(readAll(file), BundleFormatError);
  const other = path.join(dir, 'other.txt');
  await writeFile(other, 'hello\n');
  await assert.rejects(readAll(other), /not an undo bundle/);
});
