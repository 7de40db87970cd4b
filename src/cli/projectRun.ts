/**
 * A whole-tree lint in two phases, on `jobs` worker threads: every file's summary first (the
 * project index), then every file's lint with the facts the index gives it. Workers pull small
 * batches, so a few large files do not leave the other threads idle. With one job everything runs
 * on the calling thread.
 */
import { Worker } from 'node:worker_threads';
import { createLinter, languageFromPath } from '../lint/index';
import type { Finding, FileSummary, LintOptions, LintResult } from '../lint/index';
import { factsOf, type FactsData } from '../lint/project/index';
import { LintProject, readSource } from '../lint/project/project';
import type { PathAliases } from '../lint/project/resolve';

export interface FileOutcome {
  file: string;
  result?: LintResult;
  /** Why the file could not be read. */
  unreadable?: string;
}

type Task = { kind: 'summarize'; files: string[] } | { kind: 'lint'; files: { file: string; facts: FactsData }[]; options: LintOptions };
type TaskResult = { kind: 'summarize'; summaries: { file: string; summary: FileSummary | null }[] } | { kind: 'lint'; outcomes: FileOutcome[] };

const BATCH = 8;

/** The worker side: one linter per thread, answering tasks until told to stop. */
export async function runTask(linter: ReturnType<typeof createLinter>, task: Task): Promise<TaskResult> {
  if (task.kind === 'summarize') {
    const summaries: { file: string; summary: FileSummary | null }[] = [];
    for (const file of task.files) {
      const language = languageFromPath(file);
      const text = language ? await readSource(file) : undefined;
      summaries.push({ file, summary: language && text !== undefined ? await linter.summarize(text, language) : null });
    }
    return { kind: 'summarize', summaries };
  }
  const outcomes: FileOutcome[] = [];
  for (const { file, facts } of task.files) outcomes.push(await lintOne(linter, file, facts, task.options));
  return { kind: 'lint', outcomes };
}

async function lintOne(linter: ReturnType<typeof createLinter>, file: string, facts: FactsData, options: LintOptions): Promise<FileOutcome> {
  const language = languageFromPath(file);
  if (!language) return { file, unreadable: 'no lint rules for this file type' };
  const text = await readSource(file);
  if (text === undefined) return { file, unreadable: 'cannot be read, or larger than 8 MB' };
  const project = factsOf(facts);
  try {
    return { file, result: await linter.lint(text, language, project.key ? { ...options, project } : options) };
  } catch (e) {
    return { file, result: { findings: [], skipped: { reason: 'parse-error', detail: e instanceof Error ? e.message : String(e) } } };
  }
}

interface Pool {
  run(tasks: Task[]): Promise<TaskResult[]>;
  close(): Promise<void>;
}

function localPool(): Pool {
  const linter = createLinter();
  return {
    run: async (tasks) => {
      const out: TaskResult[] = [];
      for (const t of tasks) out.push(await runTask(linter, t));
      return out;
    },
    close: () => {
      linter.dispose();
      return Promise.resolve();
    },
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

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Lints `files` as one project. `workerFile` is the module a worker thread starts from. */
export async function lintProject(files: readonly string[], options: LintOptions, jobs: number, workerFile: string, aliases: readonly PathAliases[] = []): Promise<{ outcomes: FileOutcome[]; findings: number }> {
  const pool = jobs > 1 && files.length > BATCH ? workerPool(Math.min(jobs, Math.ceil(files.length / BATCH)), workerFile) : localPool();
  try {
    const linter = createLinter();
    const project = new LintProject(linter);
    project.index.setAliases(aliases);
    try {
      const summarized = await pool.run(batches(files, BATCH).map((b) => ({ kind: 'summarize', files: b })));
      for (const r of summarized) {
        if (r.kind !== 'summarize') continue;
        for (const { file, summary } of r.summaries) {
          const language = languageFromPath(file);
          if (summary && language) project.index.set(file, language, summary);
        }
      }
      // Summaries that depend on other files' facts (a client made by an imported factory).
      await project.settle((file) => readSource(file));
      const tasks: Task[] = batches(files, BATCH).map((b) => ({ kind: 'lint', options, files: b.map((file) => ({ file, facts: project.index.factsData(file, languageFromPath(file)).data })) }));
      const linted = await pool.run(tasks);
      const outcomes = linted.flatMap((r) => (r.kind === 'lint' ? r.outcomes : []));
      return { outcomes, findings: outcomes.reduce((n, o) => n + (o.result?.findings.length ?? 0), 0) };
    } finally {
      linter.dispose();
    }
  } finally {
    await pool.close();
  }
}

export type { Finding };
