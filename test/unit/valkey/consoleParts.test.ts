/** The console engine's pure parts: reading keys, secret lines, drawing a line, COMMAND DOCS in RESP3, truncation. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CommandCatalog } from '../../../src/valkey/console/commandDocs';
import { isSecretLine } from '../../../src/valkey/console/history';
import { readKeys } from '../../../src/valkey/console/keys';
import { displayWidth, renderLine } from '../../../src/valkey/console/lineEditor';
import { truncateLines, truncationNote } from '../../../src/valkey/console/output';
import type { Reply } from '../../../src/valkey/resp/reply';
import { Screen } from './consoleScreen';

test('terminal input becomes keys: pastes stay one text key, line ends are one Enter each, unknown sequences are dropped', () => {
  assert.deepEqual(readKeys('GET a\r\nGET b\rx\n'), [
    { type: 'text', text: 'GET a' },
    { type: 'enter' },
    { type: 'text', text: 'GET b' },
    { type: 'enter' },
    { type: 'text', text: 'x' },
    { type: 'enter' },
  ]);
  assert.deepEqual(
    readKeys('\x1b[A\x1bOB\x1b[1~\x1b[4~\x1b[3~\x1b[1;5D\x1bf\x1b[15~\x1b[200~hé😀\x1b[201~\x1b').map((k) => (k.type === 'text' ? k.text : k.type)),
    ['up', 'down', 'home', 'end', 'delete', 'wordLeft', 'wordRight', 'hé😀', 'escape'],
  );
  assert.deepEqual(readKeys('\x01\x05\x15\x17\x0b\x0c\x03\x04\x7f\x08\t\x00').map((k) => k.type), ['home', 'end', 'ctrlU', 'ctrlW', 'ctrlK', 'ctrlL', 'ctrlC', 'ctrlD', 'backspace', 'backspace', 'tab']);
});

test('secret-bearing lines are recognised however they are typed', () => {
  for (const line of ['AUTH pw', ' auth user pw', 'hello 3 auth u pw', 'HELLO 3 SETNAME x AUTH u pw', '5 AUTH pw', 'migrate h 1 k 0 1 auth2 u pw', 'acl setuser x on >pw', 'CONFIG SET requirepass pw', 'CONFIG SET tls-key-file-pass pw', 'SENTINEL SET m auth-pass pw', "AUTH 'unterminated"]) {
    assert.equal(isSecretLine(line), true, line);
  }
  for (const line of ['GET auth', 'SET AUTH x', 'HELLO 3', 'CONFIG SET maxmemory 1gb', 'CONFIG GET requirepass', 'ACL LIST', 'ECHO "AUTH pw"']) {
    assert.equal(isSecretLine(line), false, line);
  }
});

test('a drawn line puts the cursor where it is in the text, wide characters counted as two columns', () => {
  const screen = new Screen(40);
  screen.write(renderLine({ prompt: '> ', promptWidth: 2, text: 'SET 日本 x', cursor: 6, hint: ' value', columns: 40 }));
  assert.equal(screen.current, '> SET 日本 x value');
  assert.equal(displayWidth('SET 日本'), 8);
  assert.ok(screen.raw.endsWith('\x1b[K\x1b[8D'), JSON.stringify(screen.raw));
});

test('a syntax hint too long for the room after a long prompt is cut with "…", not dropped', () => {
  const prompt = 'valkey-cluster primary rfr-valkey-cluster-0> ';
  const hint = 'value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]';
  const screen = new Screen(80);
  screen.write(renderLine({ prompt, promptWidth: prompt.length, text: 'SET k ', cursor: 6, hint, columns: 80 }));
  assert.equal(screen.current, `${prompt}SET k value [NX | XX] [GET] [EX s…`);
  assert.ok(displayWidth(screen.current) < 80, 'the line does not wrap');
  // The cursor stays after the typed text: it moved back over the hint.
  assert.ok(screen.raw.endsWith(`\x1b[K\x1b[${displayWidth('value [NX | XX] [GET] [EX s…')}D`), JSON.stringify(screen.raw));
  // Whole when it fits.
  const wide = new Screen(200);
  wide.write(renderLine({ prompt, promptWidth: prompt.length, text: 'SET k ', cursor: 6, hint, columns: 200 }));
  assert.equal(wide.current, `${prompt}SET k ${hint}`);
});

test('COMMAND DOCS in RESP3 (maps and sets) reads like RESP2', () => {
  const s = (t: string): Reply => ({ type: 'bulk', value: Buffer.from(t) });
  const map = (o: Record<string, Reply>): Reply => ({ type: 'map', entries: Object.entries(o).map(([k, v]) => [s(k), v] as const) });
  const docs = map({
    get: map({ summary: s('Get the value of a key'), since: s('1.0.0'), group: s('string'), arguments: { type: 'array', items: [map({ name: s('key'), type: s('key') })] } }),
    config: map({ summary: s('container'), subcommands: map({ 'config|get': map({ summary: s('Get'), arguments: { type: 'array', items: [map({ name: s('parameter'), type: s('string'), flags: { type: 'set', items: [s('multiple')] } })] } }) }) }),
  });
  const catalog = CommandCatalog.fromReply(docs);
  assert.deepEqual(catalog.names, ['CONFIG', 'CONFIG GET', 'GET']);
  assert.deepEqual(catalog.complete('config g'), ['CONFIG GET']);
  assert.deepEqual(catalog.complete('g'), ['GET']);
  assert.equal(catalog.hint('CONFIG GET '), 'parameter [parameter ...]');
  assert.equal(catalog.hint('get'), ' key');
});

test('truncation keeps the first lines and measures what it leaves out', () => {
  const text = Array.from({ length: 13_345 }, (_, i) => `${i + 1}) "${'x'.repeat(90)}"`).join('\n') + '\n';
  const cut = truncateLines(text, 1000);
  assert.equal(cut.lines.length, 1000);
  assert.equal(cut.hiddenLines, 12_345);
  assert.equal(truncationNote(cut), '-- 12,345 more lines not shown (1.2 MB); use SCAN/LRANGE/HSCAN with ranges --');
  assert.equal(truncateLines('a\r\nb\r\n', 5).lines.length, 2);
});
