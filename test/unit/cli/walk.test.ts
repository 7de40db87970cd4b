// The one walk the CLI and the language server's Scan Workspace share (src/lint/project/files.ts):
// called as the server calls it, with no options, it leaves out the skipped folders, what the
// .gitignore files ignore and what the nearest valkey-lint.config.json ignores.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { sourceFiles } from '../../../src/lint/project/files';
import { KEYS_JS, project } from './cliSupport';

async function walk(dir: string, options?: Parameters<typeof sourceFiles>[1]): Promise<string[]> {
  const out: string[] = [];
  for await (const f of sourceFiles(dir, options)) out.push(path.relative(dir, f).split(path.sep).join('/'));
  return out;
}

test('the workspace scan skips vendored folders, .gitignore matches and the config\'s ignore patterns', async () => {
  const dir = await project({
    'valkey-lint.config.json': JSON.stringify({ ignore: ['generated/', 'legacy/*.py'] }),
    '.gitignore': 'dist/\n',
    'node_modules/x/a.js': KEYS_JS,
    'vendor/b.php': '<?php\n',
    'dist/c.js': KEYS_JS,
    'src/generated/d.js': KEYS_JS,
    'legacy/e.py': 'x = 1\n',
    'legacy/deeper/f.py': 'x = 1\n',
    'src/g.js': KEYS_JS,
    'tools/valkey-lint.config.json': JSON.stringify({ ignore: [] }),
    'tools/generated/h.js': KEYS_JS,
  });
  assert.deepEqual(await walk(dir), ['legacy/deeper/f.py', 'src/g.js', 'tools/generated/h.js'], 'tools/ has its own config, which ignores nothing');
  assert.deepEqual(await walk(dir, { config: false, gitignore: false }), ['dist/c.js', 'legacy/deeper/f.py', 'legacy/e.py', 'src/g.js', 'src/generated/d.js', 'tools/generated/h.js']);
});
