import * as vscode from 'vscode';
import type { Logger } from '../util/logger';
import type { LintDiagnostics } from './lintDiagnostics';
import type { LintService } from './lintService';

const INCLUDE = '**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx,py,go,java,rb,php,cs}';
/** Dependency, build and vendored folders are never application code. */
const ALWAYS_EXCLUDED = ['node_modules', '.git', 'vendor', 'third_party', 'dist', 'build', 'out', 'target', '.venv', 'venv', '__pycache__', 'bower_components'];
const MAX_FILES = 50_000;

export interface ScanSummary {
  readonly files: number;
  readonly filesWithFindings: number;
  readonly findings: number;
  readonly skipped: number;
  readonly cancelled: boolean;
}

/**
 * "Scan Workspace": lints every source file of the workspace with progress and cancellation,
 * honouring `files.exclude`, the root `.gitignore` folders and the usual vendored folders.
 */
export async function scanWorkspace(service: LintService, diagnostics: LintDiagnostics, log: Logger): Promise<ScanSummary | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Open a folder to scan it for KEYS and keys without a TTL.');
    return undefined;
  }
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Valkey lint: scanning the workspace', cancellable: true },
    async (progress, token) => {
      progress.report({ message: 'finding files…' });
      const files = await vscode.workspace.findFiles(INCLUDE, await excludeGlob(), MAX_FILES, token);
      const { linter } = await service.get();
      let done = 0;
      let findings = 0;
      let filesWithFindings = 0;
      let skipped = 0;
      for (const uri of files) {
        if (token.isCancellationRequested) break;
        const language = await service.languageOf(uri);
        if (language) {
          try {
            const text = new TextDecoder('utf-8', { fatal: false }).decode(await vscode.workspace.fs.readFile(uri));
            const result = await linter.lint(text, language, service.options(uri));
            if (result.skipped) {
              skipped++;
              log.info(`Scan skipped ${vscode.workspace.asRelativePath(uri)}: ${result.skipped.reason} (${result.skipped.detail})`);
            }
            diagnostics.setScanned(uri, language, result.findings);
            findings += result.findings.length;
            if (result.findings.length > 0) filesWithFindings++;
          } catch (e) {
            skipped++;
            log.warn(`Scan could not read ${uri.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
          }
        }
        done++;
        if (done % 20 === 0 || done === files.length) {
          progress.report({ message: `${done} of ${files.length} files`, increment: (20 / Math.max(1, files.length)) * 100 });
          await new Promise((resolve) => setImmediate(resolve)); // keep the extension host responsive
        }
      }
      const summary = { files: done, filesWithFindings, findings, skipped, cancelled: token.isCancellationRequested };
      log.info(`Workspace scan: ${JSON.stringify(summary)}`);
      const text = `${summary.cancelled ? 'Scan cancelled after' : 'Scanned'} ${done} files: ${findings} finding${findings === 1 ? '' : 's'} in ${filesWithFindings} file${filesWithFindings === 1 ? '' : 's'}${skipped ? ` (${skipped} skipped, see the log)` : ''}.`;
      void vscode.window.showInformationMessage(text, 'Open Problems').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
      return summary;
    },
  );
}

async function excludeGlob(): Promise<string> {
  const patterns = new Set(ALWAYS_EXCLUDED.map((f) => `**/${f}/**`));
  const filesExclude = vscode.workspace.getConfiguration('files').get<Record<string, boolean>>('exclude', {});
  for (const [glob, on] of Object.entries(filesExclude)) if (on === true) patterns.add(glob);
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const entry of await gitignoredFolders(folder.uri)) patterns.add(`**/${entry}/**`);
  }
  return `{${[...patterns].join(',')}}`;
}

/** Simple folder and file names from a folder's root .gitignore (no negations or nested rules). */
async function gitignoredFolders(folder: vscode.Uri): Promise<string[]> {
  try {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, '.gitignore')));
    return text
      .split(/\r?\n/)
      .map((l) => l.trim().replace(/^\//, '').replace(/\/$/, ''))
      .filter((l) => l && !l.startsWith('#') && !l.startsWith('!') && /^[\w.*-]+$/.test(l));
  } catch {
    return [];
  }
}
