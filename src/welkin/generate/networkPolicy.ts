import type { V1NetworkPolicy } from '@kubernetes/client-node';
import { err, ok, type Result } from '../../util/result';
import type { ValkeyCluster } from '../clusterAnnouncement';
import { ACCESS_LABEL_VALUE, accessLabelKey } from '../flavour';
import { failoverName } from '../podSelectors';
import { Checks, type GenerateProblem } from './problems';
import { generated, type Generated } from './yamlText';

export const DEFAULT_DATA_PORT = 6379;

export interface EgressPolicyInput {
  readonly cluster: ValkeyCluster;
  /** The application namespace the policy goes into. */
  readonly namespace: string;
  /** Default `allow-<flavour>-<cluster>-egress`. */
  readonly name?: string | undefined;
  /** The data pods' port; default 6379. The Sentinel port is the announced one. */
  readonly dataPort?: number | undefined;
}

/**
 * Egress from the application's labelled pods to this cluster's pods (its Sentinel and data pods,
 * by the labels the operator gives both; data and Sentinel ports) and to the cluster DNS, for
 * namespaces whose own policies deny egress by default. Not the whole Valkey namespace: other
 * clusters there stay out of reach.
 */
export function egressNetworkPolicy(input: EgressPolicyInput): Result<Generated<V1NetworkPolicy>, GenerateProblem[]> {
  const { cluster } = input;
  const name = input.name ?? `allow-${cluster.flavour}-${cluster.name}-egress`;
  const labelKey = accessLabelKey(cluster.flavour, cluster.name);
  const dataPort = input.dataPort ?? DEFAULT_DATA_PORT;
  const checks = new Checks();
  checks.objectName('name', name);
  checks.namespace('namespace', input.namespace);
  checks.labelKey('clusterName', labelKey);
  checks.namespace('sentinel.namespace', cluster.sentinel.namespace);
  checks.port('dataPort', dataPort);
  checks.port('sentinel.port', cluster.sentinel.port);
  if (checks.problems.length > 0) return err(checks.problems);

  const ports = [...new Set([dataPort, cluster.sentinel.port])].map((port) => ({ protocol: 'TCP', port }));
  const object: V1NetworkPolicy = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: input.namespace },
    spec: {
      podSelector: { matchLabels: { [labelKey]: ACCESS_LABEL_VALUE } },
      policyTypes: ['Egress'],
      egress: [
        {
          // kubernetes.io/metadata.name is set on every namespace by the API server; the operator
          // labels the failover's Sentinel and data pods with its name and part-of.
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': cluster.sentinel.namespace } },
              podSelector: { matchLabels: { 'app.kubernetes.io/name': failoverName(cluster), 'app.kubernetes.io/part-of': 'redis-failover' } },
            },
          ],
          ports,
        },
        {
          to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
      ],
    },
  };
  return ok(generated(object, `Lets pods labelled ${labelKey}=${ACCESS_LABEL_VALUE} reach the Sentinel and data pods of the ${cluster.flavour} cluster "${cluster.name}" in ${cluster.sentinel.namespace}, and the cluster DNS.`));
}
