import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { V1EndpointSlice } from '@kubernetes/client-node';
import { sentinelPods } from '../../../src/valkey/discovery';
import { chooseMaster, parseNodes } from '../../../src/valkey/sentinel';
import { parseEvent } from '../../../src/valkey/sentinelWatch';
import type { Reply } from '../../../src/valkey/resp/reply';

const bulk = (s: string): Reply => ({ type: 'bulk', value: Buffer.from(s) });
const flat = (fields: Record<string, string>): Reply => ({ type: 'array', items: Object.entries(fields).flatMap(([k, v]) => [bulk(k), bulk(v)]) });

test('SENTINEL MASTERS / REPLICAS records, RESP2 flat arrays or RESP3 maps', () => {
  const resp2: Reply = { type: 'array', items: [flat({ name: 'cache', ip: '10.0.0.5', port: '6379', flags: 'master' })] };
  assert.deepEqual(parseNodes(resp2), [{ name: 'cache', ip: '10.0.0.5', port: 6379, flags: ['master'] }]);
  const resp3: Reply = { type: 'array', items: [{ type: 'map', entries: [[bulk('ip'), bulk('10.0.0.6')], [bulk('port'), bulk('6379')], [bulk('flags'), bulk('slave,s_down')]] }] };
  assert.deepEqual(parseNodes(resp3), [{ name: '', ip: '10.0.0.6', port: 6379, flags: ['slave', 's_down'] }]);
  assert.equal(parseNodes({ type: 'error', value: Buffer.from('ERR unknown command') }), undefined);
});

test('the master name is the one Sentinel monitors, or the one asked for', () => {
  const node = (name: string) => ({ name, ip: '10.0.0.1', port: 6379, flags: ['master'] });
  const one = chooseMaster([node('cache')], undefined, 'Sentinel s-0');
  assert.ok(one.ok && one.value.name === 'cache');
  const none = chooseMaster([], undefined, 'Sentinel s-0');
  assert.ok(!none.ok && none.error.kind === 'unknownMaster' && /monitors no master/.test(none.error.message));
  const several = chooseMaster([node('a'), node('b')], undefined, 'Sentinel s-0');
  assert.ok(!several.ok && /monitors several masters \("a", "b"\); choose one/.test(several.error.message));
  const wrong = chooseMaster([node('a')], 'mymaster', 'Sentinel s-0');
  assert.ok(!wrong.ok && /does not monitor a master named "mymaster"; it monitors "a"/.test(wrong.error.message));
});

test('Sentinel events', () => {
  assert.deepEqual(parseEvent('+switch-master', 'cache 10.0.0.1 6379 10.0.0.2 6379'), { type: 'switchMaster', master: 'cache', from: { ip: '10.0.0.1', port: 6379 }, to: { ip: '10.0.0.2', port: 6379 } });
  assert.deepEqual(parseEvent('+slave', 'slave 10.0.0.3:6379 10.0.0.3 6379 @ cache 10.0.0.2 6379'), { type: 'node', master: 'cache', role: 'replica', address: { ip: '10.0.0.3', port: 6379 } });
  assert.deepEqual(parseEvent('+sentinel', 'sentinel 8f1e 10.0.0.9 26379 @ cache 10.0.0.2 6379'), { type: 'node', master: 'cache', role: 'sentinel', address: { ip: '10.0.0.9', port: 26379 } });
  assert.equal(parseEvent('+sdown', 'master cache 10.0.0.1 6379'), undefined);
});

test('Sentinel pods are the ready endpoints that point at pods, with the slice’s port', () => {
  const slice: V1EndpointSlice = {
    addressType: 'IPv4',
    ports: [{ name: 'sentinel', port: 26380 }],
    endpoints: [
      { addresses: ['10.0.0.5'], conditions: { ready: true }, targetRef: { kind: 'Pod', name: 'rfs-a' } },
      { addresses: ['10.0.0.6'], conditions: { ready: false }, targetRef: { kind: 'Pod', name: 'rfs-b' } },
      { addresses: ['10.0.0.7'], conditions: { ready: true, terminating: true }, targetRef: { kind: 'Pod', name: 'rfs-c' } },
      { addresses: ['10.0.0.8'], conditions: { ready: true } },
    ],
  };
  assert.deepEqual(sentinelPods([slice], 26379), [{ pod: 'rfs-a', ip: '10.0.0.5', port: 26380 }]);
});
