import * as vscode from 'vscode';
import { loadKube } from '../app/lazy';
import type { AppServices } from '../app/services';
import { appConfigMapName } from '../welkin/flavour';
import { isDns1123Label } from '../welkin/k8sNames';
import type { WorkloadAccess } from '../welkin/workloads';
import type { ClusterNode, ExplorerNode } from '../views/explorer/nodes';
import { reviewAndApply } from './applyFlow';
import { offerGeneratedManifest } from './generatedActions';
import { clusterFrom } from './pickCluster';
import { addLabelInWorkspace } from './workspaceManifests';

/** "Generate Application ConfigMap": the Sentinel host and port for the app's namespace. */
export async function generateAppConfigMap(services: AppServices, arg: unknown): Promise<void> {
  const node = await clusterFrom(services, arg);
  if (!node) return;
  const namespace = await targetNamespace(node, 'the application ConfigMap');
  if (!namespace) return;
  const kube = await loadKube();
  const result = kube.generate.appConfigMap({ cluster: node.cluster, namespace });
  if (!result.ok) return problems(result.error);
  await offerGeneratedManifest(services, node, 'ConfigMap', result.value.yaml, `${appConfigMapName(node.cluster.flavour)}.yaml`, namespace);
}

/** "Generate Egress NetworkPolicy": labelled pods may reach the Valkey pods and DNS. */
export async function generateNetworkPolicy(services: AppServices, arg: unknown): Promise<void> {
  const node = await clusterFrom(services, arg);
  if (!node) return;
  const namespace = await targetNamespace(node, 'the egress NetworkPolicy');
  if (!namespace) return;
  const kube = await loadKube();
  const result = kube.generate.egressNetworkPolicy({ cluster: node.cluster, namespace });
  if (!result.ok) return problems(result.error);
  await offerGeneratedManifest(services, node, 'NetworkPolicy', result.value.yaml, `${result.value.object.metadata?.name ?? 'networkpolicy'}.yaml`, namespace);
}

/** "Grant Workload Access…": adds the access label to workloads' pod templates, where the user chooses. */
export async function grantAccess(services: AppServices, arg: unknown): Promise<void> {
  const node = await clusterFrom(services, arg);
  if (!node) return;
  const preselected = (arg as ExplorerNode | undefined)?.kind === 'workload' ? (arg as { workload: WorkloadAccess }).workload : undefined;
  const kube = await loadKube();
  const client = await services.clusters.client(node.context.name);
  const loaded = await kube.loadWorkloadAccess(client, node.namespace.namespace, node.cluster);
  if (!loaded.ok) {
    void vscode.window.showErrorMessage(`Cannot list the workloads of "${node.namespace.namespace}": ${loaded.error.message}`);
    return;
  }
  const workloads = preselected ? [preselected] : await pickWorkloads(node, loaded.value);
  if (!workloads?.length) return;
  const target = await vscode.window.showQuickPick(
    [
      // Short details (a quick pick cuts long ones); the confirmation says the rest.
      { label: '$(cloud-upload) Patch in the cluster', id: 'cluster', detail: 'Dry-run diff first; the pods roll' },
      { label: '$(file-code) Edit the workspace manifests', id: 'workspace', detail: 'In place, comments kept; Ctrl+Z undoes' },
      { label: '$(terminal) Copy the kubectl patch commands', id: 'kubectl', detail: 'For your terminal' },
    ],
    { title: `Give ${workloads.map((w) => w.name).join(', ')} access to ${node.cluster.name}` },
  );
  if (!target) return;
  const patches = [];
  for (const w of workloads) {
    const patch = kube.generate.accessLabelPatch({ flavour: node.cluster.flavour, clusterName: node.cluster.name, kind: w.kind, name: w.name, namespace: node.namespace.namespace, kubectlContext: node.context.name });
    if (!patch.ok) return problems(patch.error);
    patches.push({ workload: w, patch: patch.value });
  }
  if (target.id === 'kubectl') {
    await vscode.env.clipboard.writeText(patches.map((p) => p.patch.kubectlDisplay).join('\n'));
    void vscode.window.showInformationMessage(`Copied ${patches.length} kubectl patch command${patches.length === 1 ? '' : 's'} to the clipboard.`);
    return;
  }
  if (target.id === 'workspace') {
    await addLabelInWorkspace(services, node, workloads, patches[0]!.patch.labelKey);
    return;
  }
  for (const { workload, patch } of patches) {
    const applied = await reviewAndApply(services, {
      contextName: node.context.name,
      namespace: node.namespace.namespace,
      what: `${workload.kind} "${workload.name}"`,
      target: { kind: 'WorkloadPatch', workloadKind: workload.kind, namespace: node.namespace.namespace, name: workload.name, patch: patch.object },
      consequence: `This adds ${patch.labelKey}: allow to the pod template (a strategic merge patch), so Kubernetes replaces the pods of ${workload.kind} "${workload.name}" (a rolling update).`,
    });
    if (!applied) return;
  }
}

/** "Copy Client Snippet": connection code reading the app ConfigMap's variables, through Sentinel. */
export async function copySnippet(services: AppServices, arg: unknown): Promise<void> {
  const node = await clusterFrom(services, arg);
  if (!node) return;
  const kube = await loadKube();
  const snippets = kube.clientSnippets({ flavour: node.cluster.flavour });
  const picked = await vscode.window.showQuickPick(
    snippets.map((s) => ({ label: s.title, description: s.install, snippet: s })),
    { title: 'Client code that connects through Sentinel' },
  );
  if (!picked) return;
  await vscode.env.clipboard.writeText(picked.snippet.code);
  const document = await vscode.workspace.openTextDocument({ language: picked.snippet.language, content: picked.snippet.code });
  await vscode.window.showTextDocument(document, { preview: true });
  void vscode.window.showInformationMessage(`Copied the ${picked.snippet.title} snippet. Install: ${picked.snippet.install}`);
}

async function pickWorkloads(node: ClusterNode, workloads: readonly WorkloadAccess[]): Promise<WorkloadAccess[] | undefined> {
  if (workloads.length === 0) {
    void vscode.window.showInformationMessage(`Namespace "${node.namespace.namespace}" has no workloads yet.`);
    return undefined;
  }
  const items = workloads.map((w) => ({
    label: w.name,
    description: `${w.kind}${w.hasAccess ? ' · has access' : w.wrongValue !== undefined ? ` · label is "${w.wrongValue}", not "allow": no access` : w.usesAppConfigMap ? ' · reads the app ConfigMap, no access' : ''}`,
    // A label with the wrong value shows intent to connect, but the NetworkPolicies deny it.
    picked: !w.hasAccess && (w.usesAppConfigMap || w.wrongValue !== undefined),
    workload: w,
  }));
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: `Workloads in ${node.namespace.namespace} that may reach ${node.cluster.name}` });
  return picked?.map((p) => p.workload).filter((w) => !w.hasAccess);
}

/** The application namespace, defaulting to the one the cluster was announced to. */
function targetNamespace(node: ClusterNode, what: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: `Namespace for ${what}`,
    prompt: `Your application's namespace (the cluster was announced to "${node.namespace.namespace}")`,
    value: node.namespace.namespace,
    validateInput: (value) => (isDns1123Label(value) ? undefined : 'A namespace is a DNS label: lowercase letters, digits and "-", at most 63 characters.'),
  });
}

function problems(list: readonly { field: string; message: string }[]): void {
  void vscode.window.showErrorMessage(`Cannot generate it: ${list.map((p) => `${p.field} ${p.message}`).join('; ')}`);
}
