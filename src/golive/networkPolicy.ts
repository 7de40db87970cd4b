/**
 * Kubernetes NetworkPolicy semantics (networking.k8s.io/v1), as the Kubernetes documentation
 * defines them (https://kubernetes.io/docs/concepts/services-networking/network-policies/):
 *
 * - A policy selects pods of its own namespace by `spec.podSelector` (`{}`: every pod).
 * - `policyTypes` defaults to `Ingress`, plus `Egress` when the policy has egress rules.
 * - A pod selected by at least one policy of a type is isolated for that direction: only what
 *   one of those policies' rules allows gets through (the union); a pod no policy selects is not
 *   isolated and everything is allowed.
 * - A rule without `to`/`from` matches every peer, without `ports` every port. A peer is a
 *   podSelector (this namespace), a namespaceSelector (every pod there), both (those pods in those
 *   namespaces), or an ipBlock (a CIDR minus its `except` ranges).
 * - A port is a number, a range (`port` … `endPort`) or a name resolved against the container
 *   ports of the pod receiving the traffic; the protocol defaults to TCP.
 * - A connection needs both: egress allowed from the source and ingress allowed into the target.
 *
 * The shapes below are the API's own field names, so V1NetworkPolicy objects and parsed YAML
 * manifests are both accepted.
 */

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: string;
  readonly values?: readonly string[] | undefined;
}

export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>> | undefined;
  readonly matchExpressions?: readonly LabelSelectorRequirement[] | undefined;
}

export interface IPBlock {
  readonly cidr: string;
  readonly except?: readonly string[] | undefined;
}

export interface PolicyPeer {
  readonly podSelector?: LabelSelector | undefined;
  readonly namespaceSelector?: LabelSelector | undefined;
  readonly ipBlock?: IPBlock | undefined;
}

export interface PolicyPort {
  readonly protocol?: string | undefined;
  /** A number or the name of a container port. Absent: every port of the protocol. */
  readonly port?: number | string | undefined;
  readonly endPort?: number | undefined;
}

export interface EgressRule {
  readonly to?: readonly PolicyPeer[] | undefined;
  readonly ports?: readonly PolicyPort[] | undefined;
}

export interface IngressRule {
  readonly from?: readonly PolicyPeer[] | undefined;
  readonly ports?: readonly PolicyPort[] | undefined;
}

export interface NetworkPolicyLike {
  readonly metadata?: { readonly name?: string | undefined; readonly namespace?: string | undefined } | undefined;
  readonly spec?:
    | {
        readonly podSelector?: LabelSelector | undefined;
        readonly policyTypes?: readonly string[] | undefined;
        readonly ingress?: readonly IngressRule[] | undefined;
        readonly egress?: readonly EgressRule[] | undefined;
      }
    | undefined;
}

export interface ContainerPortLike {
  readonly name?: string | undefined;
  readonly containerPort: number;
  readonly protocol?: string | undefined;
}

/** One side of a connection: a pod (namespace, labels, IP, named ports) or an address outside any pod. */
export type Endpoint =
  | {
      readonly kind: 'pod';
      readonly namespace: string;
      /** The namespace's labels; `kubernetes.io/metadata.name` is added when missing, as the API server does. */
      readonly namespaceLabels: Readonly<Record<string, string>>;
      readonly labels: Readonly<Record<string, string>>;
      readonly ip?: string | undefined;
      readonly ports?: readonly ContainerPortLike[] | undefined;
    }
  | { readonly kind: 'ip'; readonly ip: string };

export interface Traffic {
  /** A port number. */
  readonly port: number;
  readonly protocol?: string | undefined;
}

export type Direction = 'Ingress' | 'Egress';

export interface DirectionVerdict {
  readonly allowed: boolean;
  /** At least one policy selects the pod for this direction (otherwise everything is allowed). */
  readonly isolated: boolean;
  /** The policies that select the pod for this direction. */
  readonly selectedBy: readonly string[];
  /** The policies whose rules allow this traffic. */
  readonly allowedBy: readonly string[];
  /** Where an answer depends on the network plugin (an ipBlock matched against a pod's IP). */
  readonly notes: readonly string[];
}

