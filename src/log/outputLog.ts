import * as vscode from 'vscode';
import { DISPLAY_NAME } from '../constants/ids';
import type { Logger } from '../util/logger';

/** The extension's single log channel. It never reveals itself; errors offer "Open Log". */
export function createLog(): vscode.LogOutputChannel & Logger {
  return vscode.window.createOutputChannel(DISPLAY_NAME, { log: true });
}
