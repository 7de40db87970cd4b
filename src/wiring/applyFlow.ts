import * as vscode from 'vscode';
import { loadKube } from '../app/lazy';
import type { AppServices } from '../app/services';
import type { Applicable, ApplyError } from '../kube/index';

export interface ApplyRequest {
  readonly contextName: string;
  readonly target: Applicable;
  /** e.g. `ConfigMap "app-valkey-config"` */
  readonly what: string;
  readonly namespace: string;
  /** Said in the confirmation, e.g. that a pod-template change rolls the pods. */
  readonly consequence?: string;
}

/**
 * Every change to a cluster goes through here: a server-side dry run, a diff of the live object
 * against what the server would store, a modal confirmation naming context and namespace, then a
 * write conditional on the object not having changed meanwhile.
 */
export async function reviewAndApply(services: AppServices, request: ApplyRequest): Promise<boolean> {
  const kube = await loadKube();
  const client = await services.clusters.client(request.contextName);
  const preview = await withCancellableProgress(`Dry run of ${request.what} in ${request.namespace}…`, (signal) => kube.previewApply(client, request.target, { signal }));
  if (!preview.ok) return explain(services, request, preview.error, 'nothing was changed');
  const plan = preview.value;
  if (plan.action === 'unchanged') {
    void vscode.window.showInformationMessage(`${request.what} in "${request.namespace}" already has these values; nothing to change.`);
    return true;
  }
  const name = request.what.replace(/[^\w.-]+/g, '-');
  const live = services.previews.add(`${name}.live.yaml`, plan.live ? kube.stringifyYaml(kube.forDisplay(plan.live)) : `# ${request.what} does not exist yet in namespace ${request.namespace}.\n`);
  const after = services.previews.add(`${name}.after.yaml`, kube.stringifyYaml(kube.forDisplay(plan.dryRun)));
  await vscode.commands.executeCommand('vscode.diff', live, after, `${request.what}: live ↔ after ${plan.action} (server dry run)`, { preview: true });

  const verb = plan.action === 'create' ? 'Create' : plan.action === 'update' ? 'Update' : 'Patch';
  const done = plan.action === 'create' ? 'Created' : plan.action === 'update' ? 'Updated' : 'Patched';
  const choice = await vscode.window.showWarningMessage(
    `${verb} ${request.what} in namespace "${request.namespace}" of context "${request.contextName}"?`,
    {
      modal: true,
      detail: [`The diff shows the live object beside what the server would store (checked with a dry run).`, request.consequence].filter(Boolean).join('\n\n'),
    },
    verb,
  );
  if (choice !== verb) return false;
  const committed = await withCancellableProgress(`${verb} ${request.what}…`, (signal) => kube.commitApply(client, plan, { signal }));
  if (!committed.ok) return explain(services, request, committed.error, 'nothing was written');
  services.log.info(`${done} ${request.what} in ${request.namespace} (context ${request.contextName})`);
  void vscode.window.showInformationMessage(`${done} ${request.what} in namespace "${request.namespace}".`);
  await closeDiff(after);
  await services.explorer.refresh();
  return true;
}

/** Closes the dry-run diff whose right side is `after`: it showed what is now in the cluster. */
async function closeDiff(after: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === after.toString());
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}

function explain(services: AppServices, request: ApplyRequest, error: ApplyError, outcome: string): false {
  const detail = error.kind === 'invalid' && error.causes.length > 0 ? `${error.message}\n${error.causes.join('\n')}` : error.message;
  services.log.warn(`${request.what} in ${request.namespace}: ${error.kind}: ${detail}`);
  const title =
    error.kind === 'forbidden'
      ? `Not allowed to ${error.verb} ${error.resource} in "${request.namespace}" — ${outcome}.`
      : error.kind === 'conflict' || error.kind === 'alreadyExists'
        ? `${request.what} changed on the cluster meanwhile — ${outcome}. Review the diff and apply again.`
        : `${request.what}: ${outcome}.`;
  void vscode.window.showErrorMessage(title, { detail, modal: false }, 'Open Log').then((c) => {
    if (c) services.log.show(true);
  });
  return false;
}

function withCancellableProgress<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    return work(controller.signal);
  });
}
