import type { Rule } from './rule';
import { docsPath } from './rule';

export const noKeys: Rule = {
  meta: { id: 'no-keys', title: 'Avoid KEYS: iterate with SCAN', defaultSeverity: 'warning', docsPath: docsPath('no-keys') },
  check(model, env) {
    return model.ops
      .filter((op) => op.cls === 'keys')
      .map((op) => ({
        rule: 'no-keys' as const,
        range: op.range,
        message:
          op.via === 'lua'
            ? 'This Lua script calls KEYS, which blocks the Valkey server while it walks every key. Iterate with SCAN (a cursor loop) instead.'
            : 'KEYS blocks the Valkey server while it walks every key, and the managed service is shared by every client. Iterate with SCAN instead.',
        fixes: env.fixesFor('no-keys', op),
        origin: op,
        ...(op.related ? { related: op.related } : {}),
      }));
  },
};
