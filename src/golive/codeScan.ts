import path from 'node:path';
import { lintProject } from '../cli/projectRun';
import { languageFromPath, type Linter } from '../lint/index';
import { sourceFiles } from '../lint/project/files';
import { readSource } from '../lint/project/project';
import type { CodeInput } from './items/code';

export interface CodeScanOptions {
  /** Where a worker thread starts from (see lintProject); with jobs 1 none is started. */
  readonly workerFile?: string;
  readonly jobs?: number;
  readonly linter?: Linter;
  /** Files are shown relative to this folder. */
  readonly displayRoot?: string;
  readonly maxFiles?: number;
  readonly signal?: AbortSignal | undefined;
}

/** Lints every source file under `roots` as one project (the same engine and index as valkey-lint) and keeps their text. */
export async function scanCode(roots: readonly string[], options: CodeScanOptions = {}): Promise<CodeInput> {
  if (roots.length === 0) return { unavailable: 'no workspace folder is open', files: [], findings: [] };
  const files: string[] = [];
  const max = options.maxFiles ?? 20_000;
  for (const root of roots) {
    for await (const file of sourceFiles(root)) {
      if (options.signal?.aborted) return { unavailable: 'cancelled', files: [], findings: [] };
      if (languageFromPath(file)) files.push(file);
      if (files.length >= max) break;
    }
  }
  const display = (file: string): string => (options.displayRoot ? path.relative(options.displayRoot, file).split(path.sep).join('/') : file);
  const { outcomes } = await lintProject(files, {}, options.jobs ?? 1, options.workerFile ?? '', [], options.linter);
  const texts = await Promise.all(files.map(async (file) => ({ file: display(file), text: (await readSource(file)) ?? '' })));
  const findings = outcomes.flatMap((o) => (o.result?.findings ?? []).map((f) => ({ file: display(o.file), line: f.range.start.line + 1, rule: f.rule, message: f.message })));
  return { files: texts, findings };
}
