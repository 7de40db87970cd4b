import * as os from 'node:os';
import * as path from 'node:path';
import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { AppServices } from '../../../app/services';
import { count, display, size } from '../../../valkey/keys/bytes';
import { parseSeconds } from '../../../valkey/keys/actions';
import type { KeyCommands } from '../../../valkey/keys/types';
import * as data from '../../../valkey/data/index';
import { noticeText } from '../../../util/markdown';
import type { KeyTargetState } from '../keyTargetState';
import { confirm, where, writable } from '../writeGuard';
import { showFailure, withSession } from './session';

const TYPES = ['any type', 'string', 'hash', 'list', 'set', 'zset', 'stream'];

async function askSelection(state: KeyTargetState, verb: string): Promise<data.Selection | undefined> {
  const pattern = await vscode.window.showInputBox({
    title: `${verb} keys of ${state.target.cluster.name} matching…`,
    prompt: 'A SCAN MATCH pattern (* any characters, ? one, [abc] a set, \\ escapes). A dry run counts the keys first; nothing changes before you confirm.',
    value: state.pattern ?? '',
    placeHolder: 'session:*',
    validateInput: (v) => (v.trim() === '' ? 'A pattern is needed (use * deliberately for every key).' : undefined),
  });
  if (!pattern) return undefined;
  const type = await vscode.window.showQuickPick(TYPES, { title: `Only keys of one type? (SCAN … TYPE)` });
  if (!type) return undefined;
  return { pattern: pattern.trim(), type: type === 'any type' ? undefined : type };
}

const describeSelection = (s: data.Selection): string => `matching ${s.pattern}${s.type ? ` of type ${s.type}` : ''}`;

