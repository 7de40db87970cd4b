import * as vscode from 'vscode';
import type { ContextKeyValues } from '../constants/contextKeys';

/** A typed `setContext` that skips values that did not change. */
export class ContextKeySetter {
  private readonly current = new Map<string, unknown>();

  async set<K extends keyof ContextKeyValues>(key: K, value: ContextKeyValues[K]): Promise<void> {
    if (this.current.get(key) === value) return;
    this.current.set(key, value);
    await vscode.commands.executeCommand('setContext', key, value);
  }
}
