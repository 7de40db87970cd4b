import { err, ok } from '../../util/result';
import { cancelled } from '../errors';
import { bytesOfReply, expectReply, integerOf } from './replies';
import type { KeyCommands, KeyDetails, KeysResult } from './types';

export interface DetailsOptions {
  readonly signal?: AbortSignal | undefined;
  /** Keys whose commands are in flight together. Default 100 (300 commands pipelined). */
  readonly batch?: number | undefined;
  /** Skip MEMORY USAGE (the server refused it before). */
  readonly skipMemory?: boolean | undefined;
}

export interface DetailsResult {
  readonly details: Map<string, KeyDetails>;
  /** MEMORY USAGE was refused (ACL, renamed command): sizes are unknown. */
  readonly memoryRefused: boolean;
}

/**
 * TYPE, PTTL and MEMORY USAGE of each key, sent together in batches: the session pipelines
 * commands in flight, so a batch costs one round trip through the port-forward, not 300.
 * A refused MEMORY USAGE (NOPERM, unknown command) leaves sizes unknown; other errors fail.
 */
export async function keyDetails(session: KeyCommands, keys: readonly Buffer[], options: DetailsOptions = {}): Promise<KeysResult<DetailsResult>> {
  const details = new Map<string, KeyDetails>();
  let memoryRefused = options.skipMemory ?? false;
  const batch = Math.max(1, options.batch ?? 100);
  for (let from = 0; from < keys.length; from += batch) {
    if (options.signal?.aborted) return err(cancelled());
    const slice = keys.slice(from, from + batch);
    const skip = memoryRefused;
    const replies = await Promise.all(
      slice.map((key) =>
        Promise.all([
          session.command(['TYPE', key], { signal: options.signal }),
          session.command(['PTTL', key], { signal: options.signal }),
          skip ? Promise.resolve(undefined) : session.command(['MEMORY', 'USAGE', key], { signal: options.signal }),
        ]),
      ),
    );
    for (let i = 0; i < slice.length; i++) {
      const [typeReply, pttlReply, memoryReply] = replies[i]!;
      const type = expectReply(typeReply);
      if (!type.ok) return type;
      const pttl = expectReply(pttlReply);
      if (!pttl.ok) return pttl;
      let memory: number | undefined;
      if (memoryReply) {
        if (!memoryReply.ok) return memoryReply;
        if (memoryReply.value.type === 'error') memoryRefused = true;
        else memory = integerOf(memoryReply.value);
      }
      details.set(slice[i]!.toString('latin1'), {
        type: bytesOfReply(type.value)?.toString('utf8') ?? 'none',
        pttl: integerOf(pttl.value) ?? -2,
        memory: memory ?? undefined,
      });
    }
  }
  return ok({ details, memoryRefused });
}
