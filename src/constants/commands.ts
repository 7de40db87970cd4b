/** Command ids, `<prefix>.<area>.<verbNoun>`; package.json declares the same set (a unit test checks). */
export const Commands = {
  explorerRefresh: 'valkeyWelkin.explorer.refresh',
  kubeconfigSelect: 'valkeyWelkin.kubeconfig.select',
  kubeconfigOpen: 'valkeyWelkin.kubeconfig.open',
  logShow: 'valkeyWelkin.log.show',
  guideOpen: 'valkeyWelkin.help.openGuide',
  contextLogIn: 'valkeyWelkin.context.logIn',
  contextSetCurrent: 'valkeyWelkin.context.setCurrent',
  explorerShowDetails: 'valkeyWelkin.explorer.showDetails',
  wiringGenerateAppConfigMap: 'valkeyWelkin.wiring.generateAppConfigMap',
  wiringGrantAccess: 'valkeyWelkin.wiring.grantAccess',
  wiringGenerateNetworkPolicy: 'valkeyWelkin.wiring.generateNetworkPolicy',
  wiringCopySnippet: 'valkeyWelkin.wiring.copySnippet',
  lintScanWorkspace: 'valkeyWelkin.lint.scanWorkspace',
  lintShowRuleDocs: 'valkeyWelkin.lint.showRuleDocs',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];
