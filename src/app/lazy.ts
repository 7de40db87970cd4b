import * as path from 'node:path';
import type * as KubeModule from '../kube/index';
import type * as LintClientTypes from '../diagnostics/lintClient';
import type * as LintModule from '../lint/index';
import type * as ManifestsModule from '../welkin/manifests/index';
import type * as LocalEndpointModule from '../localEndpoint/index';
import type * as WiringModule from '../wiring/index';
import type * as GoLiveModule from '../golive/index';
import type * as KeyEditModule from '../views/keys/edit/index';

/**
 * Heavy libraries live in their own bundles next to dist/extension.js and are required on first
 * use, so activation never pays for them.
 */
function lazyBundle<T>(file: string): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= new Promise<T>((resolve, reject) => {
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        resolve(require(path.join(__dirname, file)) as T);
      } catch (e) {
        loaded = undefined;
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    }));
}

export type Kube = typeof KubeModule;
export const loadKube = lazyBundle<Kube>('kube.js');

export type Lint = typeof LintModule;
export const loadLint = lazyBundle<Lint>('lint.js');

/** Where the bundled tree-sitter grammars are (copied by esbuild.mjs). */
export const grammarDir = (): string => path.join(__dirname, 'grammars');

/** The folder of the bundles (dist/): the lint server's module lives there. */
export const distDir = (): string => __dirname;

export type LintClientModule = typeof LintClientTypes;
/** The LSP client of the lint language server (vscode-languageclient). */
export const loadLintClient = lazyBundle<LintClientModule>('lint-client.js');

export type Manifests = typeof ManifestsModule;
/** Workspace manifest analysis and edits (the `yaml` library), without the Kubernetes client. */
export const loadManifests = lazyBundle<Manifests>('manifests.js');

/** Connect Local App… (the editor side of the local Sentinel endpoint); it loads kube.js itself. */
export const loadLocalEndpoints = lazyBundle<typeof LocalEndpointModule>('local-endpoint.js');

export type Wiring = typeof WiringModule;
/** Generate Application ConfigMap…, Grant Workload Access…, Generate Egress NetworkPolicy… and the apply flow. */
export const loadWiring = lazyBundle<Wiring>('wiring.js');

export type GoLive = typeof GoLiveModule;
/** Check Go-Live Readiness…: the checks, the workspace lint they run and the report view. */
export const loadGoLive = lazyBundle<GoLive>('golive.js');

export type KeyEdit = typeof KeyEditModule;
/** Editing values, rename, bulk delete/expire with undo bundles (src/views/keys/edit). */
export const loadKeyEdit = lazyBundle<KeyEdit>('key-edit.js');
