import { ruleDocsUrl } from '../../constants/links';
import { FixCommands, GoLiveLinks, item, unchecked, type CheckItem } from '../model';

export interface CodeFinding {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly rule: string;
  readonly message: string;
}

export interface CodeInput {
  /** Why the code could not be looked at (no workspace, no source files). */
  readonly unavailable?: string | undefined;
  /** The source files linted, with their text (for the client's configuration). */
  readonly files: readonly { readonly file: string; readonly text: string }[];
  readonly findings: readonly CodeFinding[];
}

const LINK = { title: 'Welkin guide: use a client library with Sentinel support', url: GoLiveLinks.guide };

/**
 * How each client library is told to go through Sentinel (text patterns of the documented APIs:
 * the lint's syntax trees know which values are clients, not how they were configured).
 */
const SENTINEL_AWARE: readonly { readonly library: string; readonly pattern: RegExp }[] = [
  { library: 'ioredis / iovalkey', pattern: /\bsentinels\s*:/ },
  { library: 'node-redis', pattern: /\bcreateSentinel\s*\(/ },
  { library: 'redis-py / valkey-py', pattern: /\bSentinel\s*\(/ },
  { library: 'django-redis', pattern: /SentinelConnectionFactory|\bSENTINELS\b/ },
  { library: 'go-redis', pattern: /\bNewFailoverClient\s*\(|\bFailoverOptions\b|\bNewFailoverClusterClient\s*\(/ },
  { library: 'valkey-go / rueidis', pattern: /\bSentinelOption\b/ },
  { library: 'Jedis', pattern: /\bJedisSentinelPool\b/ },
  { library: 'Spring Data Redis', pattern: /\bRedisSentinelConfiguration\b|spring\.(data\.)?redis\.sentinel/ },
  { library: 'Lettuce', pattern: /redis-sentinel:\/\/|\.withSentinel\s*\(|RedisURI\.Builder\.sentinel\s*\(/ },
  { library: 'redis-rb', pattern: /\bsentinels\s*:|:sentinels\s*=>/ },
  { library: 'phpredis / Predis', pattern: /\bRedisSentinel\b|['"]replication['"]\s*=>\s*['"]sentinel['"]/ },
  { library: 'StackExchange.Redis', pattern: /\bServiceName\s*=|serviceName=/ },
];

/** Connect and command timeouts, in each library's spelling. */
const TIMEOUTS = /\b(connectTimeout|commandTimeout|socket_timeout|socket_connect_timeout|DialTimeout|ReadTimeout|WriteTimeout|connect_timeout|read_timeout|setConnectTimeout|setTimeout|ConnectTimeout|SyncTimeout|AsyncTimeout|syncTimeout|connectionTimeout|redis\.timeout)\b/;

const ENV = { host: /\b(VALKEY|REDIS)_SENTINEL_HOST\b/, port: /\b(VALKEY|REDIS)_SENTINEL_PORT\b/ };

const where = (f: CodeFinding): string => `${f.file}:${f.line}`;

/** 6. The code: a Sentinel-aware client reading the app ConfigMap's variables, no sentinel-as-server, KEYS and missing TTLs counted. */
export function checkCode(input: CodeInput): CheckItem {
  if (input.unavailable) return unchecked('code', input.unavailable, 'workspace', LINK);
  if (input.files.length === 0) return unchecked('code', 'no source files in the languages the lint knows', 'workspace', LINK);
  const byRule = (rule: string): CodeFinding[] => input.findings.filter((f) => f.rule === rule);
  const sentinelAsServer = byRule('sentinel-as-server');
  const keys = byRule('no-keys');
  const ttl = byRule('missing-ttl');
  const aware = input.files.flatMap((f) => SENTINEL_AWARE.filter((s) => s.pattern.test(f.text)).map((s) => ({ file: f.file, library: s.library })));
  const readsHost = input.files.filter((f) => ENV.host.test(f.text)).map((f) => f.file);
  const readsPort = input.files.filter((f) => ENV.port.test(f.text)).map((f) => f.file);
  const timeouts = input.files.filter((f) => TIMEOUTS.test(f.text)).map((f) => f.file);
  const fails: string[] = [];
  const warns: string[] = [];
  const oks: string[] = [];
  if (aware.length === 0) fails.push('No Sentinel-aware client configuration found (sentinels/Sentinel/FailoverClient/JedisSentinelPool…): a plain client cannot follow a failover');
  else oks.push(`Sentinel-aware client: ${[...new Set(aware.map((a) => `${a.library} in ${a.file}`))].join(', ')}`);
  if (readsHost.length === 0 || readsPort.length === 0) fails.push(`The code does not read ${readsHost.length === 0 ? 'VALKEY_SENTINEL_HOST' : ''}${readsHost.length === 0 && readsPort.length === 0 ? ' and ' : ''}${readsPort.length === 0 ? 'VALKEY_SENTINEL_PORT' : ''} (or the REDIS_* names) from the app ConfigMap`);
  else oks.push(`Reads the Sentinel host and port from the environment: ${[...new Set([...readsHost, ...readsPort])].join(', ')}`);
  for (const f of sentinelAsServer) fails.push(`sentinel-as-server at ${where(f)}: ${f.message} (${ruleDocsUrl('sentinel-as-server')})`);
  if (keys.length > 0) warns.push(`${keys.length} KEYS call${keys.length === 1 ? '' : 's'} (no-keys, ${ruleDocsUrl('no-keys')}): ${keys.slice(0, 10).map(where).join(', ')}${keys.length > 10 ? ', …' : ''}`);
  else oks.push('No KEYS calls (no-keys)');
  if (ttl.length > 0) warns.push(`${ttl.length} write${ttl.length === 1 ? '' : 's'} without a TTL (missing-ttl, ${ruleDocsUrl('missing-ttl')}): ${ttl.slice(0, 10).map(where).join(', ')}${ttl.length > 10 ? ', …' : ''}`);
  else oks.push('No writes without a TTL (missing-ttl)');
  if (aware.length > 0 && timeouts.length === 0) warns.push('No connect or command timeout configured on the client: a stalled connection blocks requests until the OS gives up');
  else if (timeouts.length > 0) oks.push(`Timeouts configured: ${timeouts.join(', ')}`);
  const details = [...fails.map((d) => `FAIL ${d}`), ...warns.map((d) => `WARN ${d}`), ...oks.map((d) => `ok ${d}`), `${input.files.length} source file${input.files.length === 1 ? '' : 's'} linted`];
  const fixes = [FixCommands.scanWorkspace, FixCommands.copySnippet];
  if (fails.length > 0) return item('code', { status: 'fail', summary: fails[0]!, details, link: LINK, fixes, source: 'workspace' });
  if (warns.length > 0) return item('code', { status: 'warn', summary: `The client goes through Sentinel; ${warns.length} thing${warns.length === 1 ? '' : 's'} to look at.`, details, link: LINK, fixes, source: 'workspace' });
  return item('code', { status: 'pass', summary: 'A Sentinel-aware client reads the app ConfigMap; no KEYS, no writes without TTL.', details, link: LINK, fixes: [], source: 'workspace' });
}
