import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesToSave, minifyJson } from '../../../../src/valkey/data/stringEdit';
import { prettyJson } from '../../../../src/valkey/keys/json';
import { isStreamId, parseScore, sha1 } from '../../../../src/valkey/data/edits';

test('compact JSON shown pretty goes back byte for byte as it was stored, big numbers and string whitespace intact', () => {
  const stored = '{"id":12345678901234567890,"s":"a  b\\n\\"c\\" ","n":[1.50,{"x":null}],"e":{}}';
  const pretty = prettyJson(stored)!;
  assert.notEqual(pretty, stored);
  assert.equal(minifyJson(pretty), stored);
  assert.deepEqual(bytesToSave({ json: 'pretty' }, pretty), { bytes: Buffer.from(stored), validJson: true });
});

test('an edit that breaks the JSON is saved as typed and flagged; JSON stored with its own layout is saved as edited', () => {
  assert.deepEqual(bytesToSave({ json: 'pretty' }, '{"a": 1,'), { bytes: Buffer.from('{"a": 1,'), validJson: false });
  assert.deepEqual(bytesToSave({ json: 'asStored' }, '{ "a": 2 }'), { bytes: Buffer.from('{ "a": 2 }'), validJson: true });
  assert.deepEqual(bytesToSave({ json: undefined }, 'plain é'), { bytes: Buffer.from('plain é', 'utf8'), validJson: undefined });
});

test('scores and stream ids are validated before anything is sent', () => {
  for (const ok of ['1', '-2.5', '1e3', '.5', '+inf', '-INF']) assert.notEqual(parseScore(ok), undefined, ok);
  for (const bad of ['', 'nan', '1,5', '1e999', '0x10', '1 2']) assert.equal(parseScore(bad), undefined, bad);
  assert.equal(isStreamId('*'), true);
  assert.equal(isStreamId('1700000000000-3'), true);
  assert.equal(isStreamId('-'), false);
});

test('values are compared by the SHA-1 of their bytes, as redis.sha1hex computes it', () => {
  assert.equal(sha1(''), 'da39a3ee5e6b4b0d3255bfef95601890afd80709');
  assert.equal(sha1(Buffer.from([0xff, 0x00])), sha1(Buffer.from([0xff, 0x00])));
  assert.notEqual(sha1(Buffer.from([0xff])), sha1('\u00ff'));
});
