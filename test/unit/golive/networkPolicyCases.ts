/**
 * NetworkPolicy semantics as a table of cases, each taken from the Kubernetes documentation
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/, "NP" below, and the
 * API reference of NetworkPolicySpec / NetworkPolicyPeer / NetworkPolicyPort, "API" below) or from
 * an edge case those pages define. The comment above each case names the section it comes from.
 */
import type { Endpoint, NetworkPolicyLike, Traffic } from '../../../src/golive/networkPolicy';

export interface PolicyCase {
  readonly name: string;
  readonly policies: readonly NetworkPolicyLike[];
  readonly from: Extract<Endpoint, { kind: 'pod' }> | Extract<Endpoint, { kind: 'ip' }>;
  readonly to: Endpoint;
  readonly traffic: Traffic;
  /** Egress from `from`, ingress into `to`, or both (a connection). */
  readonly check: 'egress' | 'ingress' | 'connection';
  readonly allowed: boolean;
  /** When given: the policies that allow it (namespace/name). */
  readonly allowedBy?: readonly string[];
  /** When given: whether the pod under check is isolated for the direction. */
  readonly isolated?: boolean;
}

type Labels = Record<string, string>;
const pod = (namespace: string, labels: Labels, extra: { ip?: string; namespaceLabels?: Labels; ports?: { name?: string; containerPort: number; protocol?: string }[] } = {}): Extract<Endpoint, { kind: 'pod' }> => ({
  kind: 'pod',
  namespace,
  labels,
  namespaceLabels: extra.namespaceLabels ?? {},
  ip: extra.ip,
  ports: extra.ports,
});
const ip = (address: string): Extract<Endpoint, { kind: 'ip' }> => ({ kind: 'ip', ip: address });
const tcp = (port: number): Traffic => ({ port, protocol: 'TCP' });
const udp = (port: number): Traffic => ({ port, protocol: 'UDP' });
const np = (namespace: string, name: string, spec: NonNullable<NetworkPolicyLike['spec']>): NetworkPolicyLike => ({ metadata: { namespace, name }, spec });

// NP "The NetworkPolicy resource": the documented example policy.
const testNetworkPolicy = np('default', 'test-network-policy', {
  podSelector: { matchLabels: { role: 'db' } },
  policyTypes: ['Ingress', 'Egress'],
  ingress: [
    {
      from: [
        { ipBlock: { cidr: '172.17.0.0/16', except: ['172.17.1.0/24'] } },
        { namespaceSelector: { matchLabels: { project: 'myproject' } } },
        { podSelector: { matchLabels: { role: 'frontend' } } },
      ],
      ports: [{ protocol: 'TCP', port: 6379 }],
    },
  ],
  egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 5978 }] }],
});
const db = pod('default', { role: 'db' }, { ip: '10.1.0.10' });

// NP "Behavior of to and from selectors": one element with both selectors (AND) vs two elements (OR).
const andPolicy = np('default', 'and', {
  podSelector: {},
  policyTypes: ['Ingress'],
  ingress: [{ from: [{ namespaceSelector: { matchLabels: { user: 'alice' } }, podSelector: { matchLabels: { role: 'client' } } }] }],
});
const orPolicy = np('default', 'or', {
  podSelector: {},
  policyTypes: ['Ingress'],
  ingress: [{ from: [{ namespaceSelector: { matchLabels: { user: 'alice' } } }, { podSelector: { matchLabels: { role: 'client' } } }] }],
});
const server = pod('default', { app: 'server' });

// NP "Default policies".
const denyIngress = np('default', 'default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] });
const allowAllIngress = np('default', 'allow-all-ingress', { podSelector: {}, ingress: [{}], policyTypes: ['Ingress'] });
const denyEgress = np('default', 'default-deny-egress', { podSelector: {}, policyTypes: ['Egress'] });
const allowAllEgress = np('default', 'allow-all-egress', { podSelector: {}, egress: [{}], policyTypes: ['Egress'] });
const denyAll = np('default', 'default-deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });

// NP "Targeting a range of ports".
const portRange = np('default', 'multi-port-egress', {
  podSelector: { matchLabels: { role: 'db' } },
  policyTypes: ['Egress'],
  egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 32000, endPort: 32768 }] }],
});

