/**
 * Where the operator's data pods are found. Welkin's operator (the spotahome redis-operator, an
 * assumption from the `rfs-` prefix) labels them like this; `valkeyWelkin.explorer.dataPodSelector`
 * overrides it. `{cluster}` stands for the cluster name.
 */
export const DEFAULT_DATA_POD_SELECTOR = 'app.kubernetes.io/component=redis,redisfailovers.databases.spotahome.com/name={cluster}';

/** The operator's role label on data pods: `master` or `slave`. */
export const ROLE_LABEL = 'redisfailovers-role';
