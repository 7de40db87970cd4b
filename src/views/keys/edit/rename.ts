import * as vscode from 'vscode';
import type { AppServices } from '../../../app/services';
import { display, displayId } from '../../../valkey/keys/bytes';
import { renameKey } from '../../../valkey/data/index';
import { noticeText } from '../../../util/markdown';
import type { KeyTargetState } from '../keyTargetState';
import { confirm, where, writable } from '../writeGuard';
import { showFailure, withSession } from './session';

/** "Rename Key…": RENAMENX; an existing key is overwritten only after its own confirmation. */
export async function renameKeyFlow(services: AppServices, state: KeyTargetState, id: string): Promise<void> {
  if (!(await writable(services, state))) return;
  const name = displayId(id);
  const key = Buffer.from(id, 'latin1');
  const text = await vscode.window.showInputBox({ title: `Rename ${name}`, prompt: 'The new name (UTF-8 text).', value: Buffer.from(id, 'latin1').toString('utf8'), validateInput: (v) => (v === '' ? 'A name is needed.' : undefined) });
  if (text === undefined) return;
  const to = Buffer.from(text, 'utf8');
  if (to.equals(key)) return;
  if (!(await confirm(`Rename ${name} to ${display(to)}?`, `${where(state)}\n\nRENAMENX ${name} ${display(to)} — refused if ${display(to)} exists.`, 'Rename'))) return;
  await withSession(services, state, async (session) => {
    let r = await renameKey(session, key, to, false);
    if (r.ok && r.value.kind === 'exists') {
      const overwrite = await confirm(`${display(to)} exists. Overwrite it with ${name}?`, `${where(state)}\n\nRENAME ${name} ${display(to)} replaces the value of ${display(to)}; it cannot be undone.`, 'Overwrite');
      if (!overwrite) return;
      r = await renameKey(session, key, to, true);
    }
    if (!r.ok) return showFailure(services, `Could not rename ${name}`, r.error);
    if (r.value.kind === 'gone') {
      void vscode.window.showWarningMessage(noticeText(`${name} no longer exists.`));
    } else if (r.value.kind === 'renamed') {
      void vscode.window.setStatusBarMessage(`Renamed ${name} to ${display(to)}`, 4000);
    }
    services.keys.keyChanged(state, id, true);
  });
}
