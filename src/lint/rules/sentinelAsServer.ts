import type { Rule } from './rule';
import { docsPath } from './rule';

export const sentinelAsServer: Rule = {
  meta: {
    id: 'sentinel-as-server',
    title: 'Connect through Sentinel, not to it',
    defaultSeverity: 'error',
    docsPath: docsPath('sentinel-as-server'),
  },
  check(model) {
    return model.sentinel.map((s) => ({
      rule: 'sentinel-as-server' as const,
      range: s.range,
      message: `This client connects straight to the Sentinel address (${s.evidence}). Sentinel only answers SENTINEL commands, so every data command fails. Configure the client's Sentinel mode with the Sentinel address and the master name (usually "mymaster") instead.`,
      fixes: [],
      origin: s,
    }));
  },
};
