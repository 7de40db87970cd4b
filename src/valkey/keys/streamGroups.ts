import { ok } from '../../util/result';
import { bytesOfReply, expectReply, integerOf, itemsOf, pairsOf } from './replies';
import type { KeyCommands, KeysResult, Reply } from './types';

/** A stream's consumer group as XINFO GROUPS and XPENDING describe it. */
export interface StreamGroup {
  readonly name: Buffer;
  readonly consumers: number;
  /** Entries delivered and not acknowledged. */
  readonly pending: number;
  readonly lastDeliveredId: string;
  /** Entries not yet delivered to the group (Redis 7); undefined when the server cannot tell. */
  readonly lag: number | undefined;
  /** XPENDING's summary: the oldest and newest pending ids. */
  readonly oldestPending: string | undefined;
  readonly newestPending: string | undefined;
  readonly consumerList: readonly StreamConsumer[];
}

export interface StreamConsumer {
  readonly name: Buffer;
  readonly pending: number;
  /** Milliseconds since its last attempted interaction. */
  readonly idleMs: number;
}

export const MAX_GROUPS = 50;
export const MAX_CONSUMERS = 50;

const text = (r: Reply | undefined): string | undefined => (r && r.type !== 'null' ? bytesOfReply(r)?.toString('latin1') : undefined);
const field = (pairs: readonly (readonly [Reply, Reply])[], name: string): Reply | undefined => pairs.find(([k]) => text(k) === name)?.[1];

/**
 * XINFO GROUPS, then XINFO CONSUMERS and the XPENDING summary of each group (at most MAX_GROUPS
 * groups and MAX_CONSUMERS consumers each), pipelined. A server that refuses XINFO yields no groups.
 */
export async function streamGroups(session: KeyCommands, key: Buffer, signal?: AbortSignal): Promise<KeysResult<StreamGroup[]>> {
  const info = expectReply(await session.command(['XINFO', 'GROUPS', key], { signal }));
  if (!info.ok) return info.error.kind === 'reply' ? ok([]) : info;
  const groups = (itemsOf(info.value) ?? []).slice(0, MAX_GROUPS).map((g) => pairsOf(g) ?? []);
  const details = await Promise.all(
    groups.map((g) => {
      const name = bytesOfReply(field(g, 'name') ?? { type: 'null' }) ?? Buffer.alloc(0);
      return Promise.all([session.command(['XINFO', 'CONSUMERS', key, name], { signal }), session.command(['XPENDING', key, name], { signal })]);
    }),
  );
  return ok(
    groups.map((g, i) => {
      const [consumersReply, pendingReply] = details[i]!;
      const consumers = consumersReply.ok && consumersReply.value.type !== 'error' ? (itemsOf(consumersReply.value) ?? []) : [];
      const summary = pendingReply.ok && pendingReply.value.type !== 'error' ? (itemsOf(pendingReply.value) ?? []) : [];
      return {
        name: bytesOfReply(field(g, 'name') ?? { type: 'null' }) ?? Buffer.alloc(0),
        consumers: integerOf(field(g, 'consumers')) ?? 0,
        pending: integerOf(field(g, 'pending')) ?? 0,
        lastDeliveredId: text(field(g, 'last-delivered-id')) ?? '',
        lag: integerOf(field(g, 'lag')),
        oldestPending: text(summary[1]),
        newestPending: text(summary[2]),
        consumerList: consumers.slice(0, MAX_CONSUMERS).map((c) => {
          const p = pairsOf(c) ?? [];
          return { name: bytesOfReply(field(p, 'name') ?? { type: 'null' }) ?? Buffer.alloc(0), pending: integerOf(field(p, 'pending')) ?? 0, idleMs: integerOf(field(p, 'idle')) ?? 0 };
        }),
      };
    }),
  );
}
