import { isUtf8 } from 'node:buffer';
import * as vscode from 'vscode';
import type { AppServices } from '../../../app/services';
import { count, display, displayId } from '../../../valkey/keys/bytes';
import { readValue, type KeyValue } from '../../../valkey/keys/value';
import type { KeyCommands, KeysResult } from '../../../valkey/keys/types';
import * as data from '../../../valkey/data/index';
import { noticeText } from '../../../util/markdown';
import type { KeyTargetState } from '../keyTargetState';
import { confirm, where, writable } from '../writeGuard';
import { showFailure, withSession } from './session';

type Edit = (session: KeyCommands, opened: Buffer | undefined) => Promise<KeysResult<data.EditOutcome>>;

interface Step {
  /** What the confirmation and the messages call it: `field email of user:1`. */
  readonly what: string;
  /** The command as the user would read it: `HSET user:1 email <new value>`. */
  readonly command: string;
  readonly opened: Buffer | undefined;
  readonly run: Edit;
  readonly action: string;
}

interface Pick<T> extends vscode.QuickPickItem {
  readonly value: T;
}

/**
 * Edits of hashes, lists, sets, sorted sets and streams, chosen from quick picks over what the
 * value view shows (at most 1,000 elements, 1 MiB). Each write is confirmed, naming the cluster, and
 * applies only if the element is still what was read; a conflict shows the element as it is now.
 */
export async function editCollection(services: AppServices, state: KeyTargetState, id: string): Promise<void> {
  const key = Buffer.from(id, 'latin1');
  const name = displayId(id);
  const read = await withSession(services, state, (s) => readValue(s, key));
  if (!read) return;
  if (!read.ok) return showFailure(services, `Could not read ${name}`, read.error);
  const value = read.value;
  const step = await chooseStep(value, name, key);
  if (!step) return;
  if (!(await writable(services, state))) return;
  if (!(await confirm(`${step.action} ${step.what}?`, `${where(state)}\n\n${step.command}${step.opened ? ' — only if it is still what you opened.' : ''}`, step.action))) return;
  await apply(services, state, id, step, step.opened);
}

async function apply(services: AppServices, state: KeyTargetState, id: string, step: Step, opened: Buffer | undefined): Promise<void> {
  const result = await withSession(services, state, (s) => step.run(s, opened));
  if (!result) return;
  if (!result.ok) return showFailure(services, `Could not change ${step.what}`, result.error);
  const outcome = result.value;
  if (outcome.kind === 'applied') {
    services.keys.keyChanged(state, id, false);
    services.keys.documents.reload(state, id);
    void vscode.window.setStatusBarMessage(`${step.action}: ${step.what} on ${state.target.cluster.name}`, 4000);
    return;
  }
  if (outcome.kind === 'typeChanged') {
    void vscode.window.showWarningMessage(noticeText(`Nothing was written: the key ${outcome.now === 'none' ? 'was deleted or has expired' : `now holds a ${outcome.now}`}.`));
    return;
  }
  const now = outcome.now;
  const nowText = now === undefined ? 'gone' : `now ${display(now)}${outcome.nowOmitted ? ' …' : ''}`;
  const wasText = opened === undefined ? 'it did not exist when you opened the key' : `you opened ${display(opened)}`;
  const reapply = 'Reapply My Edit';
  const canReapply = now !== undefined && !outcome.nowOmitted && opened !== undefined;
  const choice = await vscode.window.showWarningMessage(
    noticeText(`${step.what} was changed by someone else: ${nowText} (${wasText}). Nothing was written.`),
    { modal: true, detail: `${where(state)}\n\n${canReapply ? 'Reapply My Edit writes your change over theirs; Cancel discards your edit.' : 'Open the key again to see it as it is now.'}` },
    ...(canReapply ? [reapply] : []),
  );
  services.keys.documents.reload(state, id);
  if (choice === reapply && now) await apply(services, state, id, step, now);
}

/** The element as text to edit: undefined when it is cut or not UTF-8 (an input box would change its bytes). */
function editable(value: KeyValue, bytes: Buffer): string | undefined {
  if (value.cut?.has(bytes) || !isUtf8(bytes)) return undefined;
  return bytes.toString('utf8');
}

async function inputText(title: string, prompt: string, initial = ''): Promise<Buffer | undefined> {
  const text = await vscode.window.showInputBox({ title, prompt, value: initial, ignoreFocusOut: true });
  return text === undefined ? undefined : Buffer.from(text, 'utf8');
}

async function pick<T>(items: Pick<T>[], title: string): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { title, matchOnDescription: true, matchOnDetail: true }))?.value;
}

function refuse(value: KeyValue, bytes: Buffer, what: string): boolean {
  if (editable(value, bytes) !== undefined) return false;
  void vscode.window.showWarningMessage(noticeText(`${what} ${value.cut?.has(bytes) ? 'was cut when read (it is large)' : 'holds bytes that are not UTF-8 text'}: edit it in the console.`));
  return true;
}