async function runDry(services: AppServices, state: KeyTargetState, session: KeyCommands, selection: data.Selection): Promise<data.DryRun | undefined> {
  const rate = services.config.dataRateLimit();
  const r = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Dry run on ${state.target.cluster.name}: counting keys ${describeSelection(selection)}`, cancellable: true },
    (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return data.dryRun(session, selection, { rate, signal: controller.signal, onProgress: (n) => progress.report({ message: `${count(n)} keys so far (SCAN, never KEYS)` }) });
    },
  );
  if (!r.ok) {
    if (r.error.kind !== 'cancelled') showFailure(services, 'The dry run failed', r.error);
    return undefined;
  }
  if (r.value.keys === 0) {
    void vscode.window.showInformationMessage(noticeText(`No keys ${describeSelection(selection)} on ${state.target.cluster.name}. Nothing to do.`));
    return undefined;
  }
  return r.value;
}

function dryRunText(dry: data.DryRun): string {
  const sample = dry.sample.slice(0, 10).map(display).join(', ');
  return [
    `${count(dry.keys)}${dry.exact ? '' : '+'} keys, ${dry.memory === undefined ? 'memory unknown (MEMORY USAGE refused)' : `${size(dry.memory)} (MEMORY USAGE)`}.`,
    `For example: ${sample}${dry.keys > 10 ? ', …' : ''}`,
    'Keys created after the dry run that match are included; keys changed meanwhile are left alone.',
  ].join('\n');
}

/** "Delete Keys Matching…": dry run, undo bundle, confirmation with the count, batched UNLINK with progress and cancel. */
export async function deleteMatching(services: AppServices, state: KeyTargetState): Promise<void> {
  if (!(await writable(services, state))) return;
  const selection = await askSelection(state, 'Delete');
  if (!selection) return;
  await withSession(services, state, async (session) => {
    const dry = await runDry(services, state, session, selection);
    if (!dry) return;
    const max = services.config.dataUndoBundleMaxBytes();
    const fits = dry.memory === undefined || dry.memory <= max;
    const withBundle = `Delete ${count(dry.keys)} Keys…`;
    const skip = 'Delete without Undo Bundle…';
    const rate = services.config.dataRateLimit();
    const choice = await vscode.window.showWarningMessage(
      `Delete ${count(dry.keys)} keys ${describeSelection(selection)}?`,
      {
        modal: true,
        detail: `${where(state)}\n\n${dryRunText(dry)}\n\n${
          fits
            ? 'First an undo bundle is written: a local file with DUMP and PTTL of every key, so "Restore from Undo Bundle…" can bring them back.'
            : `The undo bundle would be about ${size(dry.memory ?? 0)}, more than its limit of ${size(max)} (valkeyWelkin.data.undoBundleMaxMegabytes): delete fewer keys, raise the limit, or delete without a bundle.`
        }\n\nUNLINK in batches of ${data.DEFAULT_BATCH}, at most ${count(rate)} commands a second (valkeyWelkin.data.rateLimit); you can cancel between batches.`,
      },
      ...(fits ? [withBundle] : []),
      skip,
    );
    if (!choice) return;
    let bundle: data.UndoBundleWriter | undefined;
    if (choice === skip) {
      const typed = await vscode.window.showInputBox({
        title: 'Delete without an undo bundle: they cannot be restored',
        prompt: `Type the number of keys, ${dry.keys}, to delete them without a way back.`,
        validateInput: (v) => (v.trim() === String(dry.keys) ? undefined : `Type ${dry.keys} to confirm.`),
      });
      if (typed?.trim() !== String(dry.keys)) return;
    } else {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const uri = await vscode.window.showSaveDialog({
        title: 'Where to write the undo bundle (it holds the data itself: keep it private)',
        defaultUri: vscode.Uri.file(path.join(os.homedir(), `${state.target.cluster.name}-${stamp}.vwundo`)),
        filters: { 'Undo bundle': ['vwundo'] },
      });
      if (!uri) return;
      try {
        bundle = await data.UndoBundleWriter.create(uri.fsPath, {
          format: 'valkey-welkin-undo',
          version: 1,
          source: { context: state.target.context, namespace: state.target.namespace, cluster: state.target.cluster.name },
          pattern: selection.pattern,
          type: selection.type,
          created: new Date().toISOString(),
        });
      } catch (e) {
        void vscode.window.showErrorMessage(noticeText(`Could not create the undo bundle ${uri.fsPath}: ${e instanceof Error ? e.message : String(e)} (an existing file is never replaced).`));
        return;
      }
    }
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Deleting keys ${describeSelection(selection)} on ${state.target.cluster.name}`, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        let last = 0;
        try {
          return await data.bulkDelete(session, selection, {
            rate,
            bundle,
            maxBundleBytes: max,
            signal: controller.signal,
            onProgress: (p) => {
              const pct = Math.min(100, (p.done / dry.keys) * 100);
              progress.report({ increment: pct - last, message: `${count(p.done)} of ${count(dry.keys)} deleted${bundle ? `, bundle ${size(p.bundleBytes)}` : ''}` });
              last = pct;
            },
          });
        } finally {
          await bundle?.close();
        }
      },
    );
    services.keys.refresh(state);
    const saved = bundle ? ` Undo bundle: ${bundle.path} (${count(bundle.keys)} keys, ${size(bundle.bytes)}).` : '';
    if (!result.ok) {
      const progressed = 'progress' in result.error ? ` ${count(result.error.progress.done)} keys were deleted before it stopped.` : '';
      services.log.warn(`Bulk delete on ${state.target.cluster.name} stopped: ${result.error.message}`);
      void vscode.window.showErrorMessage(noticeText(`The delete stopped: ${result.error.message}${progressed}${saved}`));
      return;
    }
    const r = result.value;
    services.log.info(`Bulk delete ${describeSelection(selection)} on ${state.target.cluster.name}: ${r.done} deleted, ${r.skipped} skipped, ${r.commands} commands${r.cancelled ? ', cancelled' : ''}.${saved}`);
    void vscode.window.showInformationMessage(
      noticeText(`${r.cancelled ? 'Cancelled: ' : ''}${count(r.done)} keys deleted${r.skipped ? `, ${count(r.skipped)} left alone (changed or gone meanwhile)` : ''}.${saved}`),
    );
  });
}

