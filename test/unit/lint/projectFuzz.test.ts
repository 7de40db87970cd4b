// Random edits of exported clients across files: after each edit, the editor's way (re-summarise
// the edited file, re-lint incrementally only the files whose facts changed) gives the same
// findings as linting the whole project afresh (the CLI's two phases).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { dropCalledWrappers, lintProject } from '../../../src/cli/projectRun';
import { createLinter, type Finding } from '../../../src/lint/index';
import { LintProject } from '../../../src/lint/project/project';
import { tempDir } from '../../support/tempDir';
import { prng } from './appcode';

const SEED = Number(process.env.LINT_PROJECT_FUZZ_SEED ?? 7);

/** What the shared module may export, one piece per variant. */
const MODULE_PIECES = [
  "import Redis from 'ioredis';\n",
  'export const redis = new Redis();\n',
  'export function getRedis() {\n  return redis;\n}\n',
  'export class Store extends Redis {}\n',
  'export async function bump(key: string) {\n  return redis.incr(key);\n}\n',
  'export async function remember(key: string, value: string, ttl: number) {\n  return redis.set(key, value, "EX", ttl);\n}\n',
  'export const redis = new Map<string, string>();\n',
];

const HANDLER_LINES = [
  "  await redis.set(`user:${id}`, 'x');",
  "  const all = await redis.keys('user:*');",
  "  await getRedis().incr(`n:${id}`);",
  '  await bump(`day:${id}`);',
  "  await remember(`s:${id}`, 'v', 60);",
  "  await new Store().set('k', 'v');",
  '  await redis.expire(`user:${id}`, 60);',
];

function moduleText(rnd: () => number): string {
  const parts = [MODULE_PIECES[0]!];
  const client = rnd() < 0.8 ? MODULE_PIECES[1]! : MODULE_PIECES[6]!;
  parts.push(client);
  for (const piece of MODULE_PIECES.slice(2, 6)) if (rnd() < 0.5) parts.push(piece);
  return parts.join('');
}

function handlerText(rnd: () => number, n: number): string {
  const lines = HANDLER_LINES.filter(() => rnd() < 0.45);
  return `import { redis, getRedis, bump, remember, Store } from './shared';\n\nexport async function handle${n}(id: string) {\n${lines.join('\n')}\n  return id;\n}\n`;
}

const shape = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.range.start.line}:${f.range.start.column} ${f.rule} ${f.severity}`).sort();

test(`edits of an exported client across files: incremental re-lint equals a fresh project lint (seed ${SEED})`, async () => {
  const rnd = prng(SEED);
  const dir = await tempDir('valkey-lint-project-fuzz-');
  const files = ['shared.ts', ...Array.from({ length: 6 }, (_, i) => `handler${i}.ts`)].map((f) => path.join(dir, f));
  const texts = new Map<string, string>();
  const write = (file: string, text: string): void => {
    texts.set(file, text);
    writeFileSync(file, text);
  };
  write(files[0]!, moduleText(rnd));
  files.slice(1).forEach((f, i) => write(f, handlerText(rnd, i)));

  const linter = createLinter();
  const project = new LintProject(linter);
  const live = new Map<string, { key: string; findings: Finding[] }>();
  try {
    for (const f of files) await project.indexText(f, texts.get(f)!, 'typescript');
    const relint = async (file: string): Promise<void> => {
      const result = await project.lint(file, texts.get(file)!, 'typescript', {}, file);
      live.set(file, { key: project.factsKey(file, 'typescript'), findings: result.findings });
    };
    for (const f of files) await relint(f);
    let dependentRelints = 0;
    for (let step = 0; step < 25; step++) {
      const edited = rnd() < 0.6 ? files[0]! : files[1 + Math.floor(rnd() * (files.length - 1))]!;
      write(edited, edited === files[0] ? moduleText(rnd) : handlerText(rnd, step));
      // The editor's way: the edited file is re-linted and re-summarised; only files whose facts changed follow.
      await relint(edited);
      if (await project.indexText(edited, texts.get(edited)!, 'typescript', {}, edited)) {
        for (const f of files) {
          if (f === edited || project.factsKey(f, 'typescript') === live.get(f)!.key) continue;
          await relint(f);
          dependentRelints++;
        }
      }
      const fresh = await lintProject(files, {}, 1, '');
      const incremental = dropCalledWrappers(files.map((file) => ({ file, result: { findings: live.get(file)!.findings } })));
      for (const [i, f] of files.entries()) {
        assert.deepEqual(shape(incremental[i]!.result!.findings), shape(fresh.outcomes[i]!.result!.findings), `step ${step}: ${path.basename(f)} after editing ${path.basename(edited)}\n${texts.get(files[0]!)}\n${texts.get(f)}`);
      }
    }
    assert.ok(dependentRelints > 0, 'some edits changed what other files may call');
  } finally {
    for (const f of files) linter.forget(f);
    linter.dispose();
  }
});
