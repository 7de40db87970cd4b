import * as vscode from 'vscode';
import type { AppServices } from '../../../app/services';
import type { KeyCommands } from '../../../valkey/keys/types';
import { noticeText } from '../../../util/markdown';
import type { KeyTargetState } from '../keyTargetState';

/** Runs `work` on the cluster's shared session; a failure to connect is shown, not thrown. */
export async function withSession<T>(services: Pick<AppServices, 'connections'>, state: KeyTargetState, work: (session: KeyCommands) => Promise<T>): Promise<T | undefined> {
  const lease = await services.connections.shared(state.target);
  if (!lease.ok) {
    void vscode.window.showErrorMessage(noticeText(`Could not connect to ${state.target.cluster.name}: ${lease.error.message}`));
    return undefined;
  }
  try {
    return await work(lease.value.session);
  } finally {
    lease.value.release();
  }
}

/** Shows a command's failure (an error reply or a lost connection) and logs it. */
export function showFailure(services: Pick<AppServices, 'log'>, what: string, error: { message: string }): void {
  services.log.warn(`${what}: ${error.message}`);
  void vscode.window.showErrorMessage(noticeText(`${what}: ${error.message}`));
}
