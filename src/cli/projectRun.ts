/**
 * A whole-tree lint in two phases, on `jobs` worker threads: every file's summary first (the
 * project index), then every file's lint with the facts the index gives it. Workers pull small
 * batches, so a few large files do not leave the other threads idle. With one job everything runs
 * on the calling thread.
 */
import { Worker } from 'node:worker_threads';
import { createLinter, languageFromPath } from '../lint/index';
import type { Linter, LintOptions, LintResult } from '../lint/index';
import { factsOf, type FactsData } from '../lint/project/index';
import { isLuaScript, lintLuaFile } from '../lint/luaFile';
import { LintProject, readSource } from '../lint/project/project';
import type { PathAliases } from '../lint/project/resolve';

export interface FileOutcome {
  file: string;
  result?: LintResult;
  /** Why the file could not be read. */
  unreadable?: string;
}

/**
 * first: lint each file alone and take its summary from the same parse (`summaryOnly`: a file whose
 * findings are not reported, `--changed-since`/`--shard`, is only summarised). lint: again, with facts.
 */
type Task =
  | { kind: 'first'; files: { file: string; options: LintOptions; summaryOnly?: boolean }[] }
  | { kind: 'lint'; files: { file: string; facts: FactsData; options: LintOptions }[] };
type TaskResult = { kind: 'first' | 'lint'; outcomes: FileOutcome[] };

const BATCH = 8;

/**
 * The worker side: one linter per thread. A first pass lints each file alone and takes its summary
 * from the same parse; the second pass re-lints, with their facts, only the files the index gives
 * facts to.
 */
export async function runTask(linter: Linter, task: Task): Promise<TaskResult> {
  const outcomes: FileOutcome[] = [];
  if (task.kind === 'first') {
    for (const { file, options, summaryOnly } of task.files) outcomes.push(summaryOnly ? await summarizeOne(linter, file, options) : await lintOne(linter, file, undefined, { ...options, summarize: true }));
  } else {
    for (const { file, facts, options } of task.files) outcomes.push(await lintOne(linter, file, facts, options));
  }
  return { kind: task.kind, outcomes };
}

async function lintOne(linter: Linter, file: string, facts: FactsData | undefined, options: LintOptions): Promise<FileOutcome> {
  const language = languageFromPath(file);
  if (!language && isLuaScript(file)) {
    const script = await readSource(file);
    return script === undefined ? { file, unreadable: 'cannot be read, or larger than 8 MB' } : { file, result: { findings: lintLuaFile(script, options) } };
  }
  if (!language) return { file, unreadable: 'no lint rules for this file type' };
  const text = await readSource(file);
  if (text === undefined) return { file, unreadable: 'cannot be read, or larger than 8 MB' };
  const project = facts ? factsOf(facts) : undefined;
  try {
    return { file, result: await linter.lint(text, language, project?.key ? { ...options, project, file } : { ...options, file }) };
  } catch (e) {
    return { file, result: { findings: [], skipped: { reason: 'parse-error', detail: e instanceof Error ? e.message : String(e) } } };
  }
}

/** A file the run does not report on: its summary for the index, no findings. */
async function summarizeOne(linter: Linter, file: string, options: LintOptions): Promise<FileOutcome> {
  const language = languageFromPath(file);
  if (!language) return { file, result: { findings: [] } };
  const text = await readSource(file);
  if (text === undefined) return { file, unreadable: 'cannot be read, or larger than 8 MB' };
  try {
    return { file, result: { findings: [], summary: await linter.summarize(text, language, options) } };
  } catch {
    return { file, result: { findings: [] } };
  }
}

interface Pool {
  run(tasks: Task[]): Promise<TaskResult[]>;
  close(): Promise<void>;
}

function localPool(linter: Linter): Pool {
  return {
    run: async (tasks) => {
      const out: TaskResult[] = [];
      for (const t of tasks) out.push(await runTask(linter, t));
      return out;
    },
    close: () => Promise.resolve(),
  };
}

