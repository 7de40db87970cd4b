// `npm run package`: a release build, then a .vsix in out/ with only what runs (see .vscodeignore).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const { name, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.join(root, 'out', `${name}-${version}.vsix`);
mkdirSync(path.dirname(out), { recursive: true });

function step(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// vsce runs `vscode:prepublish` (the minified release build); everything is bundled, so no node_modules.
step([path.join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', out]);
console.log(`VSIX=${out}`);
