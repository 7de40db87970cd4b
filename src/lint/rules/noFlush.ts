import type { Rule } from './rule';
import { docsPath } from './rule';

export const noFlush: Rule = {
  meta: { id: 'no-flush', title: 'No FLUSHALL/FLUSHDB in application code', defaultSeverity: 'warning', docsPath: docsPath('no-flush') },
  check(model) {
    return model.ops
      .filter((op) => op.cls === 'flush')
      .map((op) => ({
        rule: 'no-flush' as const,
        range: op.range,
        message: `${op.command} deletes every key ${op.command === 'FLUSHALL' ? 'in every database' : 'in the database'}, including other instances' sessions and caches, and blocks the server while it does. Delete the keys you own (SCAN with a MATCH pattern, then UNLINK) instead.`,
        fixes: [],
        origin: op,
      }));
  },
};
