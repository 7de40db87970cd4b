import type { RuleMeta } from '../types';
import { missingTtl } from './missingTtl';
import { noFlush } from './noFlush';
import { noKeys } from './noKeys';
import type { Rule } from './rule';
import { sentinelAsServer } from './sentinelAsServer';

export const allRules: readonly Rule[] = [noKeys, missingTtl, noFlush, sentinelAsServer];

export const ruleMetas: readonly RuleMeta[] = allRules.map((r) => r.meta);
