/**
 * INFO parsing on real text: `INFO everything` captured from redis-server 7.0.15 (a primary with one
 * replica, and that replica), and a Valkey 8-style Server section (valkey_version, server_name).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseInfo, readInfo } from '../../../src/valkey/health/info';

const fixture = (name: string): string => readFileSync(path.join(import.meta.dirname, '../../fixtures/health', name), 'utf8');

test('a Redis 7.0 primary: flavour, version, memory, stats, clients, replication, keyspace', () => {
  const text = fixture('redis-7.0-primary.info');
  assert.ok(text.includes('\r\n'), 'the fixture keeps the server’s CRLF line ends');
  const info = parseInfo(text);
  assert.ok(info.sections.has('server') && info.sections.has('commandstats') && info.sections.has('keyspace'));
  assert.equal(info.sections.get('server')?.get('redis_version'), '7.0.15');
  const f = readInfo(info);
  assert.equal(f.server.flavour, 'redis');
  assert.equal(f.server.version, '7.0.15');
  assert.equal(f.server.mode, 'standalone');
  assert.equal(f.memory.usedBytes, Number(/used_memory:(\d+)/.exec(text)![1]));
  assert.equal(f.memory.maxmemoryBytes, 104857600);
  assert.equal(f.memory.policy, 'allkeys-lru');
  assert.equal(f.stats.keyspaceHits, 1);
  assert.equal(f.stats.keyspaceMisses, 1);
  assert.equal(f.stats.evictedKeys, 0);
  assert.equal(f.clients.connected, 1, 'redis-cli itself; Redis 7 counts replicas apart');
  assert.equal(f.clients.maxclients, 10000);
  assert.equal(f.replication.role, 'master');
  assert.deepEqual(f.replication.replicas, [{ ip: '127.0.0.1', port: 17102, state: 'online', offset: 757, lagSeconds: 0 }]);
  assert.equal(f.replication.masterReplOffset, 771);
  assert.deepEqual(f.keyspace, [
    { db: 0, keys: 21, expires: 0, avgTtlMs: 0 },
    { db: 3, keys: 1, expires: 1, avgTtlMs: Number(/db3:keys=1,expires=1,avg_ttl=(\d+)/.exec(text)![1]) },
  ]);
});

test('a Redis 7.0 replica: role, its primary and the link', () => {
  const f = readInfo(parseInfo(fixture('redis-7.0-replica.info')));
  assert.equal(f.replication.role, 'slave');
  assert.equal(f.replication.masterHost, '127.0.0.1');
  assert.equal(f.replication.masterPort, 17101);
  assert.equal(f.replication.masterLinkStatus, 'up');
  assert.equal(f.replication.replicaReplOffset, 771);
  assert.deepEqual(f.replication.replicas, []);
});

test('Valkey reports valkey_version and server_name; redis_version is the compatible Redis', () => {
  const f = readInfo(parseInfo(fixture('valkey-8.0-style-primary.info')));
  assert.equal(f.server.flavour, 'valkey');
  assert.equal(f.server.version, '8.0.2');
  assert.equal(f.server.compatibleRedisVersion, '7.2.4');
  assert.equal(f.server.mode, 'standalone', 'server_mode as well as redis_mode');
  // Only server_name (Valkey 7.2.x before valkey_version existed in some builds) is enough too.
  const only = readInfo(parseInfo('# Server\r\nredis_version:7.2.4\r\nserver_name:valkey\r\n'));
  assert.equal(only.server.flavour, 'valkey');
  assert.equal(only.server.version, '7.2.4');
});

test('missing sections and fields are undefined, not zero', () => {
  const f = readInfo(parseInfo('# Server\nredis_version:6.2.6\n'));
  assert.equal(f.stats.keyspaceHits, undefined);
  assert.equal(f.memory.maxmemoryBytes, undefined);
  assert.equal(f.replication.role, undefined);
  assert.deepEqual(f.keyspace, []);
});

test('values keep colons after the first (e.g. executable paths, IPv6 addresses)', () => {
  const info = parseInfo('# Replication\r\nmaster_host:fd00::1\r\n');
  assert.equal(info.get('master_host'), 'fd00::1');
});