const app = pod('shop', { app: 'web' }, { ip: '10.1.1.5' });
const valkeyPod = pod('valkey-system', { 'app.kubernetes.io/component': 'redis' }, { ip: '10.2.0.7', ports: [{ name: 'redis', containerPort: 6379 }] });
const sentinelPod = pod('valkey-system', { 'app.kubernetes.io/component': 'sentinel' }, { ip: '10.2.0.9', ports: [{ name: 'sentinel', containerPort: 26379 }] });

export const POLICY_CASES: readonly PolicyCase[] = [
  // NP "The NetworkPolicy resource": egress of role=db to 10.0.0.0/24 on TCP 5978 is allowed.
  { name: 'example: db egress to 10.0.0.0/24 on 5978', policies: [testNetworkPolicy], from: db, to: ip('10.0.0.5'), traffic: tcp(5978), check: 'egress', allowed: true, allowedBy: ['default/test-network-policy'] },
  // NP "The NetworkPolicy resource": the egress rule names only port 5978.
  { name: 'example: db egress to 10.0.0.5 on 6379 is denied', policies: [testNetworkPolicy], from: db, to: ip('10.0.0.5'), traffic: tcp(6379), check: 'egress', allowed: false, isolated: true },
  // NP "The NetworkPolicy resource": outside the ipBlock.
  { name: 'example: db egress to 10.0.1.5 is denied', policies: [testNetworkPolicy], from: db, to: ip('10.0.1.5'), traffic: tcp(5978), check: 'egress', allowed: false },
  // NP "The NetworkPolicy resource": ingress from 172.17.0.0/16 on TCP 6379.
  { name: 'example: ingress from 172.17.0.5 on 6379', policies: [testNetworkPolicy], from: ip('172.17.0.5'), to: db, traffic: tcp(6379), check: 'ingress', allowed: true },
  // NP "The NetworkPolicy resource" / API IPBlock.except: "except" ranges are excluded from the cidr.
  { name: 'example: ingress from the except range 172.17.1.0/24 is denied', policies: [testNetworkPolicy], from: ip('172.17.1.9'), to: db, traffic: tcp(6379), check: 'ingress', allowed: false },
  // NP "The NetworkPolicy resource": role=frontend pods of the policy's own namespace.
  { name: 'example: ingress from role=frontend in the same namespace', policies: [testNetworkPolicy], from: pod('default', { role: 'frontend' }), to: db, traffic: tcp(6379), check: 'ingress', allowed: true },
  // NP "The NetworkPolicy resource": the ingress rule names only TCP 6379.
  { name: 'example: ingress from role=frontend on port 80 is denied', policies: [testNetworkPolicy], from: pod('default', { role: 'frontend' }), to: db, traffic: tcp(80), check: 'ingress', allowed: false },
  // NP "The NetworkPolicy resource": a podSelector alone selects in the policy's namespace only.
  { name: 'example: role=frontend in another namespace is denied', policies: [testNetworkPolicy], from: pod('other', { role: 'frontend' }), to: db, traffic: tcp(6379), check: 'ingress', allowed: false },
  // NP "The NetworkPolicy resource": all pods of namespaces labelled project=myproject.
  { name: 'example: any pod of a project=myproject namespace', policies: [testNetworkPolicy], from: pod('team', { any: 'thing' }, { namespaceLabels: { project: 'myproject' } }), to: db, traffic: tcp(6379), check: 'ingress', allowed: true },
  // NP "Isolated and non-isolated Pods": a pod no policy selects is non-isolated.
  { name: 'pods the policy does not select are not isolated', policies: [testNetworkPolicy], from: pod('default', { role: 'web' }), to: ip('8.8.8.8'), traffic: tcp(443), check: 'egress', allowed: true, isolated: false },
  // NP "Isolated and non-isolated Pods": policies only select pods of their own namespace.
  { name: 'a policy of another namespace does not isolate the pod', policies: [testNetworkPolicy], from: pod('shop', { role: 'db' }), to: ip('8.8.8.8'), traffic: tcp(443), check: 'egress', allowed: true, isolated: false },
  // NP "Behavior of to and from selectors": one element with both selectors = both conditions.
  { name: 'AND: role=client in a user=alice namespace', policies: [andPolicy], from: pod('a', { role: 'client' }, { namespaceLabels: { user: 'alice' } }), to: server, traffic: tcp(80), check: 'ingress', allowed: true },
  // NP "Behavior of to and from selectors": AND requires the namespace too.
  { name: 'AND: role=client in another namespace is denied', policies: [andPolicy], from: pod('b', { role: 'client' }, { namespaceLabels: { user: 'bob' } }), to: server, traffic: tcp(80), check: 'ingress', allowed: false },
  // NP "Behavior of to and from selectors": AND requires the pod labels too.
  { name: 'AND: another pod of the alice namespace is denied', policies: [andPolicy], from: pod('a', { role: 'admin' }, { namespaceLabels: { user: 'alice' } }), to: server, traffic: tcp(80), check: 'ingress', allowed: false },
  // NP "Behavior of to and from selectors": two elements = either.
  { name: 'OR: any pod of the alice namespace', policies: [orPolicy], from: pod('a', { role: 'admin' }, { namespaceLabels: { user: 'alice' } }), to: server, traffic: tcp(80), check: 'ingress', allowed: true },
  // NP "Behavior of to and from selectors": two elements = either (role=client of the local namespace).
  { name: 'OR: role=client of the policy namespace', policies: [orPolicy], from: pod('default', { role: 'client' }), to: server, traffic: tcp(80), check: 'ingress', allowed: true },
  // NP "Behavior of to and from selectors": neither element matches.
  { name: 'OR: role=client of a third namespace is denied', policies: [orPolicy], from: pod('c', { role: 'client' }), to: server, traffic: tcp(80), check: 'ingress', allowed: false },
  // NP "Default deny all ingress traffic".
  { name: 'default deny ingress', policies: [denyIngress], from: pod('default', {}), to: server, traffic: tcp(80), check: 'ingress', allowed: false, isolated: true },
  // NP "Default deny all ingress traffic": only ingress; egress stays open.
  { name: 'default deny ingress leaves egress open', policies: [denyIngress], from: server, to: ip('1.1.1.1'), traffic: tcp(443), check: 'egress', allowed: true, isolated: false },
  // NP "Allow all ingress traffic".
  { name: 'allow all ingress (an empty rule) beats default deny (union)', policies: [denyIngress, allowAllIngress], from: ip('203.0.113.1'), to: server, traffic: tcp(8080), check: 'ingress', allowed: true, allowedBy: ['default/allow-all-ingress'] },
  // NP "Default deny all egress traffic".
  { name: 'default deny egress', policies: [denyEgress], from: server, to: ip('1.1.1.1'), traffic: tcp(443), check: 'egress', allowed: false, isolated: true },
  // NP "Default deny all egress traffic": ingress unaffected.
  { name: 'default deny egress leaves ingress open', policies: [denyEgress], from: ip('1.1.1.1'), to: server, traffic: tcp(80), check: 'ingress', allowed: true, isolated: false },
  // NP "Allow all egress traffic".
  { name: 'allow all egress beats default deny egress', policies: [denyEgress, allowAllEgress], from: server, to: ip('1.1.1.1'), traffic: udp(53), check: 'egress', allowed: true },
  // NP "Default deny all ingress and all egress traffic".
  { name: 'default deny all: egress', policies: [denyAll], from: server, to: ip('1.1.1.1'), traffic: tcp(443), check: 'egress', allowed: false },
  // NP "Default deny all ingress and all egress traffic".
  { name: 'default deny all: ingress', policies: [denyAll], from: ip('1.1.1.1'), to: server, traffic: tcp(80), check: 'ingress', allowed: false },
  // NP "Targeting a range of ports": port..endPort inclusive.
  { name: 'port range: lower bound 32000', policies: [portRange], from: db, to: ip('10.0.0.9'), traffic: tcp(32000), check: 'egress', allowed: true },
  // NP "Targeting a range of ports": port..endPort inclusive.
  { name: 'port range: upper bound 32768', policies: [portRange], from: db, to: ip('10.0.0.9'), traffic: tcp(32768), check: 'egress', allowed: true },
  // NP "Targeting a range of ports".
  { name: 'port range: 32769 is outside', policies: [portRange], from: db, to: ip('10.0.0.9'), traffic: tcp(32769), check: 'egress', allowed: false },
  // NP "Targeting a range of ports".
  { name: 'port range: 31999 is outside', policies: [portRange], from: db, to: ip('10.0.0.9'), traffic: tcp(31999), check: 'egress', allowed: false },
  // NP "Targeting a Namespace by its name": the control plane sets kubernetes.io/metadata.name on every namespace.
  {
    name: 'namespace by name through kubernetes.io/metadata.name',
    policies: [np('shop', 'to-valkey', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'valkey-system' } } }] }] })],
    from: app, to: valkeyPod, traffic: tcp(6379), check: 'egress', allowed: true,
  },
  // API NetworkPolicySpec.policyTypes: without policyTypes, a policy with egress rules affects egress.
  {
    name: 'policyTypes default: egress rules make the policy an egress policy',
    policies: [np('shop', 'dns-only', { podSelector: {}, egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] })],
    from: app, to: valkeyPod, traffic: tcp(6379), check: 'egress', allowed: false, isolated: true,
  },
  // API NetworkPolicySpec.policyTypes: without egress rules the default is Ingress only (egress: [] is no section).
  {
    name: 'policyTypes default: an empty egress list leaves egress open',
    policies: [np('shop', 'ingress-only', { podSelector: {}, egress: [] })],
    from: app, to: valkeyPod, traffic: tcp(6379), check: 'egress', allowed: true, isolated: false,
  },
  // API NetworkPolicySpec.policyTypes: written policyTypes win; egress rules of an Ingress-only policy are ignored.
  {
    name: 'policyTypes [Ingress] ignores egress rules',
    policies: [np('shop', 'ingress-typed', { podSelector: {}, policyTypes: ['Ingress'], egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] })],
    from: app, to: valkeyPod, traffic: tcp(6379), check: 'egress', allowed: true, isolated: false,
  },
  // API NetworkPolicySpec.policyTypes: the ingress default applies with no ingress section (deny ingress).
  {
    name: 'policyTypes default: a policy without rules denies ingress',
    policies: [np('valkey-system', 'no-rules', { podSelector: {} })],
    from: app, to: valkeyPod, traffic: tcp(6379), check: 'ingress', allowed: false, isolated: true,
  },
  // NP "Isolated and non-isolated Pods": the allowed connections are the union of the policies that select the pod.
  {
    name: 'union of two egress policies: the Sentinel port from one',
    policies: [
      np('shop', 'data', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 6379 }] }] }),
      np('shop', 'sentinel', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 26379 }] }] }),
    ],
    from: app, to: sentinelPod, traffic: tcp(26379), check: 'egress', allowed: true, allowedBy: ['shop/sentinel'],
  },
  // NP "Isolated and non-isolated Pods": a second policy cannot take away what the first allows, but neither adds 26379 here.
  {
    name: 'union: neither policy allows 26379',
    policies: [
      np('shop', 'data', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 6379 }] }] }),
      np('shop', 'dns', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] }),
    ],
    from: app, to: sentinelPod, traffic: tcp(26379), check: 'egress', allowed: false,
  },
  // API NetworkPolicyPort.port: a named port is resolved on the pod receiving the traffic.
  {
    name: 'named port on the destination pod (egress)',
    policies: [np('shop', 'named', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'sentinel' }] }] })],
    from: app, to: sentinelPod, traffic: tcp(26379), check: 'egress', allowed: true,
  },
  // API NetworkPolicyPort.port: a pod without a port of that name does not match.
  {
    name: 'named port absent on the destination pod',
    policies: [np('shop', 'named', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'sentinel' }] }] })],
    from: app, to: valkeyPod, traffic: tcp(6379), check: 'egress', allowed: false,
  },
  // API NetworkPolicyPort.port: a named port never matches an address outside a pod.
  {
    name: 'named port to a plain address',
    policies: [np('shop', 'named', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'https' }] }] })],
    from: app, to: ip('192.0.2.1'), traffic: tcp(443), check: 'egress', allowed: false,
  },
  // API NetworkPolicyPort.port (ingress): the named port is the selected pod's own.
  {
    name: 'named port on the selected pod (ingress)',
    policies: [np('valkey-system', 'redis-in', { podSelector: { matchLabels: { 'app.kubernetes.io/component': 'redis' } }, ingress: [{ ports: [{ port: 'redis' }] }] })],
    from: app, to: valkeyPod, traffic: tcp(6379), check: 'ingress', allowed: true,
  },
  // API NetworkPolicyPort.protocol: defaults to TCP, so port 53 alone does not allow DNS over UDP.
  {
    name: 'protocol defaults to TCP',
    policies: [np('shop', 'dns-tcp', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 53 }] }] })],
    from: app, to: ip('10.96.0.10'), traffic: udp(53), check: 'egress', allowed: false,
  },
  // API NetworkPolicyPort.port: "If this field is not provided, this matches all port names and numbers" (of the protocol).
  {
    name: 'a port entry with only a protocol matches every port of it',
    policies: [np('shop', 'udp-any', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ protocol: 'UDP' }] }] })],
    from: app, to: ip('10.96.0.10'), traffic: udp(5353), check: 'egress', allowed: true,
  },
  // API LabelSelectorRequirement NotIn: a pod without the key matches.
  {
    name: 'matchExpressions NotIn selects pods without the key',
    policies: [np('shop', 'not-batch', { podSelector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['batch'] }] }, policyTypes: ['Egress'] })],
    from: app, to: ip('1.1.1.1'), traffic: tcp(443), check: 'egress', allowed: false, isolated: true,
  },
  // API LabelSelectorRequirement In: a pod without the key does not match.
  {
    name: 'matchExpressions In does not select pods without the key',
    policies: [np('shop', 'only-batch', { podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['batch'] }] }, policyTypes: ['Egress'] })],
    from: app, to: ip('1.1.1.1'), traffic: tcp(443), check: 'egress', allowed: true, isolated: false,
  },
  // API LabelSelectorRequirement Exists/DoesNotExist, ANDed with matchLabels.
  {
    name: 'matchExpressions Exists and DoesNotExist with matchLabels (AND)',
    policies: [np('valkey-system', 'sel', {
      podSelector: {},
      ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'app', operator: 'Exists' }, { key: 'debug', operator: 'DoesNotExist' }] } }] }],
    })],
    from: app, to: valkeyPod, traffic: tcp(6379), check: 'ingress', allowed: true,
  },
  // API LabelSelectorRequirement DoesNotExist fails on a pod carrying the key.
  {
    name: 'matchExpressions DoesNotExist rejects a pod with the key',
    policies: [np('valkey-system', 'sel', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchExpressions: [{ key: 'debug', operator: 'DoesNotExist' }] } }] }] })],
    from: pod('shop', { app: 'web', debug: 'true' }), to: valkeyPod, traffic: tcp(6379), check: 'ingress', allowed: false,
  },
  // NP "Behavior of to and from selectors": namespaceSelector {} selects every namespace.
  {
    name: 'an empty namespaceSelector selects every namespace',
    policies: [np('valkey-system', 'any-ns', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: {} }] }] })],
    from: pod('anywhere', {}), to: valkeyPod, traffic: tcp(6379), check: 'ingress', allowed: true,
  },
  // The Welkin pattern (platform ingress policy): only pods carrying the access label, from any namespace.
  {
    name: 'Welkin access label: pods with the label reach the data port',
    policies: [np('valkey-system', 'valkey-access', {
      podSelector: { matchLabels: { 'app.kubernetes.io/component': 'redis' } },
      ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'elastisys.io/valkey-cache-access': 'allow' } } }], ports: [{ port: 6379 }] }],
    })],
    from: pod('shop', { app: 'web', 'elastisys.io/valkey-cache-access': 'allow' }), to: valkeyPod, traffic: tcp(6379), check: 'ingress', allowed: true,
  },
  // The Welkin pattern: the label with another value is no access.
  {
    name: 'Welkin access label with a value other than allow is denied',
    policies: [np('valkey-system', 'valkey-access', {
      podSelector: { matchLabels: { 'app.kubernetes.io/component': 'redis' } },
      ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'elastisys.io/valkey-cache-access': 'allow' } } }] }],
    })],
    from: pod('shop', { app: 'web', 'elastisys.io/valkey-cache-access': 'true' }), to: valkeyPod, traffic: tcp(6379), check: 'ingress', allowed: false,
  },
  // NP "NetworkPolicy and ... ": a connection needs egress from the source and ingress into the destination.
  {
    name: 'connection: egress allowed but the destination denies ingress',
    policies: [allowAllEgress, np('valkey-system', 'deny', { podSelector: {}, policyTypes: ['Ingress'] })],
    from: pod('default', {}), to: valkeyPod, traffic: tcp(6379), check: 'connection', allowed: false,
  },
  // NP "Isolated and non-isolated Pods": both sides must allow; here both do.
  {
    name: 'connection: both sides allow',
    policies: [np('shop', 'out', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'app.kubernetes.io/component': 'redis' } } }] }] }), np('valkey-system', 'in', { podSelector: {}, ingress: [{}] })],
    from: app, to: valkeyPod, traffic: tcp(6379), check: 'connection', allowed: true,
  },
  // API IPBlock: CIDRs may be IPv6 ("2001:db8::/64").
  {
    name: 'IPv6 ipBlock',
    policies: [np('shop', 'v6', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '2001:db8::/64', except: ['2001:db8::ff00/120'] } }] }] })],
    from: app, to: ip('2001:db8::1'), traffic: tcp(443), check: 'egress', allowed: true,
  },
  // API IPBlock.except on IPv6.
  {
    name: 'IPv6 ipBlock except',
    policies: [np('shop', 'v6', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '2001:db8::/64', except: ['2001:db8::ff00/120'] } }] }] })],
    from: app, to: ip('2001:db8::ff01'), traffic: tcp(443), check: 'egress', allowed: false,
  },
  // API IPBlock: an IPv4 block never matches an IPv6 address.
  {
    name: 'IPv4 block does not match an IPv6 address',
    policies: [np('shop', 'v4', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }] })],
    from: app, to: ip('2001:db8::1'), traffic: tcp(443), check: 'egress', allowed: false,
  },
  // NP "The NetworkPolicy resource" (ipBlock): 0.0.0.0/0 covers every IPv4 address.
  {
    name: '0.0.0.0/0 allows every IPv4 address',
    policies: [np('shop', 'v4', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }] })],
    from: app, to: ip('198.51.100.7'), traffic: tcp(443), check: 'egress', allowed: true,
  },
];
