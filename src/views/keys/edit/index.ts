/**
 * The key-edit bundle (dist/key-edit.js), required on first use: editing values, rename, bulk
 * delete and expire with the undo bundle, restoring from it, and the type filter and flat list.
 */
import * as vscode from 'vscode';
import type { AppServices } from '../../../app/services';
import type { KeyBrowserNode, KeyNode } from '../nodes';
import { deleteMatching, expireMatching, restoreUndoBundle } from './bulkFlows';
import { editCollection } from './collectionEditor';
import { renameKeyFlow } from './rename';
import { EDIT_SCHEME, StringEditor } from './stringEditor';

let editor: StringEditor | undefined;

/** The string editor's file system, registered on first use and disposed with the key browser. */
function stringEditor(services: AppServices): StringEditor {
  if (editor) return editor;
  const created = new StringEditor(services);
  services.keys.adopt(vscode.workspace.registerFileSystemProvider(EDIT_SCHEME, created, { isCaseSensitive: true }));
  services.keys.adopt({ dispose: () => (created.dispose(), (editor = undefined)) });
  return (editor = created);
}

const asNode = (arg: unknown): KeyBrowserNode | undefined => {
  const node = arg as KeyBrowserNode | undefined;
  return node && typeof node === 'object' && 'state' in node && ['keys', 'keyGroup', 'key', 'keysMore'].includes(node.kind) ? node : undefined;
};
const asKey = (arg: unknown): KeyNode | undefined => {
  const node = asNode(arg);
  return node?.kind === 'key' ? node : undefined;
};

/** "Edit Value…": strings in an editor, other types through quick picks. */
export async function editValue(services: AppServices, arg: unknown): Promise<void> {
  const node = asKey(arg);
  if (!node) return;
  const type = node.entry.details?.type;
  if (type === 'string') return stringEditor(services).open(node.state, node.entry.id);
  return editCollection(services, node.state, node.entry.id);
}

export async function renameKey(services: AppServices, arg: unknown): Promise<void> {
  const node = asKey(arg);
  if (node) await renameKeyFlow(services, node.state, node.entry.id);
}

export async function deleteKeysMatching(services: AppServices, arg: unknown): Promise<void> {
  const node = asNode(arg);
  if (node) await deleteMatching(services, node.state);
}

export async function expireKeysMatching(services: AppServices, arg: unknown): Promise<void> {
  const node = asNode(arg);
  if (node) await expireMatching(services, node.state);
}

export async function restoreFromUndoBundle(services: AppServices, arg: unknown): Promise<void> {
  const node = asNode(arg);
  if (node) await restoreUndoBundle(services, node.state);
}

const TYPES = ['string', 'hash', 'list', 'set', 'zset', 'stream'];

/** "Filter Keys by Type…": SCAN … TYPE over the whole keyspace (with the pattern filter, if any). */
export async function filterKeysByType({ keys }: AppServices, arg: unknown): Promise<void> {
  const node = asNode(arg);
  if (!node) return;
  const state = node.state;
  const picked = await vscode.window.showQuickPick(
    [{ label: 'Every type', type: undefined }, ...TYPES.map((t) => ({ label: t, type: t, description: state.typeFilter === t ? 'current' : undefined }))],
    { title: `Show only keys of one type in ${state.target.cluster.name} (SCAN … TYPE)` },
  );
  if (picked) keys.filterType(state, picked.type);
}

/** "Toggle Flat List": full key names in one list, or the prefix tree. */
export function toggleFlatKeys({ keys }: AppServices, arg: unknown): void {
  const node = asNode(arg);
  if (node) keys.toggleFlat(node.state);
}
