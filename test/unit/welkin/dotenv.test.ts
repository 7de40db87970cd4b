import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dotenvValue, updateDotenv } from '../../../src/util/dotenv';
import { localEndpointVariables } from '../../../src/welkin/localEnv';

const values = localEndpointVariables('valkey', { host: '127.0.0.1', port: 26380 }, 'orders-primary');

test('the variables of each flavour point at the local endpoint and name the master; no password', () => {
  assert.deepEqual(values, { VALKEY_SENTINEL_HOST: '127.0.0.1', VALKEY_SENTINEL_PORT: '26380', VALKEY_SENTINEL_MASTER: 'orders-primary' });
  assert.deepEqual(Object.keys(localEndpointVariables('redis', { host: '127.0.0.1', port: 26379 }, 'm')), ['REDIS_SENTINEL_HOST', 'REDIS_SENTINEL_PORT', 'REDIS_SENTINEL_MASTER']);
});

test('existing keys get the new values in place; other lines, comments, export and inline comments stay', () => {
  const before = ['# my app', 'DATABASE_URL=postgres://localhost/app', 'export VALKEY_SENTINEL_HOST=rfs-valkey.valkey-system # from the ConfigMap', '', 'VALKEY_SENTINEL_PORT = "26379"', 'VALKEY_PASSWORD=secret', ''].join('\n');
  const result = updateDotenv(before, values, 'Valkey on Welkin');
  assert.equal(result.text, ['# my app', 'DATABASE_URL=postgres://localhost/app', 'export VALKEY_SENTINEL_HOST=127.0.0.1 # from the ConfigMap', '', 'VALKEY_SENTINEL_PORT = 26380', 'VALKEY_PASSWORD=secret', '', '# Valkey on Welkin', 'VALKEY_SENTINEL_MASTER=orders-primary', ''].join('\n'));
  assert.deepEqual(result.updated, ['VALKEY_SENTINEL_HOST', 'VALKEY_SENTINEL_PORT']);
  assert.deepEqual(result.added, ['VALKEY_SENTINEL_MASTER']);
});

test('a new file, CRLF line endings, no final newline, and a key set twice', () => {
  assert.equal(updateDotenv('', { A: '1' }).text, 'A=1\n');
  assert.equal(updateDotenv('X=1\r\nA=0\r\n', { A: '2' }).text, 'X=1\r\nA=2\r\n');
  assert.equal(updateDotenv('A=0', { A: '2' }).text, 'A=2');
  assert.equal(updateDotenv('A=0\nA=1\n', { A: '2' }).text, 'A=2\nA=2\n');
  assert.equal(updateDotenv('A="x # y" # note\n', { A: '3' }).text, 'A=3 # note\n');
  assert.equal(updateDotenv('# VALKEY_SENTINEL_PORT=1\n', { VALKEY_SENTINEL_PORT: '2' }).text, '# VALKEY_SENTINEL_PORT=1\n\nVALKEY_SENTINEL_PORT=2\n', 'a commented-out line stays a comment');
});

test('values that need quotes are quoted so dotenv reads them back', () => {
  assert.equal(dotenvValue('127.0.0.1'), '127.0.0.1');
  assert.equal(dotenvValue('my master'), '"my master"');
  assert.equal(dotenvValue('a"b#c'), '"a\\"b#c"');
});
