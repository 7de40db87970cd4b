import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Configuration } from '../config/configuration';
import type { Kube } from '../app/lazy';
import type { KubeconfigProblem, LoadedKubeconfig } from '../kube/index';
import { resolveKubeconfigLocation, type KubeconfigLocation } from '../kube/kubeconfigPaths';
import type { Logger } from '../util/logger';
import type { Result } from '../util/result';

export type KubeconfigSnapshot = Result<LoadedKubeconfig, KubeconfigProblem>;

/**
 * Owns the kubeconfig: where it is, its parsed contents (loaded on first use through the `kube`
 * bundle), and a watch on its files so the explorer refreshes when they change.
 */
export class KubeconfigService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private snapshot: Promise<KubeconfigSnapshot> | undefined;
  private watchers: fs.FSWatcher[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private debounce: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: Configuration,
    private readonly loadKube: () => Promise<Kube>,
    private readonly log: Logger,
  ) {
    this.subscriptions.push(config.onDidChange(() => this.invalidate('settings changed')));
  }

  location(): KubeconfigLocation {
    return resolveKubeconfigLocation({
      settingPath: this.config.kubeconfigPath(),
      kubernetesExtensionPath: this.config.kubernetesExtensionKubeconfigPath(),
      env: process.env,
      homedir: os.homedir(),
    });
  }

  /** The current kubeconfig, loaded once and reused until a file or setting changes. */
  get(): Promise<KubeconfigSnapshot> {
    return (this.snapshot ??= this.load());
  }

  invalidate(reason: string): void {
    this.log.debug(`Kubeconfig reload: ${reason}`);
    this.snapshot = undefined;
    this.changed.fire();
  }

  private async load(): Promise<KubeconfigSnapshot> {
    const location = this.location();
    this.watch(location.files);
    const kube = await this.loadKube();
    const result = await kube.loadKubeconfig(location);
    if (result.ok) {
      this.log.info(`Kubeconfig from ${location.source}: ${result.value.files.join(', ')} (${result.value.contexts.length} contexts)`);
    } else {
      this.log.warn(kube.describeKubeconfigProblem(result.error));
    }
    return result;
  }

  /** Watches each file's folder, since editors and kubectl replace the file rather than write it. */
  private watch(files: readonly string[]): void {
    this.disposeWatchers();
    for (const dir of new Set(files.map((f) => path.dirname(f)))) {
      try {
        const names = new Set(files.filter((f) => path.dirname(f) === dir).map((f) => path.basename(f)));
        const watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
          if (name === null || names.has(name.toString())) this.scheduleInvalidate();
        });
        watcher.on('error', () => watcher.close());
        this.watchers.push(watcher);
      } catch {
        // The folder does not exist yet; the settings watch and the Refresh button still work.
      }
    }
  }

  private scheduleInvalidate(): void {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.invalidate('kubeconfig file changed'), 300);
  }

  private disposeWatchers(): void {
    for (const w of this.watchers) w.close();
    this.watchers = [];
  }

  dispose(): void {
    clearTimeout(this.debounce);
    this.disposeWatchers();
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
