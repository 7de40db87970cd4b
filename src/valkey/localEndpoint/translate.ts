import type { Reply } from '../resp/reply';

/** A local TCP address (always on 127.0.0.1). */
export interface LocalAddress {
  readonly host: string;
  readonly port: number;
}

/**
 * Where the addresses Sentinel reports are reached from the laptop. Both are asked before a reply
 * naming the address is passed on, so the forward exists when the client connects.
 */
export interface AddressTranslator {
  /** A data pod's address → its port-forward. Always an address: an unreachable pod gets one that refuses connections, so the client asks again. */
  data(ip: string, port: number): Promise<LocalAddress>;
  /** A Sentinel pod's address → the local endpoint in front of it; undefined when it cannot be reached (the entry is left out). */
  sentinel(ip: string, port: number): Promise<LocalAddress | undefined>;
  /**
   * The primary that replaced `ip:port` according to a Sentinel's +switch-master, while Sentinels
   * that have not heard of it yet still name the old one (seconds, up to a minute).
   */
  replacement?(ip: string, port: number): { readonly ip: string; readonly port: number } | undefined;
}

/** What the endpoint does with a command from a local client. */
export type CommandPolicy =
  /** Sent to a real Sentinel; its reply is translated according to `reply`. */
  | { readonly action: 'forward'; readonly reply: ReplyKind }
  /** A (un)subscription: sent to the Sentinel, its confirmations and messages come back as pushes. */
  | { readonly action: 'subscription' }
  /** Not sent: answered with this error. */
  | { readonly action: 'refuse'; readonly message: string };

export type ReplyKind = 'asIs' | 'address' | 'masters' | 'master' | 'replicas' | 'sentinels' | 'info';

const SUBSCRIPTIONS = new Set(['SUBSCRIBE', 'PSUBSCRIBE', 'UNSUBSCRIBE', 'PUNSUBSCRIBE']);

/** SENTINEL subcommands whose replies name addresses, and how they are translated. */
const SENTINEL_QUERIES: Record<string, ReplyKind> = {
  'GET-MASTER-ADDR-BY-NAME': 'address',
  'GET-PRIMARY-ADDR-BY-NAME': 'address',
  MASTERS: 'masters',
  PRIMARIES: 'masters',
  MASTER: 'master',
  PRIMARY: 'master',
  SLAVES: 'replicas',
  REPLICAS: 'replicas',
  SENTINELS: 'sentinels',
  'INFO-CACHE': 'info',
};

/** SENTINEL subcommands that change the real Sentinels (or speak for one): never sent from a local app. */
const SENTINEL_CHANGES = new Set(['MONITOR', 'REMOVE', 'SET', 'RESET', 'FAILOVER', 'FLUSHCONFIG', 'SIMULATE-FAILURE', 'DEBUG']);

/** Top-level commands a Sentinel accepts that would change it or its other clients. */
const CHANGES = new Set(['SHUTDOWN', 'ACL', 'PUBLISH', 'DEBUG', 'CONFIG', 'MONITOR', 'SPUBLISH']);
const CLIENT_QUERIES = new Set(['SETNAME', 'SETINFO', 'GETNAME', 'ID', 'INFO', 'LIST', 'REPLY', 'HELP', 'TRACKINGINFO', 'GETREDIR', 'NO-EVICT', 'NO-TOUCH']);

const REFUSAL = 'ERR the local Sentinel endpoint of Valkey on Welkin only answers queries';

