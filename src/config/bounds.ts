/**
 * Settings that set how hard the extension works a cluster (SCAN's COUNT, the TTL audit's sample)
 * may be raised by the user only: a workspace (a repository anyone can commit to) can lower them,
 * never raise them above the user's value (or the default). Pure: tested without an editor.
 */
export interface Inspected<T> {
  readonly defaultValue?: T | undefined;
  readonly globalValue?: T | undefined;
  readonly workspaceValue?: T | undefined;
  readonly workspaceFolderValue?: T | undefined;
}

export function workspaceMayOnlyLower(inspected: Inspected<unknown> | undefined, min: number, max: number, fallback: number): number {
  const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : undefined);
  const user = int(inspected?.globalValue) ?? int(inspected?.defaultValue) ?? fallback;
  const workspace = int(inspected?.workspaceFolderValue) ?? int(inspected?.workspaceValue);
  return workspace === undefined ? user : Math.min(workspace, user);
}

/** The extra namespaces that came from workspace settings (shown as such in the tree), not the user's own. */
export function workspaceStrings(inspected: Inspected<unknown> | undefined): string[] {
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((n): n is string => typeof n === 'string' && n.trim() !== '').map((n) => n.trim()) : []);
  const user = new Set(list(inspected?.globalValue));
  return [...new Set([...list(inspected?.workspaceValue), ...list(inspected?.workspaceFolderValue)])].filter((n) => !user.has(n));
}
