import type { LintOptions, SkipReason } from './types';

export const DEFAULT_MAX_BYTES = 2_000_000;
export const DEFAULT_TIME_BUDGET_MS = 2_000;

export interface Skip {
  reason: SkipReason;
  detail: string;
}

/** Thrown by the analysis when the file's time budget runs out; the linter reports it as a skip. */
export class BudgetExceeded extends Error {
  constructor(
    readonly budgetMs: number,
    readonly maxSteps?: number,
  ) {
    super(maxSteps !== undefined ? `analysis took more than ${maxSteps} steps` : `analysis took longer than ${budgetMs} ms`);
  }
}

export class Deadline {
  readonly at: number;
  private ticks = 0;
  /** `maxSteps`: also (or, with an infinite `budgetMs`, only) a limit on `tick()` calls, the same on any machine. */
  constructor(
    readonly budgetMs: number,
    readonly maxSteps?: number,
  ) {
    this.at = performance.now() + budgetMs;
  }
  expired(): boolean {
    return performance.now() > this.at;
  }
  /** Cheap to call in loops: reads the clock every 64th call. */
  tick(): void {
    ++this.ticks;
    if (this.maxSteps !== undefined && this.ticks > this.maxSteps) throw new BudgetExceeded(this.budgetMs, this.maxSteps);
    if ((this.ticks & 63) === 0 && this.expired()) throw new BudgetExceeded(this.budgetMs);
  }
}

/** Refuses input that is too large or not text, before any parsing. */
export function checkInput(source: string, options: LintOptions): Skip | undefined {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (source.length > maxBytes) {
    return { reason: 'too-large', detail: `${source.length} characters is over the ${maxBytes} limit` };
  }
  if (source.includes('\u0000')) return { reason: 'binary', detail: 'contains NUL characters' };
  const sample = source.length > 65_536 ? source.slice(0, 65_536) : source;
  let undecodable = 0;
  for (let i = sample.indexOf('\uFFFD'); i >= 0; i = sample.indexOf('\uFFFD', i + 1)) undecodable++;
  if (sample.length > 0 && undecodable > 8 && undecodable / sample.length > 0.02) {
    return { reason: 'binary', detail: `${undecodable} undecodable characters in the first ${sample.length}: not text in a known encoding` };
  }
  return undefined;
}