/** Decides, from the command's words, whether the endpoint sends it on, and how its reply is translated. */
export function commandPolicy(args: readonly Buffer[]): CommandPolicy {
  const name = word(args[0]);
  const sub = word(args[1]);
  if (SUBSCRIPTIONS.has(name)) return { action: 'subscription' };
  if (name === 'SENTINEL') {
    if (sub === 'IS-MASTER-DOWN-BY-ADDR' || sub === 'IS-PRIMARY-DOWN-BY-ADDR') {
      return { action: 'refuse', message: `${REFUSAL}: SENTINEL ${sub} is how Sentinels vote among themselves, and a local client takes no part in it` };
    }
    if (SENTINEL_CHANGES.has(sub) || (sub === 'CONFIG' && word(args[2]) === 'SET')) {
      return { action: 'refuse', message: `${REFUSAL}; SENTINEL ${sub} would change the cluster's Sentinels and was not sent` };
    }
    return { action: 'forward', reply: SENTINEL_QUERIES[sub] ?? 'asIs' };
  }
  if (CHANGES.has(name) && !(name === 'ACL' && (sub === 'WHOAMI' || sub === 'CAT'))) {
    return { action: 'refuse', message: `${REFUSAL}; ${name} would change the cluster's Sentinel and was not sent` };
  }
  if (name === 'CLIENT' && sub !== '' && !CLIENT_QUERIES.has(sub)) {
    return { action: 'refuse', message: `${REFUSAL}; CLIENT ${sub} would act on other clients of the cluster's Sentinel and was not sent` };
  }
  if (name === 'INFO') return { action: 'forward', reply: 'info' };
  return { action: 'forward', reply: 'asIs' };
}

/** Sentinel's newer names (Valkey 8) for the subcommands every Sentinel version knows by their old names. */
const OLD_NAMES: Record<string, string> = {
  'GET-PRIMARY-ADDR-BY-NAME': 'GET-MASTER-ADDR-BY-NAME',
  PRIMARIES: 'MASTERS',
  PRIMARY: 'MASTER',
};

/** The command as sent to the real Sentinel: `SENTINEL PRIMARY …` and friends by the names Redis 7.0 Sentinel knows too. */
export function upstreamArgs(args: readonly Buffer[]): readonly Buffer[] {
  if (word(args[0]) !== 'SENTINEL') return args;
  const old = OLD_NAMES[word(args[1])];
  return old ? [args[0]!, Buffer.from(old, 'latin1'), ...args.slice(2)] : args;
}

/** Rewrites the addresses in a reply of the given kind; other replies (errors, nulls) are passed on unchanged. */
export async function translateReply(kind: ReplyKind, reply: Reply, to: AddressTranslator): Promise<Reply> {
  if (reply.type === 'error' || reply.type === 'null') return reply;
  switch (kind) {
    case 'asIs':
      return reply;
    case 'address':
      return translateAddressPair(reply, to);
    case 'master':
      return (await translateRecord(reply, 'master', to)) ?? reply;
    case 'masters':
      return translateRecords(reply, 'master', to);
    case 'replicas':
      return translateRecords(reply, 'data', to);
    case 'sentinels':
      return translateRecords(reply, 'sentinel', to);
    case 'info':
      return translateInfoReply(reply, to);
  }
}

/** `[ip, port]` of get-master-addr-by-name. */
async function translateAddressPair(reply: Reply, to: AddressTranslator): Promise<Reply> {
  if (reply.type !== 'array' || reply.items.length !== 2) return reply;
  const ip = text(reply.items[0]);
  const port = Number(text(reply.items[1]));
  if (!ip || !Number.isInteger(port)) return reply;
  const newer = to.replacement?.(ip, port);
  const local = await to.data(newer?.ip ?? ip, newer?.port ?? port);
  return { type: 'array', items: [bulk(local.host), bulk(String(local.port))] };
}

type RecordRole = 'master' | 'data' | 'sentinel';

async function translateRecords(reply: Reply, role: RecordRole, to: AddressTranslator): Promise<Reply> {
  if (reply.type !== 'array') return reply;
  const items = await Promise.all(reply.items.map((item) => translateRecord(item, role, to)));
  return { type: 'array', items: items.filter((i): i is Reply => i !== undefined) };
}

/**
 * One record of SENTINEL MASTERS/REPLICAS/SENTINELS (a flat field/value array, or a RESP3 map):
 * `ip` and `port` become the local address; a replica's `name` (`ip:port`) and its `master-host`
 * and `master-port` too. Undefined when it names a Sentinel that cannot be reached.
 */
