import * as vscode from 'vscode';
import { App } from './app/app';
import { DISPLAY_NAME } from './constants/ids';

/** What `activate` returns; tests and the activation benchmark read it. */
export interface ExtensionApi {
  /** Milliseconds `activate()` took, measured inside it. */
  readonly activationMs: number;
}

let app: App | undefined;

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  try {
    app = new App(context);
    context.subscriptions.push(app);
    const activationMs = performance.now() - started;
    app.services.log.info(`Activated in ${activationMs.toFixed(1)} ms`);
    return { activationMs };
  } catch (e) {
    // VS Code would swallow this; say it.
    const message = e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(`${DISPLAY_NAME} failed to start: ${message}`);
    throw e;
  }
}

export function deactivate(): void {
  app?.dispose();
  app = undefined;
}
