import * as vscode from 'vscode';
import type { AppServices } from '../app/services';
import type * as LocalEndpointModule from './index';
import type { LocalEndpoints } from './localEndpoints';

/** The launch configuration attribute that opts in: `true` (the latest endpoint) or a cluster name. */
export const LAUNCH_OPT_IN = 'valkeyWelkinLocalEndpoint';

type EndpointServices = Pick<AppServices, 'log' | 'config' | 'connections' | 'kubeconfig' | 'clusters'>;

/**
 * What activation pays for Connect Local App…: the launch configuration hook and a clean terminal
 * environment. The feature itself (dist/local-endpoint.js) is loaded on first use.
 */
export class LocalEndpointsHost implements vscode.Disposable, vscode.DebugConfigurationProvider {
  private loaded: Promise<LocalEndpoints> | undefined;
  private manager: LocalEndpoints | undefined;
  private readonly registration: vscode.Disposable;

  constructor(
    private readonly services: EndpointServices,
    private readonly environment: vscode.GlobalEnvironmentVariableCollection,
    private readonly load: () => Promise<typeof LocalEndpointModule>,
  ) {
    // Variables only while this window runs an endpoint: never left behind for the next window.
    environment.persistent = false;
    environment.clear();
    this.registration = vscode.debug.registerDebugConfigurationProvider('*', this);
  }

  get(): Promise<LocalEndpoints> {
    return (this.loaded ??= this.load().then((m) => (this.manager = new m.LocalEndpoints(this.services, this.environment))));
  }

  resolveDebugConfiguration(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.ProviderResult<vscode.DebugConfiguration> {
    if (config[LAUNCH_OPT_IN] === undefined || config[LAUNCH_OPT_IN] === false) return config;
    return this.get().then((m) => m.resolveDebugConfiguration(folder, config));
  }

  dispose(): void {
    this.registration.dispose();
    this.manager?.dispose();
    this.environment.clear();
  }
}
