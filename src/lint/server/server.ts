/**
 * The lint engine as a language server (LSP, on Microsoft's vscode-languageserver): the extension
 * starts it in its own Node process, and `valkey-lint --lsp --stdio` serves any other editor.
 *
 * - Open documents are linted as they change (debounced; a result for a superseded version is
 *   dropped) with the facts the project index gives them, and re-linted when those facts change.
 * - The index covers the workspace folders (built in the background with progress) and follows
 *   open buffers and watched-file events; a file outside every folder is indexed alone.
 * - Code actions: each finding's fix (preferred), ignore on this line / in this file, the rule's
 *   documentation, and `source.fixAll.valkeyWelkin`; each request is answered with the kinds it asked for.
 * - A file that hits a budget gets an information diagnostic on its first line naming the budget.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type TextEdit as LspTextEdit,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLinter, languageFromPath, languageFromVscodeId } from '../index';
import { isLuaScript, lintLuaFile } from '../luaFile';
import { readPathAliases, sourceFiles } from '../project/files';
import { LintProject, readSource } from '../project/project';
import type { Finding, LanguageId, LintResult, TextEdit } from '../types';
import { configResolver, defaultSettings, parseSettings, withProjectConfig, workspaceFolderOf, type ServerLintSettings } from './settings';

export const LINT_SOURCE = 'valkey-lint';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.valkeyWelkin`;
export const SHOW_DOCS_COMMAND = 'valkeyWelkin.lint.showRuleDocs';
/** Custom request: lint every indexed file and publish their diagnostics; answers a summary. */
export const SCAN_REQUEST = 'valkeyLint/scanWorkspace';
/** Custom request: the index's size (tests and the status of the extension). */
export const STATUS_REQUEST = 'valkeyLint/status';

const DOCS_BASE = 'https://github.com/valkey-on-welkin/vscode-valkey-welkin/blob/main/docs/rules/';
const DEBOUNCE_MS = 150;
/** An open document's summary for the index is taken once the user pauses typing this long. */
export const SUMMARY_DELAY_MS = 300;

interface Linted {
  version: number;
  language: LanguageId;
  text: string;
  findings: Finding[];
  factsKey: string;
}

export interface ScanSummary {
  files: number;
  filesWithFindings: number;
  findings: number;
  skipped: number;
  cancelled: boolean;
}

export interface ServerStatus {
  indexed: number;
  indexing: boolean;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const linter = createLinter();
  const project = new LintProject(linter);
  const linted = new Map<string, Linted>();
  /** Closed files whose diagnostics a workspace scan published: re-linted when their facts change. */
  const scanned = new Map<string, { language: LanguageId; factsKey: string }>();
  const timers = new Map<string, NodeJS.Timeout>();
  const summaryTimers = new Map<string, NodeJS.Timeout>();
  const settingsCache = new Map<string, Promise<ServerLintSettings>>();
  let folders: WorkspaceFolder[] = [];
  let canConfigure = false;
  let initialSettings: ServerLintSettings = defaultSettings;
  let indexing: Promise<void> | undefined;
  let indexingNow = false;

  const log = (message: string): void => connection.console.log(message);

  const pathOf = (uri: string): string | undefined => {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  };

  const languageOf = (doc: TextDocument): LanguageId | undefined => languageFromVscodeId(doc.languageId) ?? languageFromPath(doc.uri);

  // valkey-lint.config.json, the file the CLI reads too; the editor's settings override it.
  const projectConfig = configResolver((m) => connection.console.warn(m));

