import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import { err, ok, type Result } from '../util/result';
import type { KubeconfigLocation } from './kubeconfigPaths';

export type AuthKind = 'exec' | 'token' | 'clientCertificate' | 'authProvider' | 'basic' | 'none';

export interface KubeContextInfo {
  readonly name: string;
  readonly cluster: string;
  readonly server: string | undefined;
  readonly user: string;
  readonly namespace: string | undefined;
  readonly isCurrent: boolean;
  readonly auth: AuthKind;
  /** For exec credential plugins: the command the kubeconfig runs (e.g. `kubectl`). */
  readonly execCommand: string | undefined;
}

export interface LoadedKubeconfig {
  readonly location: KubeconfigLocation;
  /** The files that existed and were merged. */
  readonly files: readonly string[];
  readonly currentContext: string | undefined;
  /** Current context first, then by name. */
  readonly contexts: readonly KubeContextInfo[];
  readonly kubeConfig: KubeConfig;
}

export type KubeconfigProblem =
  | { readonly kind: 'missing'; readonly files: readonly string[] }
  | { readonly kind: 'invalid'; readonly file: string; readonly message: string }
  | { readonly kind: 'noContexts'; readonly files: readonly string[] };

export function describeKubeconfigProblem(problem: KubeconfigProblem): string {
  switch (problem.kind) {
    case 'missing':
      return `No kubeconfig found (looked for ${problem.files.join(', ')}).`;
    case 'invalid':
      return `The kubeconfig ${problem.file} cannot be read: ${problem.message}`;
    case 'noContexts':
      return `The kubeconfig (${problem.files.join(', ')}) has no contexts.`;
  }
}

/**
 * Loads and merges kubeconfig files like kubectl: files that do not exist are skipped, the first
 * file that defines a name wins, and the first current-context set wins.
 */
export async function loadKubeconfig(location: KubeconfigLocation): Promise<Result<LoadedKubeconfig, KubeconfigProblem>> {
  const loaded: { file: string; config: KubeConfig }[] = [];
  for (const file of location.files) {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      if (isNotFound(e)) continue;
      return err({ kind: 'invalid', file, message: errorMessage(e) });
    }
    const config = new KubeConfig();
    try {
      config.loadFromString(text);
      config.makePathsAbsolute(path.dirname(file));
    } catch (e) {
      return err({ kind: 'invalid', file, message: errorMessage(e) });
    }
    loaded.push({ file, config });
  }
  if (loaded.length === 0) return err({ kind: 'missing', files: location.files });

  const merged = mergeFirstWins(loaded.map((l) => l.config));
  const files = loaded.map((l) => l.file);
  if (merged.getContexts().length === 0) return err({ kind: 'noContexts', files });
  return ok({
    location,
    files,
    currentContext: merged.getCurrentContext() || undefined,
    contexts: describeContexts(merged),
    kubeConfig: merged,
  });
}

function mergeFirstWins(configs: readonly KubeConfig[]): KubeConfig {
  const clusters = new Map<string, Cluster>();
  const users = new Map<string, User>();
  const contexts = new Map<string, Context>();
  let currentContext = '';
  for (const config of configs) {
    for (const c of config.clusters) if (!clusters.has(c.name)) clusters.set(c.name, c);
    for (const u of config.users) if (!users.has(u.name)) users.set(u.name, u);
    for (const c of config.contexts) if (!contexts.has(c.name)) contexts.set(c.name, c);
    if (!currentContext && config.currentContext) currentContext = config.currentContext;
  }
  const merged = new KubeConfig();
  merged.loadFromOptions({
    clusters: [...clusters.values()],
    users: [...users.values()],
    contexts: [...contexts.values()],
    currentContext,
  });
  return merged;
}

function describeContexts(config: KubeConfig): KubeContextInfo[] {
  const current = config.getCurrentContext();
  const infos = config.getContexts().map((ctx): KubeContextInfo => {
    const user = config.getUser(ctx.user);
    return {
      name: ctx.name,
      cluster: ctx.cluster,
      server: config.getCluster(ctx.cluster)?.server,
      user: ctx.user,
      namespace: ctx.namespace,
      isCurrent: ctx.name === current,
      auth: authKind(user),
      execCommand: execCommand(user),
    };
  });
  return infos.sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent) || a.name.localeCompare(b.name));
}

function execCommand(user: User | null): string | undefined {
  const exec = user?.exec as { command?: unknown } | undefined;
  return typeof exec?.command === 'string' ? exec.command : undefined;
}

function authKind(user: User | null): AuthKind {
  if (!user) return 'none';
  if (user.exec) return 'exec';
  if (user.authProvider) return 'authProvider';
  if (user.token) return 'token';
  if (user.certData || user.certFile) return 'clientCertificate';
  if (user.username) return 'basic';
  return 'none';
}

function isNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'ENOENT';
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