const partial = (value: KeyValue): string => (value.shown < value.length ? ` (showing ${count(value.shown)} of ${count(value.length)})` : '');

async function chooseStep(value: KeyValue, name: string, key: Buffer): Promise<Step | undefined> {
  const body = value.body;
  switch (body.type) {
    case 'hash': {
      const field = await pick<Buffer | 'add'>(
        [{ label: '$(add) Add Field…', value: 'add' }, ...body.pairs.map(([f, v]) => ({ label: display(f), description: display(v), value: f }))],
        `Fields of ${name}${partial(value)}`,
      );
      if (!field) return undefined;
      if (field === 'add') {
        const f = await inputText(`Add a field to ${name}`, 'Field name');
        if (!f) return undefined;
        const v = await inputText(`Value of ${display(f)}`, 'Value');
        if (!v) return undefined;
        return { what: `field ${display(f)} of ${name}`, command: `HSET ${name} ${display(f)} <${v.length} bytes>, only if the field does not exist yet`, opened: undefined, action: 'Add Field', run: (s) => data.hashSet(s, key, f, undefined, v) };
      }
      const old = body.pairs.find(([f]) => f === field)![1];
      const act = await pick([{ label: '$(edit) Edit Value…', value: 'edit' as const }, { label: '$(trash) Delete Field…', value: 'delete' as const }], `Field ${display(field)} of ${name}`);
      if (act === 'delete') return { what: `field ${display(field)} of ${name}`, command: `HDEL ${name} ${display(field)}`, opened: old, action: 'Delete Field', run: (s, o) => data.hashDelete(s, key, field, o ?? old) };
      if (act !== 'edit' || refuse(value, old, `The value of ${display(field)}`)) return undefined;
      const v = await inputText(`Value of ${display(field)} in ${name}`, 'New value', editable(value, old));
      if (!v) return undefined;
      return { what: `field ${display(field)} of ${name}`, command: `HSET ${name} ${display(field)} <${v.length} bytes>`, opened: old, action: 'Save Field', run: (s, o) => data.hashSet(s, key, field, o ?? old, v) };
    }
    case 'list': {
      const target = await pick<number | 'left' | 'right'>(
        [{ label: '$(arrow-up) Push to the Head…', description: 'LPUSH', value: 'left' }, { label: '$(arrow-down) Push to the Tail…', description: 'RPUSH', value: 'right' }, ...body.items.map((v, i) => ({ label: `[${i}] ${display(v)}`, value: i }))],
        `Elements of ${name}${partial(value)}`,
      );
      if (target === undefined) return undefined;
      if (target === 'left' || target === 'right') {
        const v = await inputText(`Push to the ${target === 'left' ? 'head' : 'tail'} of ${name}`, 'Element');
        if (!v) return undefined;
        const cmd = target === 'left' ? 'LPUSH' : 'RPUSH';
        return { what: `a new element of ${name}`, command: `${cmd} ${name} <${v.length} bytes>`, opened: undefined, action: 'Push', run: (s) => data.listPush(s, key, target, [v]) };
      }
      const old = body.items[target]!;
      const act = await pick([{ label: '$(edit) Set Element…', value: 'edit' as const }, { label: '$(trash) Remove Element…', value: 'delete' as const }], `Element [${target}] of ${name}`);
      if (act === 'delete') return { what: `element [${target}] of ${name}`, command: `remove exactly the element at index ${target} (LSET to a marker, LREM 1 marker)`, opened: old, action: 'Remove Element', run: (s, o) => data.listRemove(s, key, target, o ?? old) };
      if (act !== 'edit' || refuse(value, old, `Element [${target}]`)) return undefined;
      const v = await inputText(`Element [${target}] of ${name}`, 'New value', editable(value, old));
      if (!v) return undefined;
      return { what: `element [${target}] of ${name}`, command: `LSET ${name} ${target} <${v.length} bytes>`, opened: old, action: 'Set Element', run: (s, o) => data.listSet(s, key, target, o ?? old, v) };
    }
    case 'set': {
      const member = await pick<Buffer | 'add'>([{ label: '$(add) Add Member…', value: 'add' }, ...body.items.map((m) => ({ label: display(m), value: m }))], `Members of ${name}${partial(value)}`);
      if (!member) return undefined;
      if (member === 'add') {
        const m = await inputText(`Add a member to ${name}`, 'Member');
        if (!m) return undefined;
        return { what: `member ${display(m)} of ${name}`, command: `SADD ${name} ${display(m)}`, opened: undefined, action: 'Add Member', run: (s) => data.setAdd(s, key, m) };
      }
      const act = await pick([{ label: '$(edit) Replace Member…', value: 'edit' as const }, { label: '$(trash) Remove Member…', value: 'delete' as const }], `Member ${display(member)} of ${name}`);
      if (act === 'delete') return { what: `member ${display(member)} of ${name}`, command: `SREM ${name} ${display(member)}`, opened: member, action: 'Remove Member', run: (s) => data.setRemove(s, key, member) };
      if (act !== 'edit' || refuse(value, member, 'The member')) return undefined;
      const m = await inputText(`Replace ${display(member)} in ${name}`, 'New member', editable(value, member));
      if (!m) return undefined;
      return { what: `member ${display(member)} of ${name}`, command: `SREM ${name} ${display(member)} and SADD ${name} ${display(m)}, at once`, opened: member, action: 'Replace Member', run: (s) => data.setReplace(s, key, member, m) };
    }
    case 'zset': {
      const member = await pick<readonly [Buffer, string] | 'add'>(
        [{ label: '$(add) Add Member…', value: 'add' }, ...body.members.map((m) => ({ label: display(m[0]), description: m[1], value: m }))],
        `Members of ${name}${partial(value)}`,
      );
      if (!member) return undefined;
      const askScore = async (initial: string): Promise<string | undefined> => {
        const text = await vscode.window.showInputBox({ title: `Score in ${name}`, prompt: 'A number (1, -2.5, 1e3) or inf / -inf', value: initial, validateInput: (v) => (data.parseScore(v) === undefined ? 'A number, inf or -inf.' : undefined) });
        return text === undefined ? undefined : data.parseScore(text);
      };
      if (member === 'add') {
        const m = await inputText(`Add a member to ${name}`, 'Member');
        if (!m) return undefined;
        const score = await askScore('0');
        if (score === undefined) return undefined;
        return { what: `member ${display(m)} of ${name}`, command: `ZADD ${name} ${score} ${display(m)}, only if it is not a member yet`, opened: undefined, action: 'Add Member', run: (s) => data.zsetSet(s, key, m, undefined, score) };
      }
      const [m, old] = member;
      const act = await pick([{ label: '$(edit) Change Score…', value: 'edit' as const }, { label: '$(trash) Remove Member…', value: 'delete' as const }], `Member ${display(m)} (score ${old}) of ${name}`);
      if (act === 'delete') return { what: `member ${display(m)} of ${name}`, command: `ZREM ${name} ${display(m)}`, opened: Buffer.from(old), action: 'Remove Member', run: (s, o) => data.zsetRemove(s, key, m, (o ?? Buffer.from(old)).toString('latin1')) };
      if (act !== 'edit') return undefined;
      const score = await askScore(old);
      if (score === undefined) return undefined;
      return { what: `the score of ${display(m)} in ${name}`, command: `ZADD ${name} ${score} ${display(m)}`, opened: Buffer.from(old), action: 'Change Score', run: (s, o) => data.zsetSet(s, key, m, (o ?? Buffer.from(old)).toString('latin1'), score) };
    }
    case 'stream': {
      const entry = await pick<{ readonly id: string } | 'add'>(
        [{ label: '$(add) Add Entry…', value: 'add' }, ...body.entries.map((e) => ({ label: e.id, description: e.fields.map(([f, v]) => `${display(f)}=${display(v)}`).join(' '), value: { id: e.id } }))],
        `Entries of ${name}${partial(value)}`,
      );
      if (!entry) return undefined;
      if (entry === 'add') {
        const text = await vscode.window.showInputBox({
          title: `Add an entry to ${name}`,
          prompt: 'Fields as a JSON object of strings: {"kind": "click", "user": "42"}. The server chooses the id.',
          ignoreFocusOut: true,
          validateInput: (v) => (streamFields(v) ? undefined : 'A JSON object whose values are strings, with at least one field.'),
        });
        const fields = text === undefined ? undefined : streamFields(text);
        if (!fields) return undefined;
        return { what: `a new entry of ${name}`, command: `XADD ${name} * ${fields.map(([f]) => `${display(f)} …`).join(' ')}`, opened: undefined, action: 'Add Entry', run: (s) => data.streamAdd(s, key, fields) };
      }
      const { id } = entry;
      return { what: `entry ${id} of ${name}`, command: `XDEL ${name} ${id}`, opened: Buffer.from(id), action: 'Delete Entry', run: (s) => data.streamDelete(s, key, id) };
    }
    default:
      void vscode.window.showInformationMessage(noticeText(`${name} is a ${value.type}: it cannot be edited here.`));
      return undefined;
  }
}

/** `{"kind": "click"}` → [["kind", "click"]]; undefined unless an object of strings with a field. */
export function streamFields(text: string): [Buffer, Buffer][] | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const entries = Object.entries(parsed as Record<string, unknown>);
    if (entries.length === 0 || !entries.every(([, v]) => typeof v === 'string')) return undefined;
    return entries.map(([f, v]) => [Buffer.from(f, 'utf8'), Buffer.from(v as string, 'utf8')]);
  } catch {
    return undefined;
  }
}
