export const Links = {
  welkinValkeyGuide: 'https://elastisys.io/welkin/user-guide/additional-services/valkey/',
  kubeconfigDocs: 'https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/',
} as const;
