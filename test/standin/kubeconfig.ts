/** Kubeconfig files for the stand-in: one cluster, one bearer-token user and one context per fixture user. */
import { stringify } from 'yaml';

export interface KubeconfigUser {
  readonly name: string;
  readonly token: string;
  /** The context's default namespace. */
  readonly namespace?: string;
}

export const CLUSTER_NAME = 'standin';

/** YAML with every user as a context named after the user; `current` is the current context. */
export function renderKubeconfig(server: string, caPem: string, users: readonly KubeconfigUser[], current: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: CLUSTER_NAME, cluster: { server, 'certificate-authority-data': Buffer.from(caPem).toString('base64') } }],
    users: users.map((u) => ({ name: u.name, user: { token: u.token } })),
    contexts: users.map((u) => ({ name: u.name, context: { cluster: CLUSTER_NAME, user: u.name, ...(u.namespace ? { namespace: u.namespace } : {}) } })),
    'current-context': current,
    preferences: {},
  });
}
