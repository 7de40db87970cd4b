/** Context keys used in `when` clauses of package.json. */
export const ContextKeys = {
  explorerState: 'valkeyWelkin.explorerState',
} as const;

/**
 * What the explorer shows: `noKubeconfig`, `loginNeeded`, `loginToolMissing` and `noClusters`
 * leave the tree empty so a welcome view explains the fix.
 */
export type ExplorerState = 'loading' | 'connecting' | 'noKubeconfig' | 'invalidKubeconfig' | 'loginNeeded' | 'loginToolMissing' | 'noClusters' | 'ready';

export interface ContextKeyValues {
  [ContextKeys.explorerState]: ExplorerState;
}
