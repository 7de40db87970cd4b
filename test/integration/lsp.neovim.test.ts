// Another editor than VS Code: Debian's Neovim (0.7, `vim.lsp.start_client`) starts
// `valkey-lint --lsp --stdio` as the README documents and receives the diagnostic of a KEYS call.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../support/tempDir';

const cli = path.resolve(__dirname, '../../dist/valkey-lint.js');

const init = `
local out = os.getenv('OUT')
local id = vim.lsp.start_client({
  name = 'valkey-lint',
  cmd = { 'node', os.getenv('SERVER'), '--lsp', '--stdio' },
  root_dir = vim.fn.getcwd(),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(_, result)
      if result and #result.diagnostics > 0 then
        local f = io.open(out, 'w')
        f:write(vim.fn.json_encode(result))
        f:close()
        vim.schedule(function() vim.cmd('qall!') end)
      end
    end,
  },
})
vim.cmd('edit app.py')
vim.lsp.buf_attach_client(0, id)
vim.defer_fn(function() vim.cmd('cquit 3') end, 30000)
`;

test('Neovim gets the no-keys diagnostic from valkey-lint --lsp --stdio', async () => {
  const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  assert.equal(nvim.status, 0, 'Neovim is missing: install the Debian package "neovim" (apt-get install neovim); .ci/run does');
  assert.ok(existsSync(cli), 'dist/valkey-lint.js is missing: run `node esbuild.mjs` first (npm test does)');
  const dir = await tempDir('valkey-lint-nvim-');
  writeFileSync(path.join(dir, 'app.py'), 'import redis\n\nr = redis.Redis()\n\n\ndef stale():\n    return r.keys("session:*")\n');
  writeFileSync(path.join(dir, 'init.lua'), init);
  const out = path.join(dir, 'diagnostics.json');
  const run = spawnSync('nvim', ['--headless', '--clean', '-u', 'init.lua'], { cwd: dir, env: { ...process.env, OUT: out, SERVER: cli }, timeout: 60_000, encoding: 'utf8' });
  assert.equal(run.status, 0, `nvim exited with ${run.status} (3: no diagnostics within 30 s): ${run.stderr}`);
  const published = JSON.parse(readFileSync(out, 'utf8')) as { uri: string; diagnostics: { range: { start: { line: number } }; code: string; source: string; severity: number }[] };
  assert.match(published.uri, /app\.py$/);
  assert.deepEqual(
    published.diagnostics.map((d) => [d.source, d.code, d.range.start.line, d.severity]),
    [['valkey-lint', 'no-keys', 6, 2]],
  );
});
