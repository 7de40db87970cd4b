import { isUtf8 } from 'node:buffer';
import * as vscode from 'vscode';
import type { AppServices } from '../../../app/services';
import { displayId, display, size } from '../../../valkey/keys/bytes';
import { bytesToSave, readStringForEdit, saveString, type StringForEdit } from '../../../valkey/data/index';
import { noticeText } from '../../../util/markdown';
import type { KeyTargetState } from '../keyTargetState';
import { confirm, where, writable } from '../writeGuard';
import { showFailure, withSession } from './session';

export const EDIT_SCHEME = 'valkey-edit';

interface OpenEdit {
  readonly state: KeyTargetState;
  readonly id: string;
  /** What the server held when opened (or last saved): saving applies only if it still does. */
  edit: StringForEdit;
  mtime: number;
  /** The server's value after a conflict, for the diff. */
  theirs?: string | undefined;
}

/**
 * String values in a real editor: `valkey-edit:/<cluster>/<key>.json?…`. Saving (Ctrl+S) asks,
 * naming the cluster, then writes with `SET … KEEPTTL` only if the value is still what was opened;
 * otherwise it offers to show the changes, overwrite them, or discard the edit.
 */
export class StringEditor implements vscode.FileSystemProvider {
  private readonly edits = new Map<string, OpenEdit>();
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(private readonly services: AppServices) {}

  /** Reads the whole string and opens it for editing; refuses values that cannot be edited whole. */
  async open(state: KeyTargetState, id: string): Promise<void> {
    const key = Buffer.from(id, 'latin1');
    const name = displayId(id);
    const read = await withSession(this.services, state, (s) => readStringForEdit(s, key));
    if (!read) return;
    if (!read.ok) return showFailure(this.services, `Could not read ${name}`, read.error);
    const r = read.value;
    if (r.kind === 'tooLarge') {
      void vscode.window.showWarningMessage(noticeText(`${name} is ${size(r.length)}: too large to edit whole here (values are never saved from a part). Use the console.`));
      return;
    }
    if (r.kind === 'binary') {
      void vscode.window.showWarningMessage(noticeText(`${name} holds bytes that are not UTF-8 text: an editor would change them. Use the console to change it.`));
      return;
    }
    if (r.kind === 'notString') {
      void vscode.window.showWarningMessage(noticeText(`${name} is no longer a string (it is ${r.type}).`));
      return;
    }
    const uri = this.uriFor(state, id, r.json !== undefined);
    this.edits.set(uri.toString(), { state, id, edit: r, mtime: Date.now() });
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
  }

  uriFor(state: KeyTargetState, id: string, json: boolean, theirs = false): vscode.Uri {
    const name = displayId(id).replace(/[/\\]/g, '_');
    const query = `t=${encodeURIComponent(state.id)}&k=${Buffer.from(id, 'latin1').toString('base64url')}${theirs ? '&theirs=1' : ''}`;
    return vscode.Uri.from({ scheme: EDIT_SCHEME, path: `/${state.target.cluster.name}/${name}${json ? '.json' : '.txt'}`, query });
  }

  private entry(uri: vscode.Uri): OpenEdit {
    const mine = vscode.Uri.from({ ...uri, query: uri.query.replace('&theirs=1', '') });
    const e = this.edits.get(mine.toString());
    if (!e) throw vscode.FileSystemError.FileNotFound(uri);
    return e;
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const e = this.entry(uri);
    const theirs = uri.query.includes('theirs=1');
    return { type: vscode.FileType.File, ctime: e.mtime, mtime: e.mtime, size: Buffer.byteLength(theirs ? (e.theirs ?? '') : e.edit.text), ...(theirs ? { permissions: vscode.FilePermission.Readonly } : {}) };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const e = this.entry(uri);
    return Buffer.from(uri.query.includes('theirs=1') ? (e.theirs ?? '') : e.edit.text, 'utf8');
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const e = this.entry(uri);
    const { state } = e;
    const name = displayId(e.id);
    if (!(await writable(this.services, state))) throw vscode.FileSystemError.NoPermissions(`Not saved: ${state.target.cluster.name} is read-only.`);
    const text = Buffer.from(content).toString('utf8');
    const { bytes, validJson } = bytesToSave(e.edit, text);
    if (validJson === false && !(await confirm(`${name} is no longer valid JSON. Save it anyway?`, `${where(state)}\n\nIt was JSON when you opened it; applications reading it may fail.`, 'Save as Text'))) {
      throw vscode.FileSystemError.Unavailable('Not saved: not valid JSON.');
    }
    const compact = e.edit.json === 'pretty' ? ' (compact, as it was stored)' : '';
    if (!(await confirm(`Save ${name}?`, `${where(state)}\n\nSET ${name} <${size(bytes.length)}${compact}> KEEPTTL — only if the value is still what you opened; the expiry is kept.`, 'Save to Cluster'))) {
      throw vscode.FileSystemError.Unavailable('Not saved: cancelled.');
    }
    await this.save(uri, e, bytes, e.edit.opened);
  }

