/** Context keys used in `when` clauses of package.json. */
export const ContextKeys = {
  /** 'loading' | 'missing' | 'invalid' | 'ready' */
  kubeconfigState: 'valkeyWelkin.kubeconfigState',
} as const;

export type KubeconfigState = 'loading' | 'missing' | 'invalid' | 'ready';

export interface ContextKeyValues {
  [ContextKeys.kubeconfigState]: KubeconfigState;
}
