import type { CheckItem } from './model';
import { checkAccessLabel } from './items/accessLabel';
import { checkAppConfigMap } from './items/appConfigMap';
import { checkAvailability } from './items/availability';
import { checkGatekeeper } from './items/gatekeeper';
import { checkNetworkPath } from './items/networkPath';
import { checkOnePurpose } from './items/onePurpose';
import type { ClusterSnapshot } from './snapshot';

/** Items 1-5 and 8: everything judged from Kubernetes objects. */
export function checkCluster(s: ClusterSnapshot): CheckItem[] {
  return [checkAppConfigMap(s), checkAccessLabel(s), checkNetworkPath(s), checkGatekeeper(s), checkAvailability(s), checkOnePurpose(s)];
}
