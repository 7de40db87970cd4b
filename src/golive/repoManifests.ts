/**
 * A repository's Kubernetes manifests for `valkey-welkin check`: plain YAML files, Kustomize
 * overlays rendered with `kubectl kustomize`, Helm charts rendered with `helm template`, each tool
 * used only when it is installed (and said so when it is not). Tools run with argument arrays,
 * never through a shell.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { SKIPPED_DIRS } from '../lint/project/files';

export interface ManifestObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: { readonly name?: string; readonly namespace?: string; readonly labels?: Record<string, string> };
  readonly [field: string]: unknown;
}

export interface RepoManifests {
  readonly objects: readonly { readonly object: ManifestObject; readonly from: string }[];
  /** What was rendered or skipped, and why (a missing tool, a failed render, an unreadable file). */
  readonly notes: readonly string[];
}

type Runner = (command: string, args: readonly string[]) => Promise<{ ok: true; stdout: string } | { ok: false; missing: boolean; message: string }>;

export const runTool: Runner = (command, args) =>
  new Promise((resolve) => {
    execFile(command, [...args], { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
      if (!error) return resolve({ ok: true, stdout });
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      resolve({ ok: false, missing, message: missing ? `${command} is not installed` : (stderr.trim() || error.message).split('\n').slice(0, 5).join('\n') });
    });
  });

const INSTALL = {
  kubectl: 'install kubectl (https://kubernetes.io/docs/tasks/tools/) to render Kustomize overlays',
  helm: 'install Helm (https://helm.sh/docs/intro/install/) to render charts',
} as const;

function parseDocuments(text: string, from: string, notes: string[]): { object: ManifestObject; from: string }[] {
  const out: { object: ManifestObject; from: string }[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      notes.push(`${from}: not valid YAML (${doc.errors[0]!.message.split('\n')[0]})`);
      continue;
    }
    const value = doc.toJS() as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const object = value as ManifestObject;
      if (object.kind === 'List' && Array.isArray(object.items)) for (const item of object.items as ManifestObject[]) out.push({ object: item, from });
      else if (typeof object.kind === 'string') out.push({ object, from });
    }
  }
  return out;
}

/** The folders a kustomization builds on (`resources`, `bases`, `components` entries that are not files). */
async function kustomizationRefs(dir: string): Promise<string[]> {
  for (const name of ['kustomization.yaml', 'kustomization.yml', 'Kustomization']) {
    const text = await readFile(path.join(dir, name), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const doc = parseAllDocuments(text)[0]?.toJS() as Record<string, unknown> | undefined;
    const refs = ['resources', 'bases', 'components'].flatMap((k) => (Array.isArray(doc?.[k]) ? (doc[k] as unknown[]) : [])).filter((r): r is string => typeof r === 'string');
    return refs.filter((r) => !/\.ya?ml$/.test(r) && !/^[a-z]+:\/\//.test(r));
  }
  return [];
}

/** Walks `root`: a folder with kustomization.yaml is rendered as one overlay, a folder with Chart.yaml as one chart, other YAML files read as they are. */
export async function readRepoManifests(root: string, run: Runner = runTool): Promise<RepoManifests> {
  const objects: { object: ManifestObject; from: string }[] = [];
  const notes: string[] = [];
  const rel = (p: string): string => path.relative(root, p).split(path.sep).join('/') || '.';
  const overlays: string[] = [];
  const charts: string[] = [];
  const plain: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      notes.push(`${rel(dir)}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      return;
    }
    const names = new Set(entries.map((e) => e.name));
    if (names.has('Chart.yaml')) return void charts.push(dir);
    if (['kustomization.yaml', 'kustomization.yml', 'Kustomization'].some((n) => names.has(n))) overlays.push(dir);
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(full);
      } else if (/\.ya?ml$/.test(e.name) && !/^kustomization\.ya?ml$/.test(e.name)) plain.push(full);
    }
  };
  await walk(root);
  // Files an overlay renders are read through the overlay, not again on their own; an overlay used by another is rendered through that one only.
  const overlayUsed = new Set<string>();
  const bases = new Set<string>();
  for (const overlay of overlays) for (const ref of await kustomizationRefs(overlay)) bases.add(path.resolve(overlay, ref));
  const leafOverlays = overlays.filter((o) => !bases.has(path.resolve(o)));
  for (const overlay of leafOverlays) {
    const result = await run('kubectl', ['kustomize', overlay]);
    if (!result.ok) {
      notes.push(`${rel(overlay)}: Kustomize overlay not rendered: ${result.message}${result.missing ? ` (${INSTALL.kubectl})` : ''}`);
      continue;
    }
    overlayUsed.add(overlay);
    objects.push(...parseDocuments(result.stdout, `${rel(overlay)} (kubectl kustomize)`, notes));
    notes.push(`${rel(overlay)}: Kustomize overlay rendered with kubectl kustomize`);
  }
  for (const chart of charts) {
    const result = await run('helm', ['template', path.basename(chart), chart]);
    if (!result.ok) {
      notes.push(`${rel(chart)}: Helm chart not rendered: ${result.message}${result.missing ? ` (${INSTALL.helm})` : ''}`);
      continue;
    }
    objects.push(...parseDocuments(result.stdout, `${rel(chart)} (helm template)`, notes));
    notes.push(`${rel(chart)}: Helm chart rendered with helm template`);
  }
  for (const file of plain) {
    // Files of a rendered overlay and of its bases are part of it (resources and patches).
    if ([...overlayUsed, ...(overlayUsed.size > 0 ? bases : [])].some((o) => !path.relative(o, file).startsWith('..'))) continue;
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) {
      notes.push(`${rel(file)}: cannot be read`);
      continue;
    }
    objects.push(...parseDocuments(text, rel(file), notes));
  }
  return { objects, notes };
}
