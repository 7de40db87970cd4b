import * as vscode from 'vscode';
import type { AppServices } from '../../app/services';
import { noticeText } from '../../util/markdown';
import type { KeyBrowserNode, KeyNode } from './nodes';
import type { KeyTargetState } from './keyTargetState';
import { confirm, where, writable } from './writeGuard';

/** The key browser's commands; each takes the tree row it was invoked on. */
const asNode = (arg: unknown): KeyBrowserNode | undefined => {
  const node = arg as KeyBrowserNode | undefined;
  return node && typeof node === 'object' && 'state' in node && ['keys', 'keyGroup', 'key', 'keysMore'].includes(node.kind) ? node : undefined;
};
const asKey = (arg: unknown): KeyNode | undefined => {
  const node = asNode(arg);
  return node?.kind === 'key' ? node : undefined;
};

export async function filterKeys({ keys }: AppServices, arg: unknown): Promise<void> {
  const node = asNode(arg);
  if (!node) return;
  const state = node.state;
  const pattern = await vscode.window.showInputBox({
    title: `Filter the keys of ${state.target.cluster.name}`,
    prompt: 'A SCAN MATCH pattern: * any characters, ? one, [abc] a set, \\ escapes. The whole keyspace is scanned (never KEYS). Empty: all keys.',
    value: state.pattern ?? '',
    placeHolder: 'user:*',
  });
  if (pattern === undefined) return;
  keys.filter(state, pattern);
}

export function loadMoreKeys({ keys }: AppServices, arg: unknown): Promise<void> | undefined {
  const node = asNode(arg);
  return node ? keys.loadMore(node.state) : undefined;
}

export function refreshKeys({ keys }: AppServices, arg: unknown): void {
  const node = asNode(arg);
  if (node) keys.refresh(node.state);
}

export function cancelKeyScan({ keys }: AppServices, arg: unknown): void {
  const node = asNode(arg);
  if (node) keys.cancel(node.state);
}

export async function openKey({ keys }: AppServices, arg: unknown): Promise<void> {
  const node = asKey(arg);
  if (node) await keys.documents.open(node.state, node.entry.id);
}

export async function copyKeyName(_services: AppServices, arg: unknown): Promise<void> {
  const node = asKey(arg);
  if (!node) return;
  const lib = node.state.lib;
  await vscode.env.clipboard.writeText(lib ? lib.displayId(node.entry.id) : node.entry.id);
}

export async function openKeyInConsole(_services: AppServices, arg: unknown): Promise<void> {
  const node = asKey(arg);
  const lib = node?.state.lib;
  if (!node || !lib) return;
  await vscode.commands.executeCommand('valkeyWelkin.console.open', node.state.target, `TYPE ${lib.consoleArg(lib.bytesOf(node.entry.id))}`);
}

export async function deleteKey(services: AppServices, arg: unknown): Promise<void> {
  const node = asKey(arg);
  if (!node || !(await writable(services, node.state))) return;
  const { state } = node;
  const name = state.lib?.displayId(node.entry.id) ?? node.entry.id;
  const ok = await confirm(`Delete the key ${name}?`, `${where(state)}\n\nUNLINK ${name} — this cannot be undone.`, 'Delete');
  if (!ok) return;
  await mutate(services, state, node, 'delete', (lib, session, key) => lib.deleteKey(session, key));
}

export async function setKeyExpiry(services: AppServices, arg: unknown): Promise<void> {
  const node = asKey(arg);
  if (!node || !(await writable(services, node.state))) return;
  const { state } = node;
  const lib = state.lib;
  if (!lib) return;
  const name = lib.displayId(node.entry.id);
  const text = await vscode.window.showInputBox({
    title: `Set the expiry of ${name}`,
    prompt: 'Time to live: seconds, or with a unit (90, 15m, 2h, 7d).',
    validateInput: (v) => (lib.parseSeconds(v) === undefined ? 'A positive whole number of seconds, optionally with s, m, h or d.' : undefined),
  });
  const seconds = text === undefined ? undefined : lib.parseSeconds(text);
  if (seconds === undefined) return;
  const ok = await confirm(`Expire the key ${name} in ${lib.ttl(seconds * 1000)}?`, `${where(state)}\n\nEXPIRE ${name} ${seconds}`, 'Set Expiry');
  if (!ok) return;
  await mutate(services, state, node, 'set the expiry of', (l, session, key) => l.setExpiry(session, key, seconds));
}

export async function clearKeyExpiry(services: AppServices, arg: unknown): Promise<void> {
  const node = asKey(arg);
  if (!node || !(await writable(services, node.state))) return;
  const { state } = node;
  const name = state.lib?.displayId(node.entry.id) ?? node.entry.id;
  const ok = await confirm(`Remove the expiry of ${name}? It will then live until deleted or evicted.`, `${where(state)}\n\nPERSIST ${name}`, 'Clear Expiry');
  if (!ok) return;
  await mutate(services, state, node, 'clear the expiry of', (lib, session, key) => lib.clearExpiry(session, key));
}

type Lib = NonNullable<KeyTargetState['lib']>;
type Session = NonNullable<KeyTargetState['lease']>['session'];

async function mutate(
  { keys, log }: AppServices,
  state: KeyTargetState,
  node: KeyNode,
  verb: string,
  run: (lib: Lib, session: Session, key: Buffer) => Promise<{ ok: true; value: boolean } | { ok: false; error: { message: string } }>,
): Promise<void> {
  const lib = state.lib;
  const lease = await keys.connections.shared(state.target);
  if (!lib || !lease.ok) {
    void vscode.window.showErrorMessage(noticeText(`Could not ${verb} the key: ${lease.ok ? 'the key browser is not loaded' : lease.error.message}`));
    if (lease.ok) lease.value.release();
    return;
  }
  try {
    const name = lib.displayId(node.entry.id);
    const result = await run(lib, lease.value.session, lib.bytesOf(node.entry.id));
    if (!result.ok) {
      log.warn(`Could not ${verb} ${name} in ${state.target.cluster.name}: ${result.error.message}`);
      void vscode.window.showErrorMessage(noticeText(`Could not ${verb} ${name}: ${result.error.message}`));
      return;
    }
    const deleted = verb === 'delete';
    if (!result.value) void vscode.window.showInformationMessage(noticeText(deleted ? `${name} no longer existed.` : verb === 'clear the expiry of' ? `${name} had no expiry.` : `${name} no longer exists.`));
    keys.keyChanged(state, node.entry.id, deleted || !result.value && verb !== 'clear the expiry of');
  } finally {
    lease.value.release();
  }
}
