import type { Op } from '../analysis/model';
import type { RuleEnv } from '../rules/rule';
import type { Fix, LanguageId, RuleId } from '../types';
import type { LanguageFixes } from './fix';
import { javascriptFixes } from './javascript';
import { pythonFixes } from './python';
import { goFixes } from './go';
import { javaFixes } from './java';
import { rubyFixes } from './ruby';
import { phpFixes } from './php';
import { csharpFixes } from './csharp';

const byLanguage: Record<LanguageId, LanguageFixes> = {
  javascript: javascriptFixes,
  typescript: javascriptFixes,
  tsx: javascriptFixes,
  python: pythonFixes,
  go: goFixes,
  java: javaFixes,
  ruby: rubyFixes,
  php: phpFixes,
  csharp: csharpFixes,
};

/** Exact, safe rewrites for a finding; none where no rewrite keeps the code's meaning. */
export function fixesFor(language: LanguageId, rule: RuleId, op: Op, env: RuleEnv): Fix[] {
  if (op.client.strength !== 'strong' || !op.site) return [];
  const build = byLanguage[language][rule as keyof LanguageFixes];
  return build ? build(op, env) : [];
}
