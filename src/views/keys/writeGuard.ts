import * as vscode from 'vscode';
import type { AppServices } from '../../app/services';
import { describeTarget } from '../../connections/target';
import type { KeyTargetState } from './keyTargetState';

/** For confirmations: the cluster, its Sentinel, namespace and context. */
export const where = (state: KeyTargetState): string => `Cluster ${describeTarget(state.target)}.`;

/**
 * Key actions run only when the cluster is not read-only (a context matching
 * `valkeyWelkin.console.readOnlyContexts`, or read-only chosen in a console). The refusal offers to
 * allow writes for this cluster, deliberately, before the action's own confirmation.
 */
export async function writable({ connections }: Pick<AppServices, 'connections'>, state: KeyTargetState): Promise<boolean> {
  if (!connections.isReadOnly(state.target)) return true;
  const allow = 'Allow Writes…';
  const answer = await vscode.window.showWarningMessage(
    `${state.target.cluster.name} is read-only: keys cannot be deleted or changed.`,
    {
      modal: true,
      detail: `Cluster ${describeTarget(state.target)} is read-only because its context matches valkeyWelkin.console.readOnlyContexts, or read-only was chosen in a console. Allowing writes lasts until the window closes or read-only is chosen again.`,
    },
    allow,
  );
  if (answer !== allow) return false;
  connections.setReadOnly(state.target, false);
  return true;
}

/** A modal confirmation; true only when the user chose `action`. */
export async function confirm(message: string, detail: string, action: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
}
