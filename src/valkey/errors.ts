import type { KubeError } from '../kube/errors';
import type { PortForwardError } from '../kube/portForwardErrors';

/** What can go wrong connecting to Valkey and running commands, as values the console can print. */
export type ValkeyError =
  /** A Kubernetes API call failed while finding the cluster's pods. */
  | { readonly kind: 'kube'; readonly message: string; readonly cause: KubeError }
  /** A port-forward was refused (`cause.kind === 'forbidden'`: RBAC on pods/portforward). */
  | { readonly kind: 'portForward'; readonly message: string; readonly cause: PortForwardError }
  | { readonly kind: 'noSentinel'; readonly message: string }
  /** No Sentinel answered, or its answer made no sense. */
  | { readonly kind: 'sentinel'; readonly message: string }
  | { readonly kind: 'unknownMaster'; readonly message: string; readonly known: readonly string[] }
  | { readonly kind: 'podNotFound'; readonly message: string; readonly address: string }
  | { readonly kind: 'authFailed'; readonly message: string }
  | { readonly kind: 'authRequired'; readonly message: string }
  | { readonly kind: 'timeout'; readonly message: string }
  | { readonly kind: 'cancelled'; readonly message: string }
  /** The connection could not be opened or was closed before a reply. */
  | { readonly kind: 'connection'; readonly message: string }
  /** No primary is reachable right now; the command was not sent. */
  | { readonly kind: 'notConnected'; readonly message: string }
  /** The connection dropped while the command was in flight: it may or may not have run, and it was not retried. */
  | { readonly kind: 'interrupted'; readonly message: string; readonly command: string }
  | { readonly kind: 'protocol'; readonly message: string }
  | { readonly kind: 'disposed'; readonly message: string };

export type ValkeyErrorKind = ValkeyError['kind'];

export const cancelled = (): ValkeyError => ({ kind: 'cancelled', message: 'Cancelled.' });

export function fromKube(cause: KubeError): ValkeyError {
  return cause.kind === 'cancelled' ? cancelled() : { kind: 'kube', message: cause.message, cause };
}

export function fromPortForward(cause: PortForwardError): ValkeyError {
  return cause.kind === 'cancelled' ? cancelled() : { kind: 'portForward', message: cause.message, cause };
}
