import { flavourKeys, type Flavour } from './flavour';

/**
 * The variables an application reads to find Sentinel, as in its ConfigMap (VALKEY_* or, for the
 * Redis flavour, REDIS_*), pointing at a local Sentinel endpoint. Never a password: the app keeps
 * its own.
 */
export function localEndpointVariables(flavour: Flavour, sentinel: { readonly host: string; readonly port: number }, masterName: string): Record<string, string> {
  const keys = flavourKeys(flavour);
  return {
    [keys.sentinelHost]: sentinel.host,
    [keys.sentinelPort]: String(sentinel.port),
    ...(masterName ? { [keys.sentinelMaster]: masterName } : {}),
  };
}
