import { writesWithoutTtl } from '../analysis/ttl';
import type { Rule } from './rule';
import { docsPath, literalKeyPrefix, shortKey } from './rule';

export const missingTtl: Rule = {
  meta: { id: 'missing-ttl', title: 'Set a TTL on keys you create', defaultSeverity: 'warning', docsPath: docsPath('missing-ttl') },
  check(model, env) {
    return writesWithoutTtl(model.ops, env.ctx, env.adapter).map((op) => {
      const key = shortKey(env, op);
      const keyPrefix = op.keys[0] ? literalKeyPrefix(env.ctx.text(op.keys[0])) : undefined;
      const how = op.related
        ? 'The call goes through a wrapper that sends it without an expiry: pass it a TTL, or call EXPIRE on the key after it in this function'
        : op.cls === 'string-write' && (op.command === 'SET' || op.command === 'GETSET')
          ? 'Give it an expiry (EX/PX) or call EXPIRE after it in this function'
          : 'Call EXPIRE on it after the write in this function';
      return {
        rule: 'missing-ttl' as const,
        range: op.range,
        message: `${op.command} creates ${key} without an expiry and nothing in this function sets one, so the key stays until it is deleted or evicted. ${how}.`,
        fixes: env.fixesFor('missing-ttl', op),
        ...(op.cls === 'collection' ? { collection: true } : {}),
        origin: op,
        ...(keyPrefix ? { keyPrefix } : {}),
        ...(op.related ? { related: op.related } : {}),
      };
    });
  },
};
