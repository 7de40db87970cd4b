import type { Result } from '../../util/result';
import type { Arg } from '../connection';
import type { ValkeyError } from '../errors';
import { parseCommandLine } from '../resp/args';
import { formatReplyFor } from '../resp/format';
import type { Reply } from '../resp/reply';

export type Send = (args: readonly Arg[]) => Promise<Result<Reply, ValkeyError>>;

/**
 * What redis-cli prints for one line typed at its prompt: the line is split like redis-cli splits
 * it, a leading count repeats the command, and each reply is formatted like redis-cli formats it
 * for a terminal. A command that failed to run prints `(error) <what happened>`; a line that is
 * only blanks prints nothing. Writes each piece through `write` as soon as it is known.
 */
export async function runConsoleLine(line: string, send: Send, write: (text: string) => void): Promise<void> {
  const parsed = parseCommandLine(line);
  if (!parsed.ok) {
    write(`${parsed.error}\n`);
    return;
  }
  const { repeat, args } = parsed.value;
  if (args.length === 0) return;
  for (let i = 0; i < repeat; i++) {
    const result = await send(args);
    if (!result.ok) {
      write(`(error) ${result.error.message}\n`);
      return;
    }
    write(formatReplyFor(args, result.value));
  }
}
