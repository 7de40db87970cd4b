/** Configuration keys (without the `valkeyWelkin.` section). package.json declares the same set. */
export const SECTION = 'valkeyWelkin';

export const Settings = {
  kubeconfig: 'kubeconfig',
  requestTimeoutSeconds: 'requestTimeoutSeconds',
  loginTimeoutSeconds: 'loginTimeoutSeconds',
  extraNamespaces: 'explorer.extraNamespaces',
  dataPodSelector: 'explorer.dataPodSelector',
  lintEnable: 'lint.enable',
  lintRules: 'lint.rules',
  lintDefaultTtlSeconds: 'lint.defaultTtlSeconds',
  lintCollectionWritesSeverity: 'lint.collectionWritesSeverity',
} as const;

export type SettingKey = (typeof Settings)[keyof typeof Settings];
