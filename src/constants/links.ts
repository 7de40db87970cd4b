export const Links = {
  welkinValkeyGuide: 'https://elastisys.io/welkin/user-guide/additional-services/valkey/',
  kubeconfigDocs: 'https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/',
  repository: 'https://github.com/valkey-on-welkin/vscode-valkey-welkin',
} as const;

/** Online documentation of a lint rule (also shipped in the extension as docs/rules/<id>.md). */
export function ruleDocsUrl(rule: string): string {
  return `${Links.repository}/blob/main/docs/rules/${rule}.md`;
}
