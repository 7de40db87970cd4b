/**
 * The go-live check's vocabulary: items with a status, the reason, a link that explains it and the
 * fix actions the extension already has. Pure data: the report view, the tree and the CLI render it.
 */

export type ItemStatus = 'pass' | 'warn' | 'fail' | 'unchecked';

export type ItemId = 'appConfigMap' | 'accessLabel' | 'networkPath' | 'gatekeeper' | 'availability' | 'code' | 'server' | 'onePurpose';

/** An existing command that fixes (or helps fix) what an item found. */
export interface FixAction {
  readonly title: string;
  /** A contributed command id (package.json). */
  readonly command: string;
}

export interface CheckItem {
  readonly id: ItemId;
  /** The checklist's number (1-8, as in the issue and the report). */
  readonly number: number;
  readonly title: string;
  readonly status: ItemStatus;
  /** One sentence: what was found. */
  readonly summary: string;
  /** What it was found on: one line per workload, policy, finding… (plain text). */
  readonly details: readonly string[];
  readonly link: { readonly title: string; readonly url: string };
  readonly fixes: readonly FixAction[];
  /** In CI: an item read from the cluster or the server rather than from the repository. */
  readonly source: 'cluster' | 'server' | 'workspace';
}

export interface GoLiveReport {
  readonly context: string;
  readonly namespace: string;
  readonly cluster: string;
  readonly items: readonly CheckItem[];
  readonly checkedAt: string;
  readonly durationMs: number;
}

export const ITEM_TITLES: Readonly<Record<ItemId, { readonly number: number; readonly title: string }>> = {
  appConfigMap: { number: 1, title: 'App ConfigMap' },
  accessLabel: { number: 2, title: 'Access label' },
  networkPath: { number: 3, title: 'Network path' },
  gatekeeper: { number: 4, title: 'Gatekeeper' },
  availability: { number: 5, title: 'Availability' },
  code: { number: 6, title: 'The code' },
  server: { number: 7, title: 'The server' },
  onePurpose: { number: 8, title: 'One purpose per cluster' },
};

export const GoLiveLinks = {
  guide: 'https://elastisys.io/welkin/user-guide/additional-services/valkey/',
  goLive: 'https://elastisys.io/welkin/user-guide/go-live/',
  networkPolicies: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
  safeguards: 'https://elastisys.io/welkin/user-guide/safeguards/',
  disruptions: 'https://kubernetes.io/docs/concepts/workloads/pods/disruptions/',
  clientTimeout: 'https://valkey.io/topics/clients/',
  eviction: 'https://valkey.io/topics/lru-cache/',
} as const;

export const FixCommands = {
  generateAppConfigMap: { title: 'Generate Application ConfigMap…', command: 'valkeyWelkin.wiring.generateAppConfigMap' },
  grantAccess: { title: 'Grant Workload Access…', command: 'valkeyWelkin.wiring.grantAccess' },
  generateNetworkPolicy: { title: 'Generate Egress NetworkPolicy…', command: 'valkeyWelkin.wiring.generateNetworkPolicy' },
  scanWorkspace: { title: 'Scan Workspace for KEYS and Keys without TTL', command: 'valkeyWelkin.lint.scanWorkspace' },
  copySnippet: { title: 'Copy Client Snippet…', command: 'valkeyWelkin.wiring.copySnippet' },
} as const satisfies Record<string, FixAction>;

export function item(id: ItemId, fields: Omit<CheckItem, 'id' | 'number' | 'title'>): CheckItem {
  return { id, ...ITEM_TITLES[id], ...fields };
}

/** An item that could not be checked, and why; it never counts as a pass. */
export function unchecked(id: ItemId, why: string, source: CheckItem['source'], link: CheckItem['link']): CheckItem {
  return item(id, { status: 'unchecked', summary: `Cannot be checked: ${why}`, details: [], link, fixes: [], source });
}

const ORDER: Readonly<Record<ItemStatus, number>> = { pass: 0, unchecked: 1, warn: 2, fail: 3 };

/** The worst status of a report: fail > warn > unchecked > pass. */
export function worstStatus(items: readonly CheckItem[]): ItemStatus {
  return items.reduce<ItemStatus>((worst, i) => (ORDER[i.status] > ORDER[worst] ? i.status : worst), 'pass');
}

/** "Go-live: 5 of 8 pass" — items that could not be checked count against it. */
export function passSummary(items: readonly CheckItem[]): string {
  return `Go-live: ${items.filter((i) => i.status === 'pass').length} of ${items.length} pass`;
}

export function countByStatus(items: readonly CheckItem[]): Record<ItemStatus, number> {
  const counts: Record<ItemStatus, number> = { pass: 0, warn: 0, fail: 0, unchecked: 0 };
  for (const i of items) counts[i.status]++;
  return counts;
}