/** "Set Expiry on Keys Matching…": dry run, confirmation with the count, batched EXPIRE. */
export async function expireMatching(services: AppServices, state: KeyTargetState): Promise<void> {
  if (!(await writable(services, state))) return;
  const selection = await askSelection(state, 'Set the expiry of');
  if (!selection) return;
  const text = await vscode.window.showInputBox({
    title: `Expire keys ${describeSelection(selection)} in…`,
    prompt: 'Time to live: seconds, or with a unit (90, 15m, 2h, 7d). Keys that already expire get this expiry instead.',
    validateInput: (v) => (parseSeconds(v) === undefined ? 'A positive whole number of seconds, optionally with s, m, h or d.' : undefined),
  });
  const seconds = text === undefined ? undefined : parseSeconds(text);
  if (seconds === undefined) return;
  await withSession(services, state, async (session) => {
    const dry = await runDry(services, state, session, selection);
    if (!dry) return;
    const rate = services.config.dataRateLimit();
    const action = `Expire ${count(dry.keys)} Keys`;
    const ok = await confirm(
      `Set an expiry of ${text} on ${count(dry.keys)} keys ${describeSelection(selection)}?`,
      `${where(state)}\n\n${dryRunText(dry)}\n\nEXPIRE key ${seconds} in batches of ${data.DEFAULT_BATCH}, at most ${count(rate)} commands a second; you can cancel between batches. When they expire they are gone: there is no undo bundle for this.`,
      action,
    );
    if (!ok) return;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Setting expiries on ${state.target.cluster.name}`, cancellable: true },
      (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        let last = 0;
        return data.bulkExpire(session, selection, seconds, {
          rate,
          signal: controller.signal,
          onProgress: (p) => {
            const pct = Math.min(100, (p.done / dry.keys) * 100);
            progress.report({ increment: pct - last, message: `${count(p.done)} of ${count(dry.keys)}` });
            last = pct;
          },
        });
      },
    );
    services.keys.refresh(state);
    if (!result.ok) return showFailure(services, 'Setting the expiries stopped', result.error);
    const r = result.value;
    void vscode.window.showInformationMessage(noticeText(`${r.cancelled ? 'Cancelled: ' : ''}${count(r.done)} keys now expire in ${text}${r.skipped ? `; ${count(r.skipped)} were gone` : ''}.`));
  });
}

/** "Restore from Undo Bundle…": RESTORE … ABSTTL of every key in the file; keys that exist are reported, never overwritten. */
export async function restoreUndoBundle(services: AppServices, state: KeyTargetState): Promise<void> {
  const picked = await vscode.window.showOpenDialog({ title: `Restore keys into ${state.target.cluster.name} from an undo bundle`, canSelectMany: false, filters: { 'Undo bundle': ['vwundo'], 'All files': ['*'] } });
  const file = picked?.[0]?.fsPath;
  if (!file) return;
  let header: data.UndoHeader | undefined;
  try {
    for await (const item of data.readUndoBundle(file)) {
      if (data.isHeader(item)) header = item;
      break;
    }
  } catch (e) {
    void vscode.window.showErrorMessage(noticeText(`Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`));
    return;
  }
  if (!header) return;
  if (!(await writable(services, state))) return;
  const src = header.source;
  const same = src.context === state.target.context && src.namespace === state.target.namespace && src.cluster === state.target.cluster.name;
  const fileSize = (await stat(file)).size;
  const ok = await confirm(
    `Restore the keys of ${path.basename(file)} into ${state.target.cluster.name}?`,
    `${where(state)}\n\nThe bundle (${size(fileSize)}) holds keys matching ${header.pattern}${header.type ? ` of type ${header.type}` : ''}, deleted ${header.created} from cluster ${src.cluster} (namespace ${src.namespace}, context ${src.context})${same ? '' : ' — another cluster than this one'}.\n\nRESTORE … ABSTTL for each: keys keep their original expiry (those past it are not restored); a key that exists now is left as it is and reported.`,
    'Restore',
  );
  if (!ok) return;
  const rate = services.config.dataRateLimit();
  await withSession(services, state, async (session) => {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Restoring into ${state.target.cluster.name}`, cancellable: true },
      (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        return data.restoreBundle(session, file, { rate, signal: controller.signal, onProgress: (p) => progress.report({ message: `${count(p.restored)} restored, ${count(p.existed)} existed` }) }).catch((e: unknown) => ({
          ok: false as const,
          error: { kind: 'protocol' as const, message: e instanceof Error ? e.message : String(e) },
        }));
      },
    );
    services.keys.refresh(state);
    if (!result.ok) return showFailure(services, 'The restore stopped', result.error);
    const r = result.value;
    const existing = r.existing.slice(0, 5).map(display).join(', ');
    if (r.existed > 0) services.log.info(`Restore into ${state.target.cluster.name}: keys that existed and were left alone: ${r.existing.map(display).join(', ')}${r.existed > r.existing.length ? ', …' : ''}`);
    const message = `${r.cancelled ? 'Cancelled: ' : ''}${count(r.restored)} keys restored${r.expired ? `, ${count(r.expired)} not restored (their expiry has passed)` : ''}${r.existed ? `; ${count(r.existed)} exist already and were left as they are: ${existing}${r.existed > 5 ? ', …' : ''}` : ''}.`;
    const choice = await (r.existed ? vscode.window.showWarningMessage(noticeText(message), 'Show All in Log') : vscode.window.showInformationMessage(noticeText(message)));
    if (choice) services.log.show(true);
  });
}
