import { flavourKeys, type Flavour, type FlavourKeys } from '../flavour';

export type SnippetLanguage = 'javascript' | 'python' | 'go' | 'java' | 'yaml' | 'properties';

export interface Snippet {
  readonly id: string;
  readonly title: string;
  /** The editor language id to open it with. */
  readonly language: SnippetLanguage;
  /** What to install, e.g. `npm install iovalkey`. */
  readonly install: string;
  readonly code: string;
}

export interface SnippetOptions {
  readonly flavour: Flavour;
  /** Used when the ConfigMap has no master name key; the operator's default is `mymaster`. */
  readonly defaultMasterName?: string | undefined;
}

export interface SnippetContext {
  readonly keys: FlavourKeys;
  readonly defaultMaster: string;
}

export function snippetContext(options: SnippetOptions): SnippetContext {
  return { keys: flavourKeys(options.flavour), defaultMaster: options.defaultMasterName ?? 'mymaster' };
}

/** A string literal that JavaScript, Python, Go and Java all read the same way. */
export function literal(value: string): string {
  return JSON.stringify(value);
}
