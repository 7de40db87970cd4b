/**
 * The local endpoint's translation of Sentinel replies and events: every pod address a local
 * client could see becomes the address of its local forward, and nothing else changes.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { commandPolicy, isUnsolicited, translateEvent, translateInfo, translateMessage, translateReply, upstreamArgs, type AddressTranslator } from '../../../src/valkey/localEndpoint/translate';
import { encodeReply } from '../../../src/valkey/localEndpoint/encodeReply';
import { RespParser } from '../../../src/valkey/resp/parser';
import { formatReply } from '../../../src/valkey/resp/format';
import type { Reply } from '../../../src/valkey/resp/reply';

/** Pod 10.0.0.N:6379 is forwarded to 127.0.0.1:4000+N; Sentinel 10.0.1.N:26379 has an endpoint on 5000+N, except 10.0.1.9. */
const translator: AddressTranslator = {
  data: (ip, port) => Promise.resolve({ host: '127.0.0.1', port: port === 6379 && ip.startsWith('10.0.0.') ? 4000 + Number(ip.split('.')[3]) : 1 }),
  sentinel: (ip) => Promise.resolve(ip === '10.0.1.9' ? undefined : { host: '127.0.0.1', port: 5000 + Number(ip.split('.')[3]) }),
};

const bulk = (value: string): Reply => ({ type: 'bulk', value: Buffer.from(value) });
const array = (...items: Reply[]): Reply => ({ type: 'array', items });
const record = (fields: Record<string, string>): Reply => array(...Object.entries(fields).flatMap(([k, v]) => [bulk(k), bulk(v)]));
const args = (...words: string[]): Buffer[] => words.map((w) => Buffer.from(w));

function parse(bytes: Buffer): Reply[] {
  const replies: Reply[] = [];
  new RespParser((r) => replies.push(r)).feed(bytes);
  return replies;
}

describe('which commands are sent to the real Sentinel', () => {
  test('queries are sent, with their replies translated by kind', () => {
    assert.deepEqual(commandPolicy(args('SENTINEL', 'get-master-addr-by-name', 'm')), { action: 'forward', reply: 'address' });
    assert.deepEqual(commandPolicy(args('sentinel', 'GET-PRIMARY-ADDR-BY-NAME', 'm')), { action: 'forward', reply: 'address' });
    assert.deepEqual(commandPolicy(args('SENTINEL', 'masters')), { action: 'forward', reply: 'masters' });
    assert.deepEqual(commandPolicy(args('SENTINEL', 'primary', 'm')), { action: 'forward', reply: 'master' });
    assert.deepEqual(commandPolicy(args('SENTINEL', 'slaves', 'm')), { action: 'forward', reply: 'replicas' });
    assert.deepEqual(commandPolicy(args('SENTINEL', 'sentinels', 'm')), { action: 'forward', reply: 'sentinels' });
    assert.deepEqual(commandPolicy(args('INFO')), { action: 'forward', reply: 'info' });
    for (const words of [['PING'], ['HELLO', '3'], ['AUTH', 'x'], ['CLIENT', 'SETNAME', 'app'], ['CLIENT', 'SETINFO', 'lib-name', 'x'], ['ROLE'], ['SENTINEL', 'CKQUORUM', 'm'], ['NOSUCH']]) {
      assert.deepEqual(commandPolicy(args(...words)), { action: 'forward', reply: 'asIs' }, words.join(' '));
    }
    assert.deepEqual(commandPolicy(args('PSUBSCRIBE', '*')), { action: 'subscription' });
  });

  test('changes to the Sentinels, Sentinel votes and actions on other clients are refused with an error naming the command', () => {
    for (const words of [['SENTINEL', 'FAILOVER', 'm'], ['SENTINEL', 'SET', 'm', 'quorum', '1'], ['SENTINEL', 'REMOVE', 'm'], ['SENTINEL', 'CONFIG', 'SET', 'resolve-hostnames', 'yes'], ['SHUTDOWN'], ['ACL', 'SETUSER', 'x'], ['CLIENT', 'KILL', 'TYPE', 'normal'], ['PUBLISH', 'x', 'y']]) {
      const policy = commandPolicy(args(...words));
      assert.equal(policy.action, 'refuse', words.join(' '));
      assert.ok(policy.action === 'refuse' && policy.message.startsWith('ERR the local Sentinel endpoint of Valkey on Welkin only answers queries'));
      assert.ok(policy.action === 'refuse' && policy.message.includes(words.slice(0, words[0] === 'SENTINEL' || words[0] === 'CLIENT' ? 2 : 1).join(' ')), policy.action === 'refuse' ? policy.message : '');
    }
    const vote = commandPolicy(args('SENTINEL', 'is-master-down-by-addr', '10.0.0.1', '6379', '0', '*'));
    assert.ok(vote.action === 'refuse' && /vote among themselves/.test(vote.message));
    assert.deepEqual(commandPolicy(args('ACL', 'WHOAMI')), { action: 'forward', reply: 'asIs' });
  });

  test('the newer "primary" subcommands reach a Sentinel by the names every version knows', () => {
    assert.deepEqual(upstreamArgs(args('SENTINEL', 'get-primary-addr-by-name', 'm')).map(String), ['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', 'm']);
    assert.deepEqual(upstreamArgs(args('sentinel', 'primaries')).map(String), ['sentinel', 'MASTERS']);
    assert.deepEqual(upstreamArgs(args('SENTINEL', 'replicas', 'm')).map(String), ['SENTINEL', 'replicas', 'm']);
  });
});

