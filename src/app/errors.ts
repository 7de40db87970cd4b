import * as vscode from 'vscode';
import { Commands } from '../constants/commands';
import type { Logger } from '../util/logger';
import { noticeText } from '../util/markdown';

/** Logs an unexpected failure with its stack and tells the user, offering the log. */
export async function reportUnexpected(log: Logger, what: string, e: unknown): Promise<void> {
  const error = e instanceof Error ? e : new Error(String(e));
  log.error(`${what}: ${error.stack ?? error.message}`);
  const choice = await vscode.window.showErrorMessage(noticeText(`${what}: ${error.message}`), 'Open Log');
  if (choice === 'Open Log') await vscode.commands.executeCommand(Commands.logShow);
}
