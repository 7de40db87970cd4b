/** Configuration keys (without the `valkeyWelkin.` section). package.json declares the same set. */
export const SECTION = 'valkeyWelkin';

export const Settings = {
  kubeconfig: 'kubeconfig',
  requestTimeoutSeconds: 'requestTimeoutSeconds',
  loginTimeoutSeconds: 'loginTimeoutSeconds',
  extraNamespaces: 'explorer.extraNamespaces',
  dataPodSelector: 'explorer.dataPodSelector',
} as const;

export type SettingKey = (typeof Settings)[keyof typeof Settings];
