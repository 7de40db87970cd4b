/**
 * `clients` of the config: project wrappers the user names as Redis/Valkey clients
 * (`myapp.cache.get_client`, `RedisStore`). The engine learns them as project facts: a name is a
 * client value, class and factory alike, by its full dotted name and its last segment, and the
 * text prefilter lets files naming them through.
 */
import type { ProjectFacts } from '../project/facts';

export function withClients(project: ProjectFacts | undefined, clients: readonly string[]): ProjectFacts {
  const names = new Set<string>();
  for (const c of clients) {
    const trimmed = c.trim();
    if (!trimmed) continue;
    names.add(trimmed);
    const last = trimmed.split(/[.\\:/]|::|->/).pop();
    if (last) names.add(last);
  }
  const list = [...names];
  const key = `${project?.key ?? ''}\u0000clients:${list.join(',')}`;
  return {
    key,
    isClientValue: (name) => names.has(name) || (project?.isClientValue(name) ?? false),
    isClientClass: (name) => names.has(name) || (project?.isClientClass(name) ?? false),
    isClientFactory: (name) => names.has(name) || (project?.isClientFactory(name) ?? false),
    isTtlHelper: (name) => project?.isTtlHelper(name) ?? false,
    wrapper: (name, owner) => project?.wrapper(name, owner),
    wrapperNames: () => project?.wrapperNames() ?? [],
    clientNames: () => [...list, ...(project?.clientNames() ?? [])],
  };
}
