/** JSON values as they travel over the wire and sit in the store. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/** A Kubernetes object in the store: `apiVersion`, `kind`, `metadata`, and whatever else it carries. */
export type KubeObject = JsonObject;

/**
 * One RBAC-like rule of a fixture user. A rule with `namespaces: '*'` acts like a ClusterRoleBinding
 * (it also covers cluster-scoped requests); a list of namespaces acts like RoleBindings there.
 */
export interface Rule {
  readonly verbs: readonly string[];
  /** Resource names as RBAC spells them: `configmaps`, `pods/portforward`, `*`, `*\/status`. */
  readonly resources: readonly string[];
  /** API groups; `''` is the core group. Default `['*']`. */
  readonly apiGroups?: readonly string[];
  readonly resourceNames?: readonly string[];
  readonly namespaces: readonly string[] | '*';
  /** Name used in SelfSubjectAccessReview reasons; default `standin-<user>-<index>`. */
  readonly name?: string;
}

/** Non-resource URL rule (`/healthz`, `/version`, `/metrics`); discovery paths are always allowed. */
export interface NonResourceRule {
  readonly verbs: readonly string[];
  readonly paths: readonly string[];
}

export interface FixtureUser {
  /** Bearer token the generated kubeconfig uses; default `token-<user name>`. */
  readonly token?: string;
  readonly groups?: readonly string[];
  /** Default namespace of this user's kubeconfig context. */
  readonly namespace?: string;
  /** Starts out expired: every request answers 401. */
  readonly expired?: boolean;
  readonly rules: readonly Rule[];
  readonly nonResourceRules?: readonly NonResourceRule[];
}

/** An object as written in a fixture: loose input, normalised and validated on load. */
export interface FixtureObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string } & Readonly<Record<string, unknown>>;
  readonly [field: string]: unknown;
}

export interface FixtureNamespace {
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly objects?: readonly FixtureObject[];
}

export interface Fixture {
  /** Reported by `/version`; kubectl's dispatcher picks its client from it. Default `1.32.4`. */
  readonly serverVersion?: string;
  /** First resourceVersion handed out; default 1000. */
  readonly initialResourceVersion?: number;
  /**
   * 1.35+ behaviour (feature gate AuthorizePodWebsocketUpgradeCreatePermission): a WebSocket GET to
   * pods/exec|attach|portforward additionally needs `create`. Default: on when serverVersion >= 1.35.
   */
  readonly websocketUpgradeNeedsCreate?: boolean;
  readonly users: Readonly<Record<string, FixtureUser>>;
  readonly namespaces: Readonly<Record<string, FixtureNamespace>>;
  /** Cluster-scoped objects other than namespaces (rarely needed). */
  readonly clusterObjects?: readonly FixtureObject[];
  /**
   * Do what the endpoint controllers do, once at start: for each Service with a selector and no
   * Endpoints/EndpointSlice of its own in the fixture, derive them from the matching pods. Default true.
   */
  readonly deriveEndpoints?: boolean;
}
