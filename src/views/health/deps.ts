import type * as vscode from 'vscode';
import type { Kube } from '../../app/lazy';
import type { Configuration } from '../../config/configuration';
import type { ConnectionsApi } from '../../connections/connections';
import type { PreviewDocuments } from '../../wiring/previewDocuments';

/** What the health views need from the composition root. */
export interface HealthDeps {
  readonly connections: ConnectionsApi;
  readonly config: Configuration;
  readonly loadKube: () => Promise<Kube>;
  readonly log: vscode.LogOutputChannel;
  readonly previews: PreviewDocuments;
  readonly extensionUri: vscode.Uri;
  /** Where the linted code writes keys with a prefix (the TTL audit links to it). */
  readonly locateKeyWrites?: (prefix: string) => readonly { readonly file: string; readonly uri: string; readonly line: number; readonly text: string }[];
}
