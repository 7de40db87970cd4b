// Builds the standalone valkey-lint npm package from the extension's own sources: the CLI, the lint
// engine and its tree-sitter grammars, bundled into one file with no runtime dependencies (and no
// VS Code code: `vscode` cannot be resolved here, so an import of it fails the build).
//   node packages/valkey-lint/build.mjs          then: cd packages/valkey-lint && npm pack
import * as esbuild from 'esbuild';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

const here = import.meta.dirname;
const root = path.resolve(here, '../..');
const grammars = ['tree-sitter', 'tree-sitter-javascript', 'tree-sitter-typescript', 'tree-sitter-tsx', 'tree-sitter-python', 'tree-sitter-go', 'tree-sitter-java', 'tree-sitter-ruby', 'tree-sitter-php', 'tree-sitter-c-sharp'];

export async function build() {
  const pkg = JSON.parse(await readFile(path.join(here, 'package.json'), 'utf8'));
  const main = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  if (pkg.version !== main.version) throw new Error(`packages/valkey-lint/package.json version ${pkg.version} differs from the extension's ${main.version}`);
  await rm(path.join(here, 'dist'), { recursive: true, force: true });
  await mkdir(path.join(here, 'dist/grammars'), { recursive: true });
  await mkdir(path.join(here, 'schemas'), { recursive: true });
  const result = await esbuild.build({
    entryPoints: { 'valkey-lint': path.join(root, 'src/cli/valkey-lint.ts') },
    outdir: path.join(here, 'dist'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    legalComments: 'eof',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
    metafile: true,
  });
  for (const name of grammars) await copyFile(path.join(root, 'node_modules/@vscode/tree-sitter-wasm/wasm', `${name}.wasm`), path.join(here, 'dist/grammars', `${name}.wasm`));
  await copyFile(path.join(root, 'schemas/valkey-lint.config.schema.json'), path.join(here, 'schemas/valkey-lint.config.schema.json'));
  await copyFile(path.join(root, 'LICENSE'), path.join(here, 'LICENSE'));
  return result.metafile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const meta = await build();
  for (const [file, info] of Object.entries(meta.outputs)) if (file.endsWith('.js')) console.log(`${path.relative(root, file).padEnd(44)} ${(info.bytes / 1024).toFixed(1).padStart(8)} KB`);
}