describe('replies', () => {
  test('get-master-addr-by-name: the forward of the primary; a newer +switch-master wins over a Sentinel that has not heard of it', async () => {
    assert.equal(formatReply(await translateReply('address', array(bulk('10.0.0.2'), bulk('6379')), translator)), '1) "127.0.0.1"\n2) "4002"\n');
    const after = { ...translator, replacement: (ip: string) => (ip === '10.0.0.2' ? { ip: '10.0.0.3', port: 6379 } : undefined) };
    assert.equal(formatReply(await translateReply('address', array(bulk('10.0.0.2'), bulk('6379')), after)), '1) "127.0.0.1"\n2) "4003"\n');
    assert.deepEqual(await translateReply('address', { type: 'null' }, translator), { type: 'null' }, 'an unknown master stays nil');
  });

  test('MASTERS and REPLICAS records (RESP2 arrays and RESP3 maps): ip, port, a replica’s ip:port name and its master-host/port; other fields kept', async () => {
    const master = record({ name: 'm', ip: '10.0.0.1', port: '6379', flags: 'master', 'num-slaves': '2' });
    const translated = await translateReply('masters', array(master), translator);
    assert.equal(formatReply(translated), formatReply(array(record({ name: 'm', ip: '127.0.0.1', port: '4001', flags: 'master', 'num-slaves': '2' }))));
    const replica = { type: 'map', entries: [[bulk('name'), bulk('10.0.0.2:6379')], [bulk('ip'), bulk('10.0.0.2')], [bulk('port'), bulk('6379')], [bulk('master-host'), bulk('10.0.0.1')], [bulk('master-port'), bulk('6379')], [bulk('flags'), bulk('slave')]] } as const satisfies Reply;
    const replicas = await translateReply('replicas', array(replica), translator);
    assert.deepEqual(replicas, array({ type: 'map', entries: [[bulk('name'), bulk('127.0.0.1:4002')], [bulk('ip'), bulk('127.0.0.1')], [bulk('port'), bulk('4002')], [bulk('master-host'), bulk('127.0.0.1')], [bulk('master-port'), bulk('4001')], [bulk('flags'), bulk('slave')]] }));
  });

  test('SENTINELS: each Sentinel becomes its local endpoint; one that cannot be reached is left out', async () => {
    const reply = array(record({ name: 'a1b2', ip: '10.0.1.2', port: '26379' }), record({ name: 'c3d4', ip: '10.0.1.9', port: '26379' }));
    assert.equal(formatReply(await translateReply('sentinels', reply, translator)), formatReply(array(record({ name: 'a1b2', ip: '127.0.0.1', port: '5002' }))));
  });

  test('errors are passed on as they are', async () => {
    const error: Reply = { type: 'error', value: Buffer.from("ERR No such master with that name") };
    assert.equal(await translateReply('master', error, translator), error);
  });

  test('INFO: the address of each monitored master; INFO-CACHE texts: master_host/port and replica lines', async () => {
    assert.equal(await translateInfo('# Sentinel\r\nsentinel_masters:1\r\nmaster0:name=m,status=ok,address=10.0.0.1:6379,slaves=2,sentinels=3\r\n', translator), '# Sentinel\r\nsentinel_masters:1\r\nmaster0:name=m,status=ok,address=127.0.0.1:4001,slaves=2,sentinels=3\r\n');
    assert.equal(await translateInfo('role:slave\r\nmaster_host:10.0.0.1\r\nmaster_port:6379\r\n', translator), 'role:slave\r\nmaster_host:127.0.0.1\r\nmaster_port:4001\r\n');
    assert.equal(await translateInfo('slave0:ip=10.0.0.3,port=6379,state=online,offset=1,lag=0\r\n', translator), 'slave0:ip=127.0.0.1,port=4003,state=online,offset=1,lag=0\r\n');
  });
});

