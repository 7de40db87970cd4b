/**
 * A keyspace for the sandbox's key browser: a few hundred keys of every type under the prefixes a
 * shop would use, some with a TTL (sessions, caches, rate limits) and some without, one large hash
 * and one key whose name is not UTF-8.
 */
import { RespConnection, type Arg } from '../src/valkey/connection';

export interface SeedTarget {
  readonly host: string;
  readonly port: number;
}

/** Writes the keys on the primary (pipelined); resolves with how many keys there are then. */
export async function seedKeys(primary: SeedTarget, password?: string): Promise<number> {
  const opened = await RespConnection.open({ host: primary.host, port: primary.port, label: 'seed', timeoutMs: 10_000 });
  if (!opened.ok) throw new Error(`seeding keys: ${opened.error.message}`);
  const c = opened.value;
  try {
    const commands: Arg[][] = [];
    if (password) commands.push(['AUTH', password]);
    for (let i = 1; i <= 120; i++) {
      commands.push(['HSET', `user:${1000 + i}:profile`, 'name', `User ${i}`, 'email', `user${i}@example.com`, 'plan', i % 5 === 0 ? 'pro' : 'free']);
      if (i % 2 === 0) commands.push(['SET', `session:${hex(i * 7919)}`, JSON.stringify({ userId: 1000 + i, cart: `cart:${1000 + i}`, createdAt: 1_700_000_000 + i }), 'EX', String(1800 + i * 10)]);
      if (i % 3 === 0) commands.push(['HSET', `cart:${1000 + i}`, `sku-${i}`, String(i % 4 + 1), `sku-${i + 7}`, '1']);
    }
    for (let i = 1; i <= 60; i++) {
      commands.push(['SET', `cache:product:${i}`, JSON.stringify({ id: i, name: `Product ${i}`, price: (i * 3.5).toFixed(2), tags: ['shop', i % 2 ? 'odd' : 'even'] }), 'EX', '3600']);
      commands.push(['SADD', `tags:product:${i}`, 'shop', i % 2 ? 'odd' : 'even', `group-${i % 6}`]);
      if (i % 4 === 0) commands.push(['SET', `rate:ip:10.0.${i}.7`, String(i), 'EX', '60']);
    }
    commands.push(['RPUSH', 'queue:emails', ...Array.from({ length: 25 }, (_, i) => `{"to":"user${i}@example.com","template":"welcome"}`)]);
    commands.push(['ZADD', 'leaderboard:weekly', ...Array.from({ length: 40 }, (_, i) => [String((40 - i) * 125), `player:${i + 1}`]).flat()]);
    for (let i = 1; i <= 30; i++) commands.push(['XADD', 'events:orders', '*', 'order', String(5000 + i), 'status', i % 3 ? 'paid' : 'shipped']);
    commands.push(['HSET', 'config:feature-flags', 'checkout-v2', 'on', 'dark-mode', 'off', 'recommendations', 'on']);
    commands.push(['HSET', 'catalog:index', ...Array.from({ length: 1500 }, (_, i) => [`sku-${i}`, `Product ${i}`]).flat()]);
    commands.push(['SET', 'greeting', 'Hello from the Welkin sandbox']);
    commands.push(['SET', Buffer.from([0x62, 0x69, 0x6e, 0x3a, 0xff, 0xfe, 0x00]), Buffer.from([0x00, 0x01, 0x02, 0xfe])]);
    const replies = await Promise.all(commands.map((args) => c.send(args)));
    const failed = replies.find((r) => !r.ok || r.value.type === 'error');
    if (failed) throw new Error(`seeding keys: ${JSON.stringify(failed)}`);
    const size = await c.send(['DBSIZE']);
    return size.ok && size.value.type === 'integer' ? Number(size.value.value) : 0;
  } finally {
    c.close();
  }
}

const hex = (n: number): string => n.toString(16).padStart(8, '0');
