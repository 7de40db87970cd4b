import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cidrContains, effectivePolicyTypes, evaluateConnection, evaluateEgress, evaluateIngress, parseIp } from '../../../src/golive/networkPolicy';
import { POLICY_CASES } from './networkPolicyCases';

for (const c of POLICY_CASES) {
  test(`NetworkPolicy: ${c.name}`, () => {
    let verdict;
    if (c.check === 'egress') {
      assert.equal(c.from.kind, 'pod', 'an egress case starts at a pod');
      verdict = evaluateEgress(c.policies, c.from, c.to, c.traffic);
    } else if (c.check === 'ingress') {
      assert.equal(c.to.kind, 'pod', 'an ingress case ends at a pod');
      verdict = evaluateIngress(c.policies, c.to, c.from, c.traffic);
    } else {
      const connection = evaluateConnection(c.policies, c.from as Extract<typeof c.from, { kind: 'pod' }>, c.to, c.traffic);
      assert.equal(connection.allowed, c.allowed);
      return;
    }
    assert.equal(verdict.allowed, c.allowed, `allowed (selected by ${verdict.selectedBy.join(', ') || 'none'}, allowed by ${verdict.allowedBy.join(', ') || 'none'})`);
    if (c.allowedBy) assert.deepEqual(verdict.allowedBy, c.allowedBy);
    if (c.isolated !== undefined) assert.equal(verdict.isolated, c.isolated);
  });
}

test('the table covers allowed and denied outcomes in each direction', () => {
  for (const check of ['egress', 'ingress', 'connection'] as const) {
    for (const allowed of [true, false]) assert.ok(POLICY_CASES.some((c) => c.check === check && c.allowed === allowed), `${check} ${allowed}`);
  }
});

test('policyTypes defaulting reads the egress section, not its presence as an empty list', () => {
  assert.deepEqual(effectivePolicyTypes({ spec: {} }), ['Ingress']);
  assert.deepEqual(effectivePolicyTypes({ spec: { egress: [] } }), ['Ingress']);
  assert.deepEqual(effectivePolicyTypes({ spec: { egress: [{}] } }), ['Ingress', 'Egress']);
  assert.deepEqual(effectivePolicyTypes({ spec: { policyTypes: ['Egress'], ingress: [{}] } }), ['Egress']);
});

test('CIDR arithmetic: prefixes, host routes, IPv6 shorthand and mapped IPv4', () => {
  assert.equal(cidrContains('10.0.0.0/8', '10.255.255.255'), true);
  assert.equal(cidrContains('10.0.0.0/8', '11.0.0.0'), false);
  assert.equal(cidrContains('192.168.1.7/32', '192.168.1.7'), true);
  assert.equal(cidrContains('192.168.1.7/32', '192.168.1.8'), false);
  assert.equal(cidrContains('::/0', 'fe80::1'), true);
  assert.equal(cidrContains('::ffff:0:0/96', '::ffff:10.0.0.1'), true);
  assert.equal(parseIp('256.1.1.1'), undefined);
  assert.equal(parseIp('1:2:3'), undefined);
  assert.equal(parseIp('1::2::3'), undefined);
  assert.equal(cidrContains('not-a-cidr', '10.0.0.1'), false);
});

test('an ipBlock matching a pod IP is allowed but flagged as depending on the network plugin', () => {
  const policy = { metadata: { namespace: 'shop', name: 'by-ip' }, spec: { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.2.0.0/16' } }] }] } };
  const verdict = evaluateEgress([policy], { kind: 'pod', namespace: 'shop', namespaceLabels: {}, labels: {} }, { kind: 'pod', namespace: 'valkey-system', namespaceLabels: {}, labels: {}, ip: '10.2.0.7' }, { port: 6379 });
  assert.equal(verdict.allowed, true);
  assert.match(verdict.notes.join('\n'), /depends on the network plugin/);
});