  async function settingsFor(uri: string): Promise<ServerLintSettings> {
    const file = pathOf(uri);
    // Without a config file or a .git folder, the default test patterns apply from the workspace folder.
    const folder = file ? workspaceFolderOf(file, folders.map((f) => pathOf(f.uri))) : undefined;
    if (!canConfigure) return withProjectConfig(initialSettings, file, projectConfig, folder);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace.getConfiguration({ scopeUri: uri, section: 'valkeyWelkin.lint' }).then(parseSettings, () => initialSettings);
      settingsCache.set(uri, s);
    }
    return withProjectConfig(await s, file, projectConfig, folder);
  }

  function schedule(doc: TextDocument, delay: number): void {
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        lintOpen(doc.uri).catch((e: unknown) => connection.console.error(`Lint of ${doc.uri} failed: ${stack(e)}`));
      }, delay),
    );
  }

  async function lintOpen(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const language = languageOf(doc);
    const lua = !language && (doc.languageId === 'lua' || isLuaScript(doc.uri));
    if (!language && !lua) return;
    const version = doc.version;
    const settings = await settingsFor(uri);
    if (!settings.enable) {
      linted.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const text = doc.getText();
    if (!language) {
      // A Lua script file: its redis.call('KEYS', …) lines, nothing to resolve.
      publish(uri, { findings: lintLuaFile(text, settings.options) });
      return;
    }
    const file = pathOf(uri);
    const factsKey = file ? project.factsKey(file, language) : '';
    const result = await project.lint(file, text, language, settings.options, uri);
    const now = documents.get(uri);
    if (!now || now.version !== version) return; // superseded: a newer run is scheduled
    linted.set(uri, { version, language, text, findings: result.findings, factsKey });
    publish(uri, result);
    // The buffer is the file's truth while it is open: its summary may change other files' facts.
    // Summarised from the tree the lint kept, once the user pauses.
    if (file) scheduleSummary(uri, file, language);
  }

  function scheduleSummary(uri: string, file: string, language: LanguageId): void {
    clearTimeout(summaryTimers.get(uri));
    summaryTimers.set(
      uri,
      setTimeout(() => {
        summaryTimers.delete(uri);
        const doc = documents.get(uri);
        if (!doc) return;
        project
          .indexText(file, doc.getText(), language, {}, uri)
          .then((changed) => changed && relintDependents(uri))
          .catch((e: unknown) => connection.console.error(`Summary of ${uri} failed: ${stack(e)}`));
      }, SUMMARY_DELAY_MS),
    );
  }

  function publish(uri: string, result: LintResult): void {
    const diagnostics = result.findings.map(toDiagnostic);
    if (result.skipped) {
      log(`Lint skipped ${uri}: ${result.skipped.reason} (${result.skipped.detail})`);
      if (result.skipped.reason === 'timeout' || result.skipped.reason === 'too-large' || result.skipped.reason === 'parse-error') {
        diagnostics.unshift({
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: DiagnosticSeverity.Information,
          source: LINT_SOURCE,
          code: 'lint-budget',
          message: `Valkey lint did not check this file: ${skipText(result.skipped.reason)} (${result.skipped.detail}).`,
        });
      }
    }
    void connection.sendDiagnostics({ uri, diagnostics });
  }

  /** Re-lints the open documents and scanned files whose facts changed since their last lint. */
  function relintDependents(except?: string): void {
    for (const doc of documents.all()) {
      if (doc.uri === except) continue;
      const previous = linted.get(doc.uri);
      const file = pathOf(doc.uri);
      const language = languageOf(doc);
      if (!previous || !file || !language) continue;
      if (project.factsKey(file, language) !== previous.factsKey) schedule(doc, 0);
    }
    for (const [uri, entry] of scanned) {
      const file = pathOf(uri);
      if (!file || documents.get(uri)) continue;
      if (project.factsKey(file, entry.language) !== entry.factsKey) void lintClosed(uri, file, entry.language);
    }
  }

  async function lintClosed(uri: string, file: string, language: LanguageId): Promise<LintResult | undefined> {
    const text = await readSource(file);
    if (text === undefined) return undefined;
    const settings = await settingsFor(uri);
    if (!settings.enable) return undefined;
    const result = await project.lint(file, text, language, settings.options);
    if (documents.get(uri)) return result; // opened meanwhile: the live lint owns its diagnostics
    scanned.set(uri, { language, factsKey: project.factsKey(file, language) });
    publish(uri, result);
    return result;
  }

  async function buildIndex(): Promise<void> {
    const roots = folders.map((f) => pathOf(f.uri)).filter((p): p is string => p !== undefined);
    if (roots.length === 0) return;
    indexingNow = true;
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Valkey lint: indexing the project', 0, 'finding files…', false);
    const started = Date.now();
    try {
      project.index.setAliases(await readPathAliases(roots));
      let n = 0;
      for (const root of roots) {
        for await (const file of sourceFiles(root)) {
          // An open buffer is indexed from its text, not from disk.
          if (!documents.get(pathToFileURL(file).toString())) await project.indexFile(file);
          if (++n % 50 === 0) {
            progress?.report(`${n} files`);
            await new Promise((r) => setImmediate(r)); // let requests and edits through
          }
        }
      }
      await project.indexImporters(project.index.files(), (file) => readSource(file));
      await project.settle((file) => readSource(file));
      log(`Indexed ${project.index.size} files in ${Date.now() - started} ms`);
    } finally {
      progress?.done();
      indexingNow = false;
    }
    relintDependents();
  }

  async function scanWorkspace(): Promise<ScanSummary> {
    await indexing;
    // Files created since indexing whose watcher event has not arrived (or never will) join now.
    const files: string[] = [];
    for (const root of folders.map((f) => pathOf(f.uri)).filter((p): p is string => p !== undefined)) {
      for await (const file of sourceFiles(root)) {
        files.push(file);
        if (!project.index.summary(file)) await project.indexFile(file);
      }
    }
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Valkey lint: scanning the workspace', 0, `${files.length} files`, true);
    const summary: ScanSummary = { files: 0, filesWithFindings: 0, findings: 0, skipped: 0, cancelled: false };
    try {
      for (const file of files) {
        if (progress?.token.isCancellationRequested) {
          summary.cancelled = true;
          break;
        }
        const uri = pathToFileURL(file).toString();
        const language = languageFromPath(file);
        summary.files++;
        if (!language) {
          if (isLuaScript(file) && !documents.get(uri)) {
            const script = await readSource(file);
            const settings = await settingsFor(uri);
            if (script !== undefined && settings.enable) {
              const findings = lintLuaFile(script, settings.options);
              publish(uri, { findings });
              summary.findings += findings.length;
              if (findings.length) summary.filesWithFindings++;
            }
          }
          continue;
        }
        const open = documents.get(uri);
        const result = open ? linted.get(uri) : await lintClosed(uri, file, language);
        if (!result) {
          if (!open) summary.skipped++;
          continue;
        }
        if ('skipped' in result && result.skipped) summary.skipped++;
        summary.findings += result.findings.length;
        if (result.findings.length) summary.filesWithFindings++;
        if (summary.files % 20 === 0) {
          progress?.report(Math.round((summary.files / files.length) * 100), `${summary.files} of ${files.length} files`);
          await new Promise((r) => setImmediate(r));
        }
      }
    } finally {
      progress?.done();
    }
    return summary;
  }

  function codeActions(params: CodeActionParams): CodeAction[] {
    const entry = linted.get(params.textDocument.uri);
    const doc = documents.get(params.textDocument.uri);
    if (!entry || !doc || entry.version !== doc.version) return [];
    const only = params.context.only;
    const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const actions: CodeAction[] = [];
    const uri = params.textDocument.uri;
    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== LINT_SOURCE) continue;
        const finding = entry.findings.find((f) => f.rule === diagnostic.code && sameRange(f.range, diagnostic.range));
        if (!finding) continue;
        for (const fix of finding.fixes) {
          actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, isPreferred: fix.isPreferred, diagnostics: [diagnostic], edit: { changes: { [uri]: fix.edits.map(toLspEdit) } } });
        }
        for (const scope of ['line', 'file'] as const) {
          const edit = linter.suppressionEdit(entry.text, entry.language, finding, scope);
          actions.push({
            title: scope === 'line' ? `Ignore ${finding.rule} on this line` : `Ignore ${finding.rule} in this file`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: { changes: { [uri]: [toLspEdit(edit)] } },
          });
        }
        const title = `Show documentation for ${finding.rule}`;
        actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: SHOW_DOCS_COMMAND, arguments: [finding.rule] } });
      }
    }
    if (wants(FIX_ALL_KIND) && (only || entry.findings.some((f) => f.fixes.some((x) => x.isPreferred)))) actions.push(...fixAll(uri, entry));
    return actions;
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canConfigure = params.capabilities.workspace?.configuration === true;
    initialSettings = parseSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings ?? params.initializationOptions);
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'valkey-lint', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canConfigure) void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    if (folders.length && connection.workspace) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders = [...folders.filter((f) => !e.removed.some((r) => r.uri === f.uri)), ...e.added];
        indexing = buildIndex().catch((err: unknown) => connection.console.error(`Indexing failed: ${stack(err)}`));
      });
    }
    indexing = buildIndex().catch((err: unknown) => connection.console.error(`Indexing failed: ${stack(err)}`));
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    if (!canConfigure) initialSettings = parseSettings((change.settings as { valkeyWelkin?: { lint?: unknown } } | undefined)?.valkeyWelkin?.lint);
    for (const doc of documents.all()) schedule(doc, 0);
  });

  connection.onDidChangeWatchedFiles((params) => void watchedFilesChanged(params.changes));

  async function watchedFilesChanged(changes: readonly { uri: string; type: FileChangeType }[]): Promise<void> {
    let changed = false;
    for (const change of changes) {
      const file = pathOf(change.uri);
      if (!file || documents.get(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) {
        changed = project.index.remove(file) || changed;
        scanned.delete(change.uri);
      } else changed = (await project.indexFile(file)) || changed;
    }
    if (changed) relintDependents();
  }

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document, DEBOUNCE_MS));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    clearTimeout(summaryTimers.get(e.document.uri));
    summaryTimers.delete(e.document.uri);
    linted.delete(e.document.uri);
    linter.forget(e.document.uri);
    settingsCache.delete(e.document.uri);
    const file = pathOf(e.document.uri);
    // The file on disk is the truth again (the buffer may have been closed unsaved).
    if (file) void project.indexFile(file).then((changed) => changed && relintDependents());
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params) => codeActions(params));
  connection.onRequest(SCAN_REQUEST, () => scanWorkspace());
  connection.onRequest(STATUS_REQUEST, (): ServerStatus => ({ indexed: project.index.size, indexing: indexingNow }));
  connection.onShutdown(() => {
    for (const t of [...timers.values(), ...summaryTimers.values()]) clearTimeout(t);
    linter.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

function skipText(reason: string): string {
  switch (reason) {
    case 'timeout':
      return 'it took longer than the per-file time budget';
    case 'too-large':
      return 'it is larger than the size budget';
    default:
      return 'it could not be parsed';
  }
}

function toDiagnostic(f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: { start: { line: f.range.start.line, character: f.range.start.column }, end: { line: f.range.end.line, character: f.range.end.column } },
    severity: f.severity === 'error' ? DiagnosticSeverity.Error : f.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    source: LINT_SOURCE,
    code: f.rule,
    codeDescription: { href: `${DOCS_BASE}${f.rule}.md` },
    message: f.message,
  };
  if (f.keyPrefix !== undefined) d.data = { keyPrefix: f.keyPrefix };
  if (f.related?.length) {
    d.relatedInformation = f.related.flatMap((r) =>
      r.file
        ? [{ location: { uri: pathToFileURL(r.file).toString(), range: { start: { line: r.range.start.line, character: r.range.start.column }, end: { line: r.range.end.line, character: r.range.end.column } } }, message: r.message }]
        : [],
    );
  }
  return d;
}

function toLspEdit(e: TextEdit): LspTextEdit {
  return { range: { start: { line: e.range.start.line, character: e.range.start.column }, end: { line: e.range.end.line, character: e.range.end.column } }, newText: e.newText };
}

function sameRange(a: Finding['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.column === b.start.character && a.end.line === b.end.line && a.end.column === b.end.character;
}

/** Every preferred fix of the document whose edits do not overlap an earlier one. */
function fixAll(uri: string, entry: Linted): CodeAction[] {
  const edits: TextEdit[] = [];
  const taken: TextEdit['range'][] = [];
  const overlaps = (a: TextEdit['range'], b: TextEdit['range']): boolean => !(before(a.end, b.start) || before(b.end, a.start));
  for (const finding of entry.findings) {
    const fix = finding.fixes.find((f) => f.isPreferred);
    if (!fix) continue;
    if (fix.edits.some((e) => taken.some((t) => overlaps(t, e.range)))) continue;
    taken.push(...fix.edits.map((e) => e.range));
    edits.push(...fix.edits);
  }
  if (edits.length === 0) return [];
  return [{ title: 'Fix all Valkey lint problems with an exact fix', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits.map(toLspEdit) } } }];
}

function before(a: TextEdit['range']['start'], b: TextEdit['range']['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

function stack(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
