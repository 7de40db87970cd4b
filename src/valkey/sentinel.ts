import { err, ok, type Result } from '../util/result';
import type { RespConnection } from './connection';
import type { ValkeyError } from './errors';
import { replyPairs, replyText, type Reply } from './resp/reply';

/** A node as Sentinel reports it: its announced IP and port, and flags such as `master`, `s_down`. */
export interface SentinelNode {
  readonly name: string;
  readonly ip: string;
  readonly port: number;
  readonly flags: readonly string[];
}

export interface MasterView {
  readonly master: SentinelNode;
  readonly replicas: readonly SentinelNode[];
  readonly sentinels: readonly SentinelNode[];
}

const QUERY_TIMEOUT_MS = 5000;

/** Asks one Sentinel which masters it monitors, picks ours, and what it knows of its replicas and fellow Sentinels. */
export async function queryMaster(conn: RespConnection, wanted: string | undefined): Promise<Result<MasterView, ValkeyError>> {
  const masters = await records(conn, ['SENTINEL', 'MASTERS']);
  if (!masters.ok) return masters;
  const chosen = chooseMaster(masters.value, wanted, conn.label);
  if (!chosen.ok) return chosen;
  const name = chosen.value.name;
  const [replicas, sentinels] = await Promise.all([records(conn, ['SENTINEL', 'REPLICAS', name]), records(conn, ['SENTINEL', 'SENTINELS', name])]);
  if (!replicas.ok) return replicas;
  if (!sentinels.ok) return sentinels;
  return ok({ master: chosen.value, replicas: replicas.value, sentinels: sentinels.value });
}

/** The master name is discovered, never assumed: the one Sentinel monitors, or the one asked for. */
export function chooseMaster(masters: readonly SentinelNode[], wanted: string | undefined, sentinel: string): Result<SentinelNode, ValkeyError> {
  const known = masters.map((m) => m.name);
  if (wanted !== undefined) {
    const found = masters.find((m) => m.name === wanted);
    return found ? ok(found) : err({ kind: 'unknownMaster', known, message: `Sentinel (${sentinel}) does not monitor a master named "${wanted}"; it monitors ${list(known)}.` });
  }
  if (masters.length === 1) return ok(masters[0]!);
  if (masters.length === 0) return err({ kind: 'unknownMaster', known, message: `Sentinel (${sentinel}) monitors no master: the Valkey cluster is not set up (yet).` });
  return err({ kind: 'unknownMaster', known, message: `Sentinel (${sentinel}) monitors several masters (${list(known)}); choose one.` });
}

async function records(conn: RespConnection, args: string[]): Promise<Result<SentinelNode[], ValkeyError>> {
  const reply = await conn.send(args, { timeoutMs: QUERY_TIMEOUT_MS });
  if (!reply.ok) return reply;
  const nodes = parseNodes(reply.value);
  if (nodes === undefined) {
    const text = reply.value.type === 'error' ? replyText(reply.value) : `an unexpected ${reply.value.type} reply`;
    return err({ kind: 'sentinel', message: `${conn.label} answered ${args.join(' ')} with ${text}: is it a Sentinel?` });
  }
  return ok(nodes);
}

/** SENTINEL MASTERS/REPLICAS/SENTINELS: an array of flat [field, value, …] arrays (RESP2) or maps (RESP3). */
export function parseNodes(reply: Reply): SentinelNode[] | undefined {
  if (reply.type !== 'array') return undefined;
  const nodes: SentinelNode[] = [];
  for (const item of reply.items) {
    const fields = fieldsOf(item);
    if (!fields) return undefined;
    const port = Number(fields.get('port'));
    const ip = fields.get('ip');
    if (!ip || !Number.isInteger(port)) return undefined;
    nodes.push({ name: fields.get('name') ?? '', ip, port, flags: (fields.get('flags') ?? '').split(',').filter(Boolean) });
  }
  return nodes;
}

function fieldsOf(item: Reply): Map<string, string> | undefined {
  const pairs = item.type === 'map' || item.type === 'array' ? replyPairs(item) : undefined;
  return pairs && new Map(pairs.map(([k, v]) => [replyText(k) ?? '', replyText(v) ?? '']));
}

export const nodeKey = (node: { readonly ip: string; readonly port: number }): string => `${node.ip}:${node.port}`;

export const isDown = (node: SentinelNode): boolean => node.flags.some((f) => f === 's_down' || f === 'o_down' || f === 'disconnected');

const list = (names: readonly string[]): string => (names.length ? names.map((n) => `"${n}"`).join(', ') : 'none');
