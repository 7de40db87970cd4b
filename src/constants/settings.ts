/** Configuration keys (without the `valkeyWelkin.` section). package.json declares the same set. */
export const SECTION = 'valkeyWelkin';

export const Settings = {
  kubeconfig: 'kubeconfig',
  requestTimeoutSeconds: 'requestTimeoutSeconds',
  loginTimeoutSeconds: 'loginTimeoutSeconds',
  extraNamespaces: 'explorer.extraNamespaces',
  dataPodSelector: 'explorer.dataPodSelector',
  consoleReadOnlyContexts: 'console.readOnlyContexts',
  consoleHistorySize: 'console.historySize',
  consoleMaxReplyLines: 'console.maxReplyLines',
  consoleRedisCliForwardIdleMinutes: 'console.redisCliForwardIdleMinutes',
  tls: 'connection.tls',
  tlsCaFile: 'connection.tlsCaFile',
  tlsServerName: 'connection.tlsServerName',
  lintEnable: 'lint.enable',
  lintRules: 'lint.rules',
  lintDefaultTtlSeconds: 'lint.defaultTtlSeconds',
  lintCollectionWritesSeverity: 'lint.collectionWritesSeverity',
  keysDelimiter: 'keys.delimiter',
  keysScanCount: 'keys.scanCount',
  keysMaxTreeNodes: 'keys.maxTreeNodes',
  dataRateLimit: 'data.rateLimit',
  dataUndoBundleMaxMegabytes: 'data.undoBundleMaxMegabytes',
  healthPollIntervalSeconds: 'health.pollIntervalSeconds',
  healthTtlAuditSampleSize: 'health.ttlAuditSampleSize',
  localEndpointPort: 'localEndpoint.port',
} as const;

export type SettingKey = (typeof Settings)[keyof typeof Settings];
