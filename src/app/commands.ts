import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { Commands, type CommandId } from '../constants/commands';
import { Links } from '../constants/links';
import { SECTION, Settings } from '../constants/settings';
import type { AppServices } from './services';
import { reportUnexpected } from './errors';
import type { ContextNode, MessageNode } from '../views/explorer/nodes';
import { cancelKeyScan, clearKeyExpiry, copyKeyName, deleteKey, filterKeys, loadMoreKeys, openKey, openKeyInConsole, refreshKeys, setKeyExpiry } from '../views/keys/commands';
import { openHealthDashboard, refreshHealth, runHealthTtlAudit } from '../views/health/commands';
import { loadGoLive, loadKeyEdit, loadKube, loadWiring, type KeyEdit } from './lazy';
import { noticeText } from '../util/markdown';

type Handler = (services: AppServices, ...args: unknown[]) => unknown;

/** A command of the lazily loaded key-edit bundle. */
const keyEdit =
  (name: keyof KeyEdit): Handler =>
  async (services, arg) =>
    (await loadKeyEdit())[name](services, arg);

/** Every command the extension registers, in one table. */
const table: Record<CommandId, Handler> = {
  [Commands.explorerRefresh]: ({ explorer }) => explorer.refresh(),
  [Commands.logShow]: ({ log }) => log.show(true),
  [Commands.guideOpen]: () => vscode.env.openExternal(vscode.Uri.parse(Links.welkinValkeyGuide)),
  [Commands.kubeconfigSelect]: selectKubeconfig,
  [Commands.kubeconfigOpen]: openKubeconfig,
  [Commands.contextLogIn]: ({ explorer }, contextName) => (typeof contextName === 'string' ? explorer.logIn(contextName) : explorer.refresh()),
  [Commands.explorerShowDetails]: showDetails,
  [Commands.contextSetCurrent]: setCurrentContext,
  [Commands.lintScanWorkspace]: ({ lintDiagnostics }) => lintDiagnostics.scanWorkspace(),
  [Commands.lintShowRuleDocs]: showRuleDocs,
  [Commands.wiringGenerateAppConfigMap]: async (services, arg) => (await loadWiring()).generateAppConfigMap(services, arg),
  [Commands.wiringGrantAccess]: async (services, arg) => (await loadWiring()).grantAccess(services, arg),
  [Commands.wiringGenerateNetworkPolicy]: async (services, arg) => (await loadWiring()).generateNetworkPolicy(services, arg),
  [Commands.wiringCopySnippet]: async (services, arg) => (await loadWiring()).copySnippet(services, arg),
  [Commands.goLiveCheck]: async (services, arg) => (await loadGoLive()).checkGoLive(services, arg),
  [Commands.consoleOpen]: ({ consoles }, arg, line) => consoles.open(arg, line),
  [Commands.consoleToggleReadOnly]: ({ consoles }) => consoles.toggleReadOnly(),
  [Commands.consoleCopyRedisCliCommand]: ({ consoles }, arg) => consoles.copyRedisCliCommand(arg),
  [Commands.consoleForgetPassword]: ({ consoles }, arg) => consoles.forgetPassword(arg),
  [Commands.consoleCloseForwards]: ({ consoles }) => consoles.closeForwards(),
  [Commands.keysFilter]: filterKeys,
  [Commands.keysLoadMore]: loadMoreKeys,
  [Commands.keysOpen]: openKey,
  [Commands.keysDelete]: deleteKey,
  [Commands.keysSetExpiry]: setKeyExpiry,
  [Commands.keysClearExpiry]: clearKeyExpiry,
  [Commands.keysCopyName]: copyKeyName,
  [Commands.keysOpenInConsole]: openKeyInConsole,
  [Commands.keysRefresh]: refreshKeys,
  [Commands.keysCancelScan]: cancelKeyScan,
  [Commands.keysFilterType]: keyEdit('filterKeysByType'),
  [Commands.keysToggleFlat]: keyEdit('toggleFlatKeys'),
  [Commands.keysEdit]: keyEdit('editValue'),
  [Commands.keysRename]: keyEdit('renameKey'),
  [Commands.keysDeleteMatching]: keyEdit('deleteKeysMatching'),
  [Commands.keysExpireMatching]: keyEdit('expireKeysMatching'),
  [Commands.keysRestoreUndoBundle]: keyEdit('restoreFromUndoBundle'),
  [Commands.healthOpenDashboard]: openHealthDashboard,
  [Commands.healthRunTtlAudit]: runHealthTtlAudit,
  [Commands.healthRefresh]: refreshHealth,
  [Commands.localEndpointConnectLocalApp]: async ({ localEndpoints }, arg) => (await localEndpoints.get()).connect(arg),
  [Commands.localEndpointStop]: async ({ localEndpoints }, arg) => (await localEndpoints.get()).stop(arg),
  [Commands.localEndpointWriteEnvFile]: async ({ localEndpoints }, arg) => (await localEndpoints.get()).writeEnvFile(arg),
  [Commands.localEndpointShowMenu]: async ({ localEndpoints }, key) => (await localEndpoints.get()).showMenu(key),
};