function workerPool(jobs: number, workerFile: string): Pool {
  const workerData = { valkeyLintWorker: true };
  // Run from the TypeScript sources (tests, `tsx`), a worker needs tsx's loader registered first.
  const start = (): Worker =>
    workerFile.endsWith('.ts')
      ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(workerFile)});`, { eval: true, workerData })
      : new Worker(workerFile, { workerData });
  const workers = Array.from({ length: jobs }, start);
  return {
    run: (tasks) =>
      new Promise((resolve, reject) => {
        const results: TaskResult[] = new Array<TaskResult>(tasks.length);
        let next = 0;
        let pending = 0;
        const feed = (w: Worker): void => {
          if (next >= tasks.length) {
            if (pending === 0) resolve(results);
            return;
          }
          const index = next++;
          pending++;
          const onMessage = (r: TaskResult): void => {
            w.off('error', onError);
            results[index] = r;
            pending--;
            feed(w);
          };
          const onError = (e: Error): void => {
            w.off('message', onMessage);
            reject(e);
          };
          w.once('message', onMessage);
          w.once('error', onError);
          w.postMessage(tasks[index]);
        };
        for (const w of workers) feed(w);
        if (tasks.length === 0) resolve(results);
      }),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * A wrapper's own write is reported only while no other file of the project calls it: callers'
 * findings name the wrapper's command as related information, and the finding there is dropped.
 */
export function dropCalledWrappers(outcomes: FileOutcome[]): FileOutcome[] {
  const at = (file: string, line: number, rule: string): string => `${file}\0${line}\0${rule}`;
  const called = new Set<string>();
  for (const o of outcomes) {
    for (const f of o.result?.findings ?? []) for (const r of f.related ?? []) if (r.file && r.file !== o.file) called.add(at(r.file, r.range.start.line, f.rule));
  }
  if (called.size === 0) return outcomes;
  return outcomes.map((o) => {
    if (!o.result) return o;
    const findings = o.result.findings.filter((f) => !called.has(at(o.file, f.range.start.line, f.rule)));
    return findings.length === o.result.findings.length ? o : { ...o, result: { ...o.result, findings } };
  });
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Lints `files` as one project. `workerFile` is the module a worker thread starts from; `linter`
 * (created when absent) serves the calling thread. `options` may differ per file (the nearest
 * valkey-lint.config.json). With `report`, every file is indexed but only those are linted and
 * returned (`--changed-since`, `--shard`): clients and wrappers still resolve through the whole tree.
 */
export async function lintProject(
  files: readonly string[],
  options: LintOptions | ((file: string) => LintOptions),
  jobs: number,
  workerFile: string,
  aliases: readonly PathAliases[] = [],
  given?: Linter,
  report?: ReadonlySet<string>,
): Promise<{ outcomes: FileOutcome[]; findings: number; relinted: number }> {
  const optionsOf = typeof options === 'function' ? options : (): LintOptions => options;
  const linter = given ?? createLinter();
  const pool = jobs > 1 && files.length > BATCH ? workerPool(Math.min(jobs, Math.ceil(files.length / BATCH)), workerFile) : localPool(linter);
  try {
    const project = new LintProject(linter);
    project.index.setAliases(aliases);
    const first = (await pool.run(batches(files, BATCH).map((b) => ({ kind: 'first', files: b.map((file) => ({ file, options: optionsOf(file), summaryOnly: report ? !report.has(file) : undefined })) })))).flatMap((r) => r.outcomes);
    const byFile = new Map(first.map((o) => [o.file, o]));
    for (const o of first) {
      const language = languageFromPath(o.file);
      if (language && o.result?.summary) project.index.set(o.file, language, o.result.summary);
      if (o.result) delete o.result.summary;
    }
    // Files that name no client but import a module that exports one.
    await project.indexImporters(files.filter((f) => !byFile.get(f)?.result?.findings.length), (file) => readSource(file));
    // The second pass lints the files the index gives facts to, and takes their summaries again from
    // the same parse: a summary can depend on facts (a client made by an imported factory). Files
    // whose facts changed meanwhile are linted again (at most three rounds; usually one).
    const keyOf = (file: string): string => project.index.factsData(file, languageFromPath(file)).key;
    // What each file was last linted with: the first pass had no facts.
    const lintedWith = new Map(files.map((file) => [file, '']));
    const stale = (): string[] => files.filter((file) => (!report || report.has(file)) && byFile.get(file)?.result && keyOf(file) !== lintedWith.get(file));
    let relinted = 0;
    for (let round = 0, again = stale(); round < 3 && again.length > 0; round++, again = stale()) {
      for (const file of again) lintedWith.set(file, keyOf(file));
      const tasks: Task[] = batches(again, BATCH).map((b) => ({ kind: 'lint', files: b.map((file) => ({ file, options: { ...optionsOf(file), summarize: true }, facts: project.index.factsData(file, languageFromPath(file)).data })) }));
      for (const o of (await pool.run(tasks)).flatMap((r) => r.outcomes)) {
        const language = languageFromPath(o.file);
        if (language && o.result?.summary) project.index.set(o.file, language, o.result.summary);
        if (o.result) delete o.result.summary;
        byFile.set(o.file, o);
      }
      relinted += again.length;
    }
    const all = dropCalledWrappers(files.map((f) => byFile.get(f)!));
    const outcomes = report ? all.filter((o) => report.has(o.file)) : all;
    return { outcomes, findings: outcomes.reduce((n, o) => n + (o.result?.findings.length ?? 0), 0), relinted };
  } finally {
    await pool.close();
    if (!given) linter.dispose();
  }
}