describe('events', () => {
  test('+switch-master names the local forwards of the old and the new primary', async () => {
    assert.equal(await translateEvent('+switch-master', 'm 10.0.0.1 6379 10.0.0.2 6379', translator), 'm 127.0.0.1 4001 127.0.0.1 4002');
  });

  test('instance events: the instance, its ip:port name and its master after "@"', async () => {
    assert.equal(await translateEvent('+sdown', 'master m 10.0.0.1 6379', translator), 'master m 127.0.0.1 4001');
    assert.equal(await translateEvent('+slave', 'slave 10.0.0.3:6379 10.0.0.3 6379 @ m 10.0.0.1 6379', translator), 'slave 127.0.0.1:4003 127.0.0.1 4003 @ m 127.0.0.1 4001');
    assert.equal(await translateEvent('+sentinel', 'sentinel a1b2 10.0.1.2 26379 @ m 10.0.0.1 6379', translator), 'sentinel a1b2 127.0.0.1 5002 @ m 127.0.0.1 4001');
    assert.equal(await translateEvent('+sentinel', 'sentinel c3d4 10.0.1.9 26379 @ m 10.0.0.1 6379', translator), undefined, 'an unreachable Sentinel is not announced');
    assert.equal(await translateEvent('+tilt', '#tilt mode entered', translator), '#tilt mode entered');
  });

  test('message and pmessage (RESP2 and RESP3) carry the translated payload; confirmations are unsolicited and unchanged', async () => {
    const message = array(bulk('message'), bulk('+switch-master'), bulk('m 10.0.0.1 6379 10.0.0.2 6379'));
    assert.deepEqual(await translateMessage(message, translator), array(bulk('message'), bulk('+switch-master'), bulk('m 127.0.0.1 4001 127.0.0.1 4002')));
    const pmessage: Reply = { type: 'push', items: [bulk('pmessage'), bulk('*'), bulk('+odown'), bulk('master m 10.0.0.1 6379 #quorum 2/2')] };
    assert.deepEqual(await translateMessage(pmessage, translator), { type: 'push', items: [bulk('pmessage'), bulk('*'), bulk('+odown'), bulk('master m 127.0.0.1 4001 #quorum 2/2')] });
    const confirmation = array(bulk('subscribe'), bulk('+switch-master'), { type: 'integer', value: 1n });
    assert.ok(isUnsolicited(confirmation) && isUnsolicited(message));
    assert.equal(isUnsolicited(array(bulk('pong'), bulk(''))), false, 'PING in subscribed mode answers the PING');
    assert.equal(await translateMessage(confirmation, translator), confirmation);
  });
});

describe('encoding replies again', () => {
  test('what the parser read encodes back to the same bytes (RESP2 and RESP3)', () => {
    for (const wire of ['+OK\r\n', '-ERR no\r\n', ':42\r\n', '$3\r\nabc\r\n', '*2\r\n$1\r\na\r\n:1\r\n', '%1\r\n+proto\r\n:3\r\n', '~1\r\n+x\r\n', '>3\r\n$7\r\nmessage\r\n$1\r\nc\r\n$1\r\np\r\n', ',3.5\r\n', '#t\r\n', '(12345678901234567890\r\n', '=8\r\ntxt:some\r\n']) {
      const [reply] = parse(Buffer.from(wire));
      assert.equal(encodeReply(reply!).toString('latin1'), wire);
    }
    assert.equal(encodeReply({ type: 'null' }, 2).toString(), '$-1\r\n');
    assert.equal(encodeReply({ type: 'null' }, 3).toString(), '_\r\n');
  });
});
