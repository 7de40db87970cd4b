import * as path from 'node:path';

/** Where the kubeconfig comes from, so the UI can say it. */
export type KubeconfigSource = 'setting' | 'kubernetesExtension' | 'KUBECONFIG' | 'default';

export interface KubeconfigLocation {
  readonly source: KubeconfigSource;
  /** Files in kubectl's merge order: the first file that names a cluster, user or context wins. */
  readonly files: readonly string[];
}

export interface KubeconfigLookup {
  /** `valkeyWelkin.kubeconfig` from the user's own settings (never the workspace's). */
  readonly settingPath?: string | undefined;
  /** `vs-kubernetes.kubeconfig` of the Kubernetes extension, user settings only. */
  readonly kubernetesExtensionPath?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
  readonly delimiter?: string;
}

/** Resolves the kubeconfig files the way kubectl does, with our explicit settings first. */
export function resolveKubeconfigLocation(lookup: KubeconfigLookup): KubeconfigLocation {
  const expand = (p: string): string => expandHome(p.trim(), lookup.homedir);
  if (lookup.settingPath?.trim()) {
    return { source: 'setting', files: [expand(lookup.settingPath)] };
  }
  if (lookup.kubernetesExtensionPath?.trim()) {
    return { source: 'kubernetesExtension', files: [expand(lookup.kubernetesExtensionPath)] };
  }
  const fromEnv = lookup.env['KUBECONFIG'];
  if (fromEnv && fromEnv.trim()) {
    const files = fromEnv
      .split(lookup.delimiter ?? path.delimiter)
      .map((f) => f.trim())
      .filter((f) => f.length > 0)
      .map(expand);
    if (files.length > 0) return { source: 'KUBECONFIG', files: dedupe(files) };
  }
  return { source: 'default', files: [path.join(lookup.homedir, '.kube', 'config')] };
}

export function expandHome(p: string, homedir: string): string {
  if (p === '~') return homedir;
  if (p.startsWith('~/') || p.startsWith('~\\')) return path.join(homedir, p.slice(2));
  return p;
}

function dedupe(files: string[]): string[] {
  return [...new Set(files)];
}
