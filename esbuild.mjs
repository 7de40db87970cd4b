// Builds the extension's CommonJS bundles into dist/ and renders the icon.
//   node esbuild.mjs                 development build: source maps, no minification
//   node esbuild.mjs --production    release build: minified, no source maps
//   node esbuild.mjs --watch         rebuild on change
//   node esbuild.mjs --tests         also bundle the extension-host tests into out/
import * as esbuild from 'esbuild';
import { copyFile, readFile, writeFile, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/**
 * One bundle per lifetime: `extension` is all activation loads; each heavy library gets its own
 * bundle, required on first use (src/app/lazy.ts).
 */
export const bundles = {
  extension: 'src/extension.ts',
  kube: 'src/kube/index.ts',
  lint: 'src/lint/index.ts',
  'lint-client': 'src/diagnostics/lintClient.ts',
  'lint-server': 'src/lint/server/main.ts',
  manifests: 'src/welkin/manifests/index.ts',
  'local-endpoint': 'src/localEndpoint/index.ts',
  wiring: 'src/wiring/index.ts',
  golive: 'src/golive/index.ts',
  'key-edit': 'src/views/keys/edit/index.ts',
};

/** Webview scripts (browser): the health dashboard with uPlot; its CSS lands next to it as dashboard.css. */
const webviews = { dashboard: 'media/dashboard/dashboard.ts' };

/** The `valkey-lint` and `valkey-welkin` command line tools (package.json `bin`). */
const cli = { 'valkey-lint': 'src/cli/valkey-lint.ts', 'valkey-welkin': 'src/cli/valkey-welkin.ts' };

/** tree-sitter's runtime and the grammars the lint engine loads on first use per language. */
const grammars = ['tree-sitter', 'tree-sitter-javascript', 'tree-sitter-typescript', 'tree-sitter-tsx', 'tree-sitter-python', 'tree-sitter-go', 'tree-sitter-java', 'tree-sitter-ruby', 'tree-sitter-php', 'tree-sitter-c-sharp'];

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: production ? 'none' : 'inline',
  metafile: true,
};

async function renderIcon() {
  const { Resvg } = await import('@resvg/resvg-js');
  const svg = await readFile('media/icon.svg');
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: 256 } }).render().asPng();
  await writeFile('media/icon.png', png);
}

async function copyGrammars() {
  await mkdir('dist/grammars', { recursive: true });
  for (const name of grammars) await copyFile(`node_modules/@vscode/tree-sitter-wasm/wasm/${name}.wasm`, `dist/grammars/${name}.wasm`);
}

async function testEntries() {
  const dir = 'test/extension';
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ts'));
  return Object.fromEntries(files.map((f) => [path.basename(f, '.ts'), path.join(dir, f)]));
}

async function main() {
  if (!watch) await rm('dist', { recursive: true, force: true });
  await mkdir('dist', { recursive: true });
  await Promise.all([renderIcon(), copyGrammars()]);
  const contexts = [
    await esbuild.context({ ...common, entryPoints: bundles, outdir: 'dist' }),
    await esbuild.context({ ...common, entryPoints: cli, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }),
    await esbuild.context({ ...common, platform: 'browser', format: 'iife', target: 'es2022', external: [], entryPoints: webviews, outdir: 'dist/webview' }),
  ];
  if (tests) {
    contexts.push(
      await esbuild.context({
        ...common,
        minify: false,
        sourcemap: 'inline',
        entryPoints: await testEntries(),
        outdir: 'out/test/extension',
        external: ['vscode', 'mocha', '@vscode/test-electron'],
      }),
    );
  }
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('watching for changes…');
    return;
  }
  for (const ctx of contexts) {
    const result = await ctx.rebuild();
    await ctx.dispose();
    for (const [file, info] of Object.entries(result.metafile.outputs)) {
      if (file.endsWith('.js') || file.endsWith('.css')) console.log(`${file.padEnd(40)} ${(info.bytes / 1024).toFixed(1).padStart(8)} KB`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