export interface ConnectionVerdict {
  readonly allowed: boolean;
  readonly egress: DirectionVerdict;
  readonly ingress: DirectionVerdict;
}

const METADATA_NAME = 'kubernetes.io/metadata.name';

export function policyName(policy: NetworkPolicyLike): string {
  return `${policy.metadata?.namespace ?? ''}/${policy.metadata?.name ?? ''}`;
}

/** `policyTypes` as written, or the documented default: Ingress, plus Egress when egress rules exist. */
export function effectivePolicyTypes(policy: NetworkPolicyLike): Direction[] {
  const declared = policy.spec?.policyTypes;
  if (declared && declared.length > 0) return declared.filter((t): t is Direction => t === 'Ingress' || t === 'Egress');
  return (policy.spec?.egress?.length ?? 0) > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

/** Label-selector semantics: matchLabels AND every matchExpression; an empty selector matches everything. */
export function selectorMatches(selector: LabelSelector | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  for (const req of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, req.key);
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!has || !values.includes(labels[req.key]!)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[req.key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        // The API server rejects other operators; a selector that cannot be read selects nothing.
        return false;
    }
  }
  return true;
}

export function withMetadataName(namespace: string, labels: Readonly<Record<string, string>>): Record<string, string> {
  return METADATA_NAME in labels ? { ...labels } : { ...labels, [METADATA_NAME]: namespace };
}

function policySelectsPod(policy: NetworkPolicyLike, pod: Extract<Endpoint, { kind: 'pod' }>): boolean {
  return (policy.metadata?.namespace ?? '') === pod.namespace && selectorMatches(policy.spec?.podSelector ?? {}, pod.labels);
}

interface PeerMatch {
  readonly matches: boolean;
  readonly note?: string | undefined;
}

/** Whether a rule's peer names the endpoint on the other side; `policyNamespace` is where a bare podSelector looks. */
function peerMatches(peer: PolicyPeer, other: Endpoint, policyNamespace: string): PeerMatch {
  if (peer.ipBlock) {
    const ip = other.ip;
    if (!ip) return { matches: false };
    const inside = cidrContains(peer.ipBlock.cidr, ip) && !(peer.ipBlock.except ?? []).some((e) => cidrContains(e, ip));
    if (!inside) return { matches: false };
    return other.kind === 'pod'
      ? { matches: true, note: `ipBlock ${peer.ipBlock.cidr} covers the pod IP ${ip}: whether ipBlock applies to pod IPs depends on the network plugin` }
      : { matches: true };
  }
  if (other.kind !== 'pod') return { matches: false };
  if (!peer.podSelector && !peer.namespaceSelector) return { matches: false };
  if (peer.namespaceSelector) {
    if (!selectorMatches(peer.namespaceSelector, withMetadataName(other.namespace, other.namespaceLabels))) return { matches: false };
  } else if (other.namespace !== policyNamespace) {
    return { matches: false };
  }
  return { matches: selectorMatches(peer.podSelector ?? {}, other.labels) };
}

/** Whether a rule's ports admit the traffic; named ports resolve against `receiver`'s container ports. */
function portsMatch(ports: readonly PolicyPort[] | undefined, traffic: Traffic, receiver: Endpoint): boolean {
  if (!ports || ports.length === 0) return true;
  const protocol = (traffic.protocol ?? 'TCP').toUpperCase();
  return ports.some((p) => {
    if ((p.protocol ?? 'TCP').toUpperCase() !== protocol) return false;
    if (p.port === undefined) return true;
    if (typeof p.port === 'number') {
      return p.endPort !== undefined ? traffic.port >= p.port && traffic.port <= p.endPort : traffic.port === p.port;
    }
    if (/^\d+$/.test(p.port)) return traffic.port === Number(p.port);
    // A named port: the receiving pod must have a container port of that name, number and protocol.
    if (receiver.kind !== 'pod') return false;
    return (receiver.ports ?? []).some((c) => c.name === p.port && c.containerPort === traffic.port && (c.protocol ?? 'TCP').toUpperCase() === protocol);
  });
}

/** Egress from `source` to `target` as the source's namespace's policies decide it. */
export function evaluateEgress(policies: readonly NetworkPolicyLike[], source: Extract<Endpoint, { kind: 'pod' }>, target: Endpoint, traffic: Traffic): DirectionVerdict {
  return evaluateDirection(policies, 'Egress', source, target, traffic);
}

