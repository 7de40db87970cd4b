import assert from 'node:assert/strict';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { currentContextFile, writeCurrentContext } from '../../../src/kube/kubeconfigWrite';
import { tempDir } from '../../support/tempDir';

const config = `# from the Welkin administrator
apiVersion: v1
kind: Config
clusters: [] # none yet
contexts:
  - name: dev
  - name: prod
current-context: dev  # keep this comment
users: []
`;

test('switching the current context rewrites only that line, keeping comments and order', async () => {
  const dir = await tempDir();
  const file = path.join(dir, 'config');
  await writeFile(file, config, { mode: 0o600 });
  await writeCurrentContext(file, 'prod');
  const after = await readFile(file, 'utf8');
  assert.equal(after, config.replace('current-context: dev', 'current-context: prod'));
  assert.equal((await stat(file)).mode & 0o777, 0o600, 'the file keeps its permissions');
});

test('like kubectl, the first file that sets current-context is the one changed', async () => {
  const dir = await tempDir();
  const a = path.join(dir, 'a');
  const b = path.join(dir, 'b');
  await writeFile(a, 'apiVersion: v1\nkind: Config\ncontexts: []\n');
  await writeFile(b, config);
  assert.equal(await currentContextFile([path.join(dir, 'missing'), a, b]), b);
  assert.equal(await currentContextFile([a]), a);
  assert.equal(await currentContextFile([path.join(dir, 'missing')]), undefined);
});
