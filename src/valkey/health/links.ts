import { Links } from '../../constants/links';

/**
 * Where each judgement sends the reader: the Welkin guide for the platform's advice, the Valkey
 * documentation for what a figure means and how to change it.
 */
export const HealthLinks = {
  welkinGuide: Links.welkinValkeyGuide,
  info: 'https://valkey.io/commands/info/',
  evictionPolicies: 'https://valkey.io/topics/lru-cache/',
  clientList: 'https://valkey.io/commands/client-list/',
  timeoutConfig: 'https://valkey.io/topics/clients/',
  slowlog: 'https://valkey.io/commands/slowlog-get/',
  replication: 'https://valkey.io/topics/replication/',
  scan: 'https://valkey.io/commands/scan/',
  expire: 'https://valkey.io/commands/expire/',
  memoryUsage: 'https://valkey.io/commands/memory-usage/',
} as const;

export type HealthLink = (typeof HealthLinks)[keyof typeof HealthLinks];
