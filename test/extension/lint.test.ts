// Lint in the real editor: diagnostics appear as the user types, carry source/code/link, and the
// quick fixes and suppressions edit the text as promised.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'valkey-on-welkin.valkey-welkin';

async function lintDiagnostics(document: vscode.TextDocument, predicate: (d: vscode.Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const diagnostics = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'valkey-lint');
    if (predicate(diagnostics)) return diagnostics;
    if (Date.now() > deadline) assert.fail(`lint diagnostics did not settle: ${JSON.stringify(diagnostics.map((d) => [d.message, d.range.start.line]))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function open(language: string, content: string): Promise<vscode.TextEditor> {
  await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  const document = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(document);
}

async function quickFixes(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
}

suite('Lint in the editor', () => {
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('KEYS on a redis-py client is flagged with source, rule code and documentation link, and the preferred fix uses scan_iter', async () => {
    const editor = await open('python', 'import redis\n\nr = redis.Redis(host="localhost")\n\n\ndef stale():\n    return r.keys("session:*")\n');
    const [diagnostic] = await lintDiagnostics(editor.document, (d) => d.length === 1);
    assert.ok(diagnostic);
    assert.equal(diagnostic.range.start.line, 6);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'no-keys');
    assert.match(code.target.toString(), /docs\/rules\/no-keys\.md$/);

    const actions = await quickFixes(editor.document, diagnostic.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Ignore no-keys on this line'), titles.join(' | '));
    assert.ok(titles.includes('Ignore no-keys in this file'), titles.join(' | '));
    assert.ok(titles.includes('Show documentation for no-keys'), titles.join(' | '));
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred?.edit, `a preferred fix: ${titles.join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(preferred.edit));
    assert.match(editor.document.lineAt(6).text, /list\(r\.scan_iter\(match="session:\*"\)\)/);
    await lintDiagnostics(editor.document, (d) => d.length === 0);
  });

  test('typing a SET without a TTL adds a diagnostic; "ignore on this line" silences it with a comment', async () => {
    const editor = await open('javascript', "const Redis = require('iovalkey');\nconst redis = new Redis();\n\nasync function save(id, data) {\n}\n");
    await lintDiagnostics(editor.document, (d) => d.length === 0);
    await editor.edit((b) => b.insert(new vscode.Position(4, 0), '  await redis.set(`session:${id}`, JSON.stringify(data));\n'));
    const [diagnostic] = await lintDiagnostics(editor.document, (d) => d.length === 1);
    assert.equal((diagnostic!.code as { value: string }).value, 'missing-ttl');
    const ignore = (await quickFixes(editor.document, diagnostic!.range)).find((a) => a.title === 'Ignore missing-ttl on this line');
    assert.ok(ignore?.edit);
    assert.ok(await vscode.workspace.applyEdit(ignore.edit));
    assert.match(editor.document.getText(), /\/\/ valkey-lint-disable-next-line missing-ttl\n\s*await redis\.set/);
    await lintDiagnostics(editor.document, (d) => d.length === 0);
  });

  test('Object.keys and a Map are never flagged', async () => {
    const editor = await open('typescript', 'const cache = new Map<string, string>();\ncache.set("a", "b");\nexport const names = Object.keys({ a: 1 });\nexport const k = [...cache.keys()];\n');
    await new Promise((r) => setTimeout(r, 1500));
    const diagnostics = await lintDiagnostics(editor.document, () => true);
    assert.deepEqual(diagnostics.map((d) => d.message), []);
  });
});