/** Ingress into `target` from `source` as the target's namespace's policies decide it. */
export function evaluateIngress(policies: readonly NetworkPolicyLike[], target: Extract<Endpoint, { kind: 'pod' }>, source: Endpoint, traffic: Traffic): DirectionVerdict {
  return evaluateDirection(policies, 'Ingress', target, source, traffic);
}

function evaluateDirection(
  policies: readonly NetworkPolicyLike[],
  direction: Direction,
  selected: Extract<Endpoint, { kind: 'pod' }>,
  other: Endpoint,
  traffic: Traffic,
): DirectionVerdict {
  const selecting = policies.filter((p) => policySelectsPod(p, selected) && effectivePolicyTypes(p).includes(direction));
  if (selecting.length === 0) return { allowed: true, isolated: false, selectedBy: [], allowedBy: [], notes: [] };
  const allowedBy: string[] = [];
  const notes: string[] = [];
  const receiver = direction === 'Egress' ? other : selected;
  for (const policy of selecting) {
    const namespace = policy.metadata?.namespace ?? '';
    const rules: readonly (EgressRule | IngressRule)[] = (direction === 'Egress' ? policy.spec?.egress : policy.spec?.ingress) ?? [];
    const allows = rules.some((rule) => {
      if (!portsMatch(rule.ports, traffic, receiver)) return false;
      const peers = 'to' in rule ? rule.to : 'from' in rule ? rule.from : undefined;
      if (!peers || peers.length === 0) return true;
      return peers.some((peer) => {
        const m = peerMatches(peer, other, namespace);
        if (m.matches && m.note) notes.push(`${policyName(policy)}: ${m.note}`);
        return m.matches;
      });
    });
    if (allows) allowedBy.push(policyName(policy));
  }
  return { allowed: allowedBy.length > 0, isolated: true, selectedBy: selecting.map(policyName), allowedBy, notes };
}

/**
 * A connection from a pod to a pod or address: the source's egress and the target's ingress. Pass
 * every policy you know of; each side only consults the policies of its own namespace.
 */
export function evaluateConnection(policies: readonly NetworkPolicyLike[], source: Extract<Endpoint, { kind: 'pod' }>, target: Endpoint, traffic: Traffic): ConnectionVerdict {
  const egress = evaluateEgress(policies, source, target, traffic);
  const ingress: DirectionVerdict = target.kind === 'pod' ? evaluateIngress(policies, target, source, traffic) : { allowed: true, isolated: false, selectedBy: [], allowedBy: [], notes: [] };
  return { allowed: egress.allowed && ingress.allowed, egress, ingress };
}

// ---- CIDR arithmetic (IPv4 and IPv6) ----

/** The address as a big integer and its bit width, or undefined when it is not an IP address. */
export function parseIp(text: string): { value: bigint; bits: 32 | 128 } | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const parts = text.split('.').map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return { value: parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n), bits: 32 };
  }
  if (!text.includes(':')) return undefined;
  let head = text;
  let tailV4: bigint | undefined;
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (v4) {
    const parsed = parseIp(v4[1]!);
    if (!parsed) return undefined;
    tailV4 = parsed.value;
    head = text.slice(0, -v4[1]!.length) + '0:0';
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const left = groups(halves[0]!);
  const right = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? left.length !== 8 : missing < 1) return undefined;
  const all = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  let value = all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
  if (tailV4 !== undefined) value = (value & ~0xffffffffn) | tailV4;
  return { value, bits: 128 };
}

/** Whether `cidr` (`a.b.c.d/n`, IPv6 too) contains `ip`; addresses of the other family never match. */
export function cidrContains(cidr: string, ip: string): boolean {
  const [base, prefixText] = cidr.split('/');
  const network = parseIp(base ?? '');
  const address = parseIp(ip);
  if (!network || !address || network.bits !== address.bits) return false;
  const prefix = prefixText === undefined ? network.bits : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > network.bits) return false;
  const shift = BigInt(network.bits - prefix);
  return network.value >> shift === address.value >> shift;
}