async function translateRecord(record: Reply, role: RecordRole, to: AddressTranslator): Promise<Reply | undefined> {
  const pairs = recordPairs(record);
  if (!pairs) return record;
  const field = (name: string): string | undefined => text(pairs.find(([k]) => text(k) === name)?.[1]);
  const ip = field('ip');
  const port = Number(field('port'));
  if (!ip || !Number.isInteger(port)) return record;
  const newer = role === 'master' ? to.replacement?.(ip, port) : undefined;
  const local = role === 'sentinel' ? await to.sentinel(ip, port) : await to.data(newer?.ip ?? ip, newer?.port ?? port);
  if (!local) return undefined;
  const masterIp = field('master-host');
  const masterPort = Number(field('master-port'));
  const master = masterIp && Number.isInteger(masterPort) && masterIp !== '?' ? await to.data(masterIp, masterPort) : undefined;
  const rewritten = pairs.map(([key, value]): [Reply, Reply] => {
    switch (text(key)) {
      case 'ip':
        return [key, bulk(local.host)];
      case 'port':
        return [key, bulk(String(local.port))];
      case 'name':
        return [key, text(value) === `${ip}:${port}` ? bulk(`${local.host}:${local.port}`) : value];
      case 'master-host':
        return [key, master ? bulk(master.host) : value];
      case 'master-port':
        return [key, master ? bulk(String(master.port)) : value];
      default:
        return [key, value];
    }
  });
  if (record.type === 'map') return { type: 'map', entries: rewritten };
  return { type: 'array', items: rewritten.flat() };
}

function recordPairs(record: Reply): [Reply, Reply][] | undefined {
  if (record.type === 'map') return record.entries.map(([k, v]) => [k, v]);
  if (record.type !== 'array' || record.items.length % 2 !== 0) return undefined;
  const pairs: [Reply, Reply][] = [];
  for (let i = 0; i < record.items.length; i += 2) pairs.push([record.items[i]!, record.items[i + 1]!]);
  return pairs;
}

/** INFO (a bulk or verbatim string) and SENTINEL INFO-CACHE (nested arrays holding INFO texts). */
async function translateInfoReply(reply: Reply, to: AddressTranslator): Promise<Reply> {
  if (reply.type === 'bulk') return { type: 'bulk', value: Buffer.from(await translateInfo(reply.value.toString('utf8'), to), 'utf8') };
  if (reply.type === 'verbatim') return { ...reply, value: Buffer.from(await translateInfo(reply.value.toString('utf8'), to), 'utf8') };
  if (reply.type === 'array') return { type: 'array', items: await Promise.all(reply.items.map((i) => translateInfoReply(i, to))) };
  if (reply.type === 'map') return { type: 'map', entries: await Promise.all(reply.entries.map(async ([k, v]) => [k, await translateInfoReply(v, to)] as const)) };
  return reply;
}

/**
 * The addresses in INFO text: Sentinel's `masterN:…,address=<ip>:<port>,…`, and in INFO-CACHE the
 * data nodes' `master_host:`/`master_port:` and `slaveN:ip=…,port=…`.
 */
export async function translateInfo(info: string, to: AddressTranslator): Promise<string> {
  const lines = info.split('\r\n');
  const masterHost = lines.findIndex((l) => l.startsWith('master_host:'));
  const masterPort = lines.findIndex((l) => l.startsWith('master_port:'));
  if (masterHost >= 0 && masterPort >= 0) {
    const local = await to.data(lines[masterHost]!.slice('master_host:'.length), Number(lines[masterPort]!.slice('master_port:'.length)));
    lines[masterHost] = `master_host:${local.host}`;
    lines[masterPort] = `master_port:${local.port}`;
  }
  return (
    await Promise.all(
      lines.map(async (line) => {
        const address = /^(master\d+:.*\baddress=)([^,:]+):(\d+)(.*)$/.exec(line);
        if (address) {
          const local = await to.data(address[2]!, Number(address[3]));
          return `${address[1]}${local.host}:${local.port}${address[4]}`;
        }
        const replica = /^(slave\d+:ip=)([^,]+),port=(\d+)(.*)$/.exec(line);
        if (replica) {
          const local = await to.data(replica[2]!, Number(replica[3]));
          return `${replica[1]}${local.host},port=${local.port}${replica[4]}`;
        }
        return line;
      }),
    )
  ).join('\r\n');
}