export function registerCommands(services: AppServices): vscode.Disposable[] {
  return Object.entries(table).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(services, ...args);
      } catch (e) {
        await reportUnexpected(services.log, `Command ${id} failed`, e);
        return undefined;
      }
    }),
  );
}

/**
 * Makes a context kubectl's current context. Browsing never does this; only this command, after
 * the user confirms the exact change.
 */
async function setCurrentContext({ kubeconfig }: AppServices, node: unknown): Promise<void> {
  const snapshot = await kubeconfig.get();
  if (!snapshot.ok) return;
  let name = (node as ContextNode | undefined)?.kind === 'context' ? (node as ContextNode).context.name : undefined;
  if (!name) {
    const picked = await vscode.window.showQuickPick(
      snapshot.value.contexts.map((c) => ({ label: c.name, description: c.isCurrent ? 'current' : c.namespace })),
      { title: 'Set the current kubeconfig context' },
    );
    name = picked?.label;
  }
  if (!name || name === snapshot.value.currentContext) return;
  const kube = await loadKube();
  const file = await kube.currentContextFile(snapshot.value.files);
  if (!file) return;
  const choice = await vscode.window.showWarningMessage(
    `Make "${name}" the current context?`,
    { modal: true, detail: `This changes current-context in ${file} from "${snapshot.value.currentContext ?? '(none)'}" to "${name}". kubectl and other tools will use it too.` },
    'Change Current Context',
  );
  if (choice !== 'Change Current Context') return;
  await kube.writeCurrentContext(file, name);
  kubeconfig.invalidate('current context changed');
}

/** An explorer message row's full text, with its fix when it has one. */
async function showDetails({ log }: AppServices, node: unknown): Promise<void> {
  const message = node as MessageNode | undefined;
  if (message?.kind !== 'message') return;
  const choice = await vscode.window.showWarningMessage(noticeText(message.label), { modal: false, detail: message.detail }, ...(message.action ? [message.action.title] : []), 'Open Log');
  if (choice === 'Open Log') log.show(true);
  else if (choice && message.action) await vscode.commands.executeCommand(message.action.command, ...(message.action.args ?? []));
}

/** Opens a lint rule's documentation (shipped in the extension) in the Markdown preview. */
async function showRuleDocs({ lint, extensionUri }: AppServices, rule: unknown): Promise<void> {
  let id = typeof rule === 'string' ? rule : undefined;
  if (!id) {
    const engine = await lint.get();
    const picked = await vscode.window.showQuickPick(
      engine.rules.map((r) => ({ label: r.id, description: r.title })),
      { title: 'Valkey lint rule documentation' },
    );
    id = picked?.label;
  }
  if (!id || !/^[a-z-]+$/.test(id)) return;
  await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${id}.md`));
}

async function selectKubeconfig(): Promise<void> {
  const picked = await vscode.window.showOpenDialog({
    title: 'Select the kubeconfig file from your Welkin administrator',
    canSelectMany: false,
    openLabel: 'Use this kubeconfig',
    filters: { 'Kubeconfig': ['yaml', 'yml', 'conf', 'config', '*'] },
  });
  const file = picked?.[0];
  if (!file) return;
  // User settings only: a workspace must never choose the kubeconfig.
  await vscode.workspace.getConfiguration(SECTION).update(Settings.kubeconfig, file.fsPath, vscode.ConfigurationTarget.Global);
  void vscode.window.showInformationMessage(`Valkey on Welkin now uses ${file.fsPath}.`);
}

async function openKubeconfig({ kubeconfig }: AppServices): Promise<void> {
  const files = kubeconfig.location().files;
  for (const file of files) {
    try {
      await fs.access(file);
      await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: true });
      return;
    } catch {
      // try the next file of the list
    }
  }
  void vscode.window.showWarningMessage(`No kubeconfig file exists yet (looked for ${files.join(', ')}).`);
}
