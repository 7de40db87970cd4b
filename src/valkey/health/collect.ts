import { err, ok, type Result } from '../../util/result';
import { cancelled, type ValkeyError } from '../errors';
import type { Reply } from '../resp/reply';
import { parseClientList, type ClientEntry } from './clients';
import { parseInfo, readInfo, type InfoFigures, type InfoText } from './info';
import { errorText, int, items, pairs, text, toPart, type Part } from './replies';
import type { Session } from './session';

/** The settings health reads with CONFIG GET (INFO already has maxmemory and its policy). */
export const CONFIG_KEYS = ['maxmemory', 'maxmemory-policy', 'timeout', 'maxclients', 'slowlog-log-slower-than', 'slowlog-max-len'] as const;
export const SLOWLOG_ENTRIES = 10;

export interface SlowlogEntry {
  readonly id: number;
  /** Unix seconds. */
  readonly timestamp: number;
  readonly durationMicros: number;
  readonly args: readonly string[];
  readonly client: string;
  readonly clientName: string;
}

export type RoleInfo =
  | { readonly role: 'master'; readonly offset: number; readonly replicas: readonly { readonly host: string; readonly port: number; readonly offset: number }[] }
  | { readonly role: 'slave'; readonly masterHost: string; readonly masterPort: number; readonly state: string; readonly offset: number }
  | { readonly role: 'sentinel' | 'unknown'; readonly raw: string };

export interface HealthSnapshot {
  /** When it was collected (ms since the epoch). */
  readonly at: number;
  readonly info: InfoText;
  readonly figures: InfoFigures;
  readonly config: Part<ReadonlyMap<string, string>>;
  readonly clients: Part<readonly ClientEntry[]>;
  /** The id of the connection that asked, so it is not counted among the application's clients. */
  readonly ownClientId: number | undefined;
  readonly slowlog: Part<readonly SlowlogEntry[]>;
  readonly role: Part<RoleInfo>;
}

export interface CollectOptions {
  readonly signal?: AbortSignal | undefined;
  /** Per command. Default 10 s. */
  readonly timeoutMs?: number | undefined;
}

/**
 * Everything the health view judges, in one round of pipelined commands. Only INFO is required:
 * when CONFIG, CLIENT, SLOWLOG or ROLE are refused the snapshot says so in that part.
 */
export async function collectHealth(session: Session, options: CollectOptions = {}): Promise<Result<HealthSnapshot, ValkeyError>> {
  const opts = { signal: options.signal, timeoutMs: options.timeoutMs ?? 10_000 };
  const send = (args: readonly string[]): Promise<Result<Reply, ValkeyError>> => session.command(args, opts);
  const [infoEverything, config, clientId, clientList, slowlog, role] = await Promise.all([
    send(['INFO', 'everything']),
    send(['CONFIG', 'GET', ...CONFIG_KEYS]),
    send(['CLIENT', 'ID']),
    send(['CLIENT', 'LIST']),
    send(['SLOWLOG', 'GET', String(SLOWLOG_ENTRIES)]),
    send(['ROLE']),
  ]);
  if (options.signal?.aborted) return err(cancelled());
  let infoReply = infoEverything;
  // Servers before 6.0 and some proxies know no `everything`; `all` has the same sections less modules.
  if (infoReply.ok && errorText(infoReply.value) !== undefined) infoReply = await send(['INFO', 'all']);
  if (infoReply.ok && errorText(infoReply.value) !== undefined) infoReply = await send(['INFO']);
  if (!infoReply.ok) return infoReply;
  const infoError = errorText(infoReply.value);
  if (infoError !== undefined) return err({ kind: 'protocol', message: `INFO was refused: ${infoError}` });
  const infoText = text(infoReply.value);
  if (infoText === undefined) return err({ kind: 'protocol', message: 'INFO answered with something other than text' });
  const info = parseInfo(infoText);

  let configPart = toPart(config, readConfig);
  // Redis 6 takes one pattern per CONFIG GET.
  if (configPart.state === 'failed' && /wrong number of arguments/i.test(configPart.message)) {
    const singles = await Promise.all(CONFIG_KEYS.map((key) => send(['CONFIG', 'GET', key])));
    const parts = singles.map((r) => toPart(r, readConfig));
    const refused = parts.find((p) => p.state !== 'ok');
    configPart = refused ?? { state: 'ok', value: new Map(parts.flatMap((p) => (p.state === 'ok' ? [...p.value] : []))) };
  }
  if (options.signal?.aborted) return err(cancelled());

  return ok({
    at: Date.now(),
    info,
    figures: readInfo(info),
    config: configPart,
    clients: toPart(clientList, (r) => {
      const t = text(r);
      return t === undefined ? undefined : parseClientList(t);
    }),
    ownClientId: clientId.ok ? int(clientId.value) : undefined,
    slowlog: toPart(slowlog, readSlowlog),
    role: toPart(role, readRole),
  });
}

function readConfig(reply: Reply): ReadonlyMap<string, string> | undefined {
  const p = pairs(reply);
  return p ? new Map(p) : undefined;
}

export function readSlowlog(reply: Reply): SlowlogEntry[] | undefined {
  const list = items(reply);
  if (!list) return undefined;
  const out: SlowlogEntry[] = [];
  for (const entry of list) {
    const f = items(entry);
    if (!f || f.length < 4) continue;
    out.push({
      id: int(f[0]) ?? 0,
      timestamp: int(f[1]) ?? 0,
      durationMicros: int(f[2]) ?? 0,
      args: (items(f[3]) ?? []).map((a) => text(a) ?? ''),
      client: text(f[4]) ?? '',
      clientName: text(f[5]) ?? '',
    });
  }
  return out;
}

export function readRole(reply: Reply): RoleInfo | undefined {
  const f = items(reply);
  if (!f || f.length === 0) return undefined;
  const role = text(f[0]);
  if (role === 'master') {
    const replicas = (items(f[2]) ?? []).flatMap((r) => {
      const rf = items(r);
      return rf ? [{ host: text(rf[0]) ?? '', port: int(rf[1]) ?? 0, offset: int(rf[2]) ?? 0 }] : [];
    });
    return { role: 'master', offset: int(f[1]) ?? 0, replicas };
  }
  if (role === 'slave') return { role: 'slave', masterHost: text(f[1]) ?? '', masterPort: int(f[2]) ?? 0, state: text(f[3]) ?? '', offset: int(f[4]) ?? -1 };
  return { role: role === 'sentinel' ? 'sentinel' : 'unknown', raw: role ?? '' };
}