/**
 * A Sentinel event's payload with its addresses translated (sentinel.c, sentinelEvent):
 * `+switch-master <name> <old ip> <old port> <new ip> <new port>`, and the instance events
 * `<master|slave|sentinel> <name> <ip> <port>[ @ <master name> <master ip> <master port>]`, where a
 * replica's or Sentinel's name is its `ip:port`. Undefined: it names a Sentinel that cannot be
 * reached, and the message is left out.
 */
export async function translateEvent(channel: string, payload: string, to: AddressTranslator): Promise<string | undefined> {
  const words = payload.split(' ');
  if (channel === '+switch-master' && words.length === 5) {
    const [name, oldIp, oldPort, newIp, newPort] = words as [string, string, string, string, string];
    const [from, target] = await Promise.all([to.data(oldIp, Number(oldPort)), to.data(newIp, Number(newPort))]);
    return [name, from.host, String(from.port), target.host, String(target.port)].join(' ');
  }
  const type = words[0];
  if ((type !== 'master' && type !== 'slave' && type !== 'sentinel') || words.length < 4) return payload;
  const ip = words[2]!;
  const port = Number(words[3]);
  if (!Number.isInteger(port)) return payload;
  const local = type === 'sentinel' ? await to.sentinel(ip, port) : await to.data(ip, port);
  if (!local) return undefined;
  const out = [...words];
  if (out[1] === `${ip}:${port}`) out[1] = `${local.host}:${local.port}`;
  out[2] = local.host;
  out[3] = String(local.port);
  if (out[4] === '@' && out.length >= 8) {
    const masterPort = Number(out[7]);
    if (Number.isInteger(masterPort)) {
      const master = await to.data(out[6]!, masterPort);
      out[6] = master.host;
      out[7] = String(master.port);
    }
  }
  return out.join(' ');
}

/**
 * A pub/sub message (`message`/`pmessage`, RESP2 array or RESP3 push) with its payload translated;
 * undefined for a message to leave out. Other replies are returned as they are.
 */
export async function translateMessage(reply: Reply, to: AddressTranslator): Promise<Reply | undefined> {
  if (reply.type !== 'array' && reply.type !== 'push') return reply;
  const kind = text(reply.items[0])?.toLowerCase();
  const at = kind === 'message' && reply.items.length === 3 ? 1 : kind === 'pmessage' && reply.items.length === 4 ? 2 : -1;
  if (at < 0) return reply;
  const channel = text(reply.items[at]);
  const payload = text(reply.items[at + 1]);
  if (channel === undefined || payload === undefined) return reply;
  const translated = await translateEvent(channel, payload, to);
  if (translated === undefined) return undefined;
  const items = [...reply.items];
  items[at + 1] = bulk(translated);
  return { type: reply.type, items };
}

const PUBSUB_KINDS = new Set(['message', 'pmessage', 'smessage', 'subscribe', 'psubscribe', 'ssubscribe', 'unsubscribe', 'punsubscribe', 'sunsubscribe']);

/** A reply that answers no command in the client's queue: a RESP3 push, or a RESP2 pub/sub message or (un)subscribe confirmation. */
export function isUnsolicited(reply: Reply): boolean {
  if (reply.type === 'push') return true;
  if (reply.type !== 'array' || reply.items.length < 3) return false;
  const kind = reply.items[0];
  return kind?.type === 'bulk' && PUBSUB_KINDS.has(kind.value.toString('latin1').toLowerCase());
}

function word(arg: Buffer | undefined): string {
  return arg ? arg.toString('latin1').toUpperCase() : '';
}

function text(reply: Reply | undefined): string | undefined {
  if (!reply) return undefined;
  if (reply.type === 'bulk' || reply.type === 'simple' || reply.type === 'verbatim') return reply.value.toString('utf8');
  if (reply.type === 'integer') return reply.value.toString();
  return undefined;
}

const bulk = (value: string): Reply => ({ type: 'bulk', value: Buffer.from(value, 'utf8') });