  private async save(uri: vscode.Uri, e: OpenEdit, bytes: Buffer, expected: Buffer): Promise<void> {
    const name = displayId(e.id);
    const key = Buffer.from(e.id, 'latin1');
    const result = await withSession(this.services, e.state, (s) => saveString(s, key, expected, bytes));
    if (!result) throw vscode.FileSystemError.Unavailable('Not saved: not connected.');
    if (!result.ok) {
      showFailure(this.services, `Could not save ${name}`, result.error);
      throw vscode.FileSystemError.Unavailable(`Not saved: ${result.error.message}`);
    }
    const outcome = result.value;
    if (outcome.kind === 'applied') {
      e.edit = { ...e.edit, opened: bytes };
      e.mtime = Date.now();
      this.services.keys.keyChanged(e.state, e.id, false);
      this.services.keys.documents.reload(e.state, e.id);
      void vscode.window.setStatusBarMessage(`Saved ${name} to ${e.state.target.cluster.name}`, 4000);
      return;
    }
    if (outcome.kind === 'typeChanged') {
      void vscode.window.showWarningMessage(noticeText(`Not saved: ${name} ${outcome.now === 'none' ? 'was deleted or has expired' : `now holds a ${outcome.now}`} since you opened it.`));
      throw vscode.FileSystemError.Unavailable('Not saved: the key changed.');
    }
    // Someone else changed it: show what, and let the user choose.
    const now = outcome.now;
    const whole = now !== undefined && !outcome.nowOmitted;
    // Their value can replace the edit only when it is whole UTF-8 text (the editor would change other bytes).
    const textual = whole && isUtf8(now);
    e.theirs = now === undefined ? '' : textual ? now.toString('utf8') : `${display(now)}${outcome.nowOmitted ? ` … (${size(outcome.nowOmitted)} more)` : ''}`;
    const show = 'Show Changes';
    const overwrite = 'Overwrite with Mine';
    const discard = 'Discard My Edit';
    const choice = await vscode.window.showWarningMessage(
      `${name} was changed by someone else since you opened it. Nothing was saved.`,
      { modal: true, detail: `${where(e.state)}\n\nShow Changes compares what the cluster holds now with your edit. Overwrite with Mine replaces their change; Discard My Edit loads theirs.` },
      show,
      ...(whole ? [overwrite] : []),
      ...(textual ? [discard] : []),
    );
    if (choice === overwrite && now) return this.save(uri, e, bytes, now);
    if (choice === discard && now !== undefined && textual) {
      e.edit = { kind: 'text', opened: now, text: now.toString('utf8'), json: undefined };
      e.mtime = Date.now();
      this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
      setTimeout(() => void vscode.window.showTextDocument(uri).then(() => vscode.commands.executeCommand('workbench.action.files.revert')), 0);
    } else if (choice === show) {
      const theirs = this.uriFor(e.state, e.id, uri.path.endsWith('.json'), true);
      this.changed.fire([{ type: vscode.FileChangeType.Changed, uri: theirs }]);
      void vscode.commands.executeCommand('vscode.diff', theirs, uri, `${name}: on ${e.state.target.cluster.name} now ↔ your edit`);
    }
    throw vscode.FileSystemError.Unavailable('Not saved: changed by someone else since you opened it.');
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
