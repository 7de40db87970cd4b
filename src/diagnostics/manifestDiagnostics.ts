import * as vscode from 'vscode';
import { loadManifests, type Manifests } from '../app/lazy';
import type { ClusterService } from '../services/clusterService';
import type { KubeconfigService } from '../services/kubeconfigService';
import type { Logger } from '../util/logger';
import type { ValkeyCluster } from '../welkin/clusterAnnouncement';
import { accessLabelKey, appConfigMapName, flavourTitle } from '../welkin/flavour';

/** Where workspace manifests live: files on disk (local or remote) and unsaved editors. */
const MANIFEST_SCHEMES = new Set(['file', 'untitled', 'vscode-remote']);

const SOURCE = 'valkey-welkin';
const MISSING_LABEL = 'missing-access-label';
const UNKNOWN_CLUSTER = 'unknown-cluster-label';
const WORKLOADS = /^\s*kind:\s*["']?(Deployment|StatefulSet|DaemonSet|Job|CronJob)\b/m;

/**
 * Diagnostics on workspace manifests, once the explorer knows the current context's clusters: a
 * workload that reads the app ConfigMap but lacks the access label (quick fix: add it), and an
 * access label naming a cluster the context does not have.
 */
export class ManifestDiagnostics implements vscode.CodeActionProvider, vscode.Disposable {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];
  private readonly collection = vscode.languages.createDiagnosticCollection(`${SOURCE}-manifests`);
  /** Per document: the diagnostics that have an "Add access label" fix, with what it needs. */
  private readonly fixes = new Map<string, { diagnostic: vscode.Diagnostic; cluster: ValkeyCluster; kind: string; name: string }[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly kubeconfig: KubeconfigService,
    private readonly clusters: ClusterService,
    private readonly log: Logger,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.collection.delete(d.uri);
        this.fixes.delete(d.uri.toString());
      }),
      clusters.onDidDiscover(() => vscode.workspace.textDocuments.forEach((d) => this.schedule(d))),
    );
  }

  private schedule(document: vscode.TextDocument): void {
    // Workspace manifests only: never the read-only side of a dry-run diff or another virtual document.
    if (document.languageId !== 'yaml' || !MANIFEST_SCHEMES.has(document.uri.scheme)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.run(document).catch((e: unknown) => this.log.error(`Manifest check of ${document.uri.fsPath} failed: ${String(e)}`));
      }, 300),
    );
  }

  private async currentClusters(): Promise<{ context: string; clusters: ValkeyCluster[] } | undefined> {
    const snapshot = await this.kubeconfig.get();
    const context = snapshot.ok ? snapshot.value.contexts.find((c) => c.isCurrent) : undefined;
    const clusters = context ? await this.clusters.knownClusters(context.name) : undefined;
    return context && clusters ? { context: context.name, clusters } : undefined;
  }

  private async run(document: vscode.TextDocument): Promise<void> {
    const text = document.getText();
    const known = WORKLOADS.test(text) ? await this.currentClusters() : undefined;
    if (!known || document.isClosed) {
      this.collection.delete(document.uri);
      this.fixes.delete(document.uri.toString());
      return;
    }
    const fixes: { diagnostic: vscode.Diagnostic; cluster: ValkeyCluster; kind: string; name: string }[] = [];
    const manifests = await loadManifests();
    const parsed = manifests.parseManifests(text);
    const range = (r: readonly [number, number]): vscode.Range => {
      const start = manifests.position(parsed.lines, r[0]);
      const end = manifests.position(parsed.lines, r[1]);
      return new vscode.Range(start.line, start.character, end.line, end.character);
    };
    const diagnostics: vscode.Diagnostic[] = [];
    for (const cluster of known.clusters) {
      const key = accessLabelKey(cluster.flavour, cluster.name);
      for (const user of manifests.unlabelledConfigMapUsers(parsed, appConfigMapName(cluster.flavour), key)) {
        if (user.workload.namespace !== undefined && user.workload.namespace !== cluster.source.namespace) continue;
        const d = new vscode.Diagnostic(
          range(user.workload.nameRange),
          `${user.workload.kind} "${user.workload.name}" reads ${appConfigMapName(cluster.flavour)} but its pod template lacks ${key}: allow${user.wrongValue !== undefined ? ` (it is "${user.wrongValue}")` : ''}, so the NetworkPolicies block it from ${flavourTitle(cluster.flavour)} cluster "${cluster.name}".`,
          vscode.DiagnosticSeverity.Warning,
        );
        d.source = SOURCE;
        d.code = MISSING_LABEL;
        fixes.push({ diagnostic: d, cluster, kind: user.workload.kind, name: user.workload.name });
        diagnostics.push(d);
      }
    }
    for (const use of manifests.accessLabelUses(parsed)) {
      if (known.clusters.some((c) => c.flavour === use.flavour && c.name === use.clusterName)) continue;
      const names = known.clusters.map((c) => c.name).join(', ') || 'none';
      const d = new vscode.Diagnostic(
        range(use.workload.nameRange),
        `${use.workload.kind} "${use.workload.name}" carries ${use.key}, but context "${known.context}" has no ${flavourTitle(use.flavour)} cluster "${use.clusterName}" (it has: ${names}).`,
        vscode.DiagnosticSeverity.Warning,
      );
      d.source = SOURCE;
      d.code = UNKNOWN_CLUSTER;
      diagnostics.push(d);
    }
    this.collection.set(document.uri, diagnostics);
    this.fixes.set(document.uri.toString(), fixes);
  }

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    let manifests: Manifests | undefined;
    for (const diagnostic of context.diagnostics) {
      const fix = diagnostic.code === MISSING_LABEL ? this.fixes.get(document.uri.toString())?.find((f) => f.diagnostic.range.isEqual(diagnostic.range) && f.diagnostic.message === diagnostic.message) : undefined;
      if (!fix) continue;
      manifests ??= await loadManifests();
      const parsed = manifests.parseManifests(document.getText());
      const workload = manifests.findWorkload(parsed, fix.kind as never, fix.name);
      if (!workload) continue;
      const key = accessLabelKey(fix.cluster.flavour, fix.cluster.name);
      const edits = manifests.accessLabelEdits(parsed, workload, key, 'allow');
      if (!edits.ok) continue;
      const action = new vscode.CodeAction(`Add access label ${key}: allow`, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      for (const e of edits.value) action.edit.replace(document.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
    this.fixes.clear();
  }
}
