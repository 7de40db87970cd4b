import type { V1ConfigMap } from '@kubernetes/client-node';
import { err, ok, type Result } from '../../util/result';
import type { ValkeyCluster } from '../clusterAnnouncement';
import { appConfigMapName, flavourKeys } from '../flavour';
import { Checks, type GenerateProblem } from './problems';
import { generated, type Generated } from './yamlText';

export interface AppConfigMapInput {
  readonly cluster: ValkeyCluster;
  /** The application namespace the ConfigMap goes into. */
  readonly namespace: string;
  /** Default `app-valkey-config` (`app-redis-config` for the Redis flavour). */
  readonly name?: string | undefined;
  /** The Sentinel master name, when discovered (`SENTINEL MASTERS`). */
  readonly masterName?: string | undefined;
}

/**
 * The application's own ConfigMap: the Sentinel host and port copied from the administrator's
 * announcement (and the master name when known), for the application to read as environment.
 */
export function appConfigMap(input: AppConfigMapInput): Result<Generated<V1ConfigMap>, GenerateProblem[]> {
  const name = input.name ?? appConfigMapName(input.cluster.flavour);
  const checks = new Checks();
  checks.objectName('name', name);
  checks.namespace('namespace', input.namespace);
  checks.port('sentinelPort', input.cluster.sentinel.port);
  if (input.masterName !== undefined && !/^\S+$/.test(input.masterName)) checks.add('masterName', `"${input.masterName}" is not a Sentinel master name (no spaces, not empty)`);
  if (checks.problems.length > 0) return err(checks.problems);

  const keys = flavourKeys(input.cluster.flavour);
  const data: Record<string, string> = {
    [keys.sentinelHost]: input.cluster.sentinel.host,
    [keys.sentinelPort]: String(input.cluster.sentinel.port),
  };
  if (input.masterName !== undefined) data[keys.sentinelMaster] = input.masterName;
  const object: V1ConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: input.namespace },
    data,
  };
  return ok(generated(object, `Sentinel address of the ${input.cluster.flavour} cluster "${input.cluster.name}" for the application (from ${input.cluster.source.namespace}/${input.cluster.source.name}).`));
}
