/**
 * Integration-test fixture: a real Sentinel topology (1 primary, 2 replicas,
 * 3 sentinels) made of `redis-server` / `redis-sentinel` processes, each bound
 * to its own loopback address so that it looks like a Kubernetes pod with its
 * own IP. See test/support/README.md for usage.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { accessSync, constants as fsConstants, rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import Redis from 'iovalkey';

export interface Address {
  readonly host: string;
  readonly port: number;
}

export type NodeKind = 'data' | 'sentinel';

export interface ProcessInfo {
  readonly kind: NodeKind;
  readonly address: Address;
  /** Pid of the current (or last) process for this address. */
  readonly pid: number | undefined;
  readonly running: boolean;
  /** Temp dir holding the generated config file (removed by `stop()`). */
  readonly dir: string;
}

export interface TopologyOptions {
  /** Sentinel master name; product code must not assume the default. */
  readonly masterName?: string;
  /** Sets requirepass/masterauth on data nodes and `sentinel auth-pass`. Sentinels themselves stay open. */
  readonly password?: string;
  /** Deadline for startup, failover, startNode and waitUntilHealthy. */
  readonly timeoutMs?: number;
  readonly downAfterMilliseconds?: number;
  readonly sentinelFailoverTimeoutMs?: number;
  readonly dataPort?: number;
  readonly sentinelPort?: number;
  /**
   * Data nodes speak TLS only (replication too); the Sentinels listen on plain TCP and reach the
   * data nodes over TLS. The fixture's own clients and `redisCli` use TLS for the data nodes.
   */
  readonly tls?: TopologyTls;
}

export interface TopologyTls {
  readonly certFile: string;
  readonly keyFile: string;
  readonly caFile: string;
  /** The PEM in `caFile`, for the fixture's own clients. */
  readonly caPem: string;
  /** A name the servers' certificate carries (sent as SNI, verified by the clients). */
  readonly servername: string;
  /** The Sentinels listen on TLS only too. */
  readonly sentinels?: boolean;
}

/** Data-node addresses of running TLS topologies: their clients must speak TLS. */
const tlsAddresses = new Map<string, TopologyTls>();

export interface Topology {
  readonly masterName: string;
  readonly password: string | undefined;
  /** The primary as started; after `failover()` ask `currentPrimary()`. */
  readonly primary: Address;
  /** The replicas as started. */
  readonly replicas: readonly Address[];
  readonly sentinels: readonly Address[];
  /** All data nodes (primary first, then replicas). */
  readonly nodes: readonly Address[];
  /** The primary according to the first running sentinel that answers. */
  currentPrimary(): Promise<Address>;
  /**
   * Runs SENTINEL FAILOVER and resolves once every running sentinel agrees on
   * a new primary, which reports role master, and the old primary (if running)
   * reports role slave. Resolves with the new primary.
   */
  failover(): Promise<Address>;
  /** Stops one process (SIGTERM, SIGKILL after 2 s), like a pod going away. */
  stopNode(address: Address): Promise<void>;
  /** Restarts a stopped process with its (possibly rewritten) config and waits for PING. */
  startNode(address: Address): Promise<void>;
  /**
   * Waits until every process runs and every sentinel reports the current
   * primary, all other data nodes as healthy replicas and both other sentinels.
   */
  waitUntilHealthy(): Promise<void>;
  /** Kills every process and removes the temp dirs. Idempotent. */
  stop(): Promise<void>;
  /** Tail of every process's log, labelled by address. */
  logs(linesPerProcess?: number): string;
  processes(): ProcessInfo[];
}

const MISSING_BINARIES_MESSAGE =
  'redis-server/redis-sentinel not found on PATH: install them with "apt-get install -y redis-server redis-sentinel"';
const DEFAULT_MASTER_NAME = 'mymaster';
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_DATA_PORT = 6379;
const DEFAULT_SENTINEL_PORT = 26379;
const QUORUM = 2;
const KILL_GRACE_MS = 2_000;
const POLL_INTERVAL_MS = 150;
const CLIENT_TIMEOUT_MS = 2_000;
const MAX_SUBNET_ATTEMPTS = 8;
const LOG_LINES_KEPT = 300;
const ADDRESS_IN_USE_LOG = 'Address already in use';

// ---------------------------------------------------------------------------
// Process-wide safety net: children die with the test process.
// ---------------------------------------------------------------------------

const liveChildren = new Set<ChildProcess>();
const liveTempDirs = new Set<string>();
const liveTopologies = new Set<RunningTopology>();
let processHooksInstalled = false;

function installProcessHooks(): void {
  if (processHooksInstalled) return;
  processHooksInstalled = true;
  process.on('exit', killEverythingSync);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => stopAllThenReraise(signal));
  }
}

function killEverythingSync(): void {
  for (const child of liveChildren) child.kill('SIGKILL');
  for (const dir of liveTempDirs) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // Best effort while the process is exiting.
    }
  }
}

function stopAllThenReraise(signal: NodeJS.Signals): void {
  const stops = [...liveTopologies].map((topology) => topology.stop());
  void Promise.allSettled(stops).then(() => process.kill(process.pid, signal));
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, fsConstants.X_OK);
      return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return undefined;
}

function formatAddress(address: Address): string {
  return `${address.host}:${address.port}`;
}

function sameAddress(a: Address, b: Address): boolean {
  return a.host === b.host && a.port === b.port;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves true if `promise` settles within `ms`, false otherwise. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Quotes a value for a redis.conf line. */
function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, (character) => `\\${character}`)}"`;
}

/** Turns a flat [key, value, key, value, ...] reply into a record. */
function toRecord(reply: unknown): Record<string, string> {
  if (!Array.isArray(reply)) throw new Error(`Unexpected reply: ${JSON.stringify(reply)}`);
  const record: Record<string, string> = {};
  for (let index = 0; index + 1 < reply.length; index += 2) {
    record[String(reply[index])] = String(reply[index + 1]);
  }
  return record;
}

function toRecords(reply: unknown): Record<string, string>[] {
  if (!Array.isArray(reply)) throw new Error(`Unexpected reply: ${JSON.stringify(reply)}`);
  return reply.map(toRecord);
}

function toAddress(reply: unknown): Address {
  if (!Array.isArray(reply) || reply.length !== 2) {
    throw new Error(`Unexpected address reply: ${JSON.stringify(reply)}`);
  }
  return { host: String(reply[0]), port: Number(reply[1]) };
}

function recordAddress(record: Record<string, string>): Address {
  return { host: record.ip ?? '?', port: Number(record.port) };
}

/** Opens a short-lived client that never retries, runs `use`, and always disconnects. */
async function withClient<T>(
  address: Address,
  password: string | undefined,
  use: (client: Redis) => Promise<T>,
): Promise<T> {
  const tls = tlsAddresses.get(formatAddress(address));
  const client = new Redis({
    host: address.host,
    port: address.port,
    ...(tls ? { tls: { ca: tls.caPem, servername: tls.servername } } : {}),
    ...(password === undefined ? {} : { password }),
    lazyConnect: true,
    connectTimeout: CLIENT_TIMEOUT_MS,
    commandTimeout: CLIENT_TIMEOUT_MS,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
  });
  // Failures surface through the awaited promises; this only silences the event.
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await use(client);
  } finally {
    client.disconnect();
  }
}

async function roleOf(address: Address, password: string | undefined): Promise<string> {
  const reply = await withClient(address, password, (client) => client.call('ROLE'));
  if (!Array.isArray(reply)) throw new Error(`Unexpected ROLE reply: ${JSON.stringify(reply)}`);
  return String(reply[0]);
}

type Probe<T> = { readonly done: true; readonly value: T } | { readonly done: false; readonly state: string };

interface PollOptions<T> {
  readonly what: string;
  readonly timeoutMs: number;
  readonly probe: () => Promise<Probe<T>>;
  /** Returns a reason to give up at once (e.g. a process died), or undefined. */
  readonly fatal: () => string | undefined;
  readonly diagnostics: () => string;
}

async function pollUntil<T>(options: PollOptions<T>): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastState: string;
  for (;;) {
    const fatal = options.fatal();
    if (fatal !== undefined) {
      throw new Error(`Gave up waiting for ${options.what}: ${fatal}\n\n${options.diagnostics()}`);
    }
    try {
      const result = await options.probe();
      if (result.done) return result.value;
      lastState = result.state;
    } catch (error) {
      lastState = errorMessage(error);
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `Timed out after ${options.timeoutMs} ms waiting for ${options.what}.\n` +
          `Last observed state:\n${lastState}\n\n${options.diagnostics()}`,
      );
    }
    await delay(POLL_INTERVAL_MS);
  }
}

// ---------------------------------------------------------------------------
// One process (data node or sentinel)
// ---------------------------------------------------------------------------

class LogTail {
  private readonly lines: string[] = [];

  attach(stream: Readable): void {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const pieces = (partial + chunk).split('\n');
      partial = pieces.pop() ?? '';
      for (const line of pieces) this.add(line);
    });
    stream.on('end', () => {
      if (partial !== '') this.add(partial);
      partial = '';
    });
  }

  add(line: string): void {
    this.lines.push(line);
    if (this.lines.length > LOG_LINES_KEPT) this.lines.splice(0, this.lines.length - LOG_LINES_KEPT);
  }

  tail(count: number): string[] {
    return this.lines.slice(-count);
  }

  includes(text: string): boolean {
    return this.lines.some((line) => line.includes(text));
  }
}

/** Lets the test process exit even if a test forgot stop(); the exit hook then kills the child. */
function unrefStream(stream: Readable | null): void {
  if (stream instanceof Socket) stream.unref();
}

class ManagedProcess {
  readonly log = new LogTail();
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private alive = false;

  constructor(
    readonly kind: NodeKind,
    readonly address: Address,
    readonly dir: string,
    readonly configPath: string,
    private readonly binary: string,
  ) {}

  get running(): boolean {
    return this.alive;
  }

  get label(): string {
    return `${this.kind} ${formatAddress(this.address)}`;
  }

  info(): ProcessInfo {
    return { kind: this.kind, address: this.address, pid: this.child?.pid, running: this.alive, dir: this.dir };
  }

  start(): void {
    if (this.alive) throw new Error(`${this.label} is already running`);
    const child = spawn(this.binary, [this.configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.alive = true;
    liveChildren.add(child);
    if (child.stdout) this.log.attach(child.stdout);
    if (child.stderr) this.log.attach(child.stderr);
    this.exited = new Promise<void>((resolve) => {
      const finish = (reason: string): void => {
        if (this.child === child) this.alive = false;
        liveChildren.delete(child);
        this.log.add(`[fixture] ${reason}`);
        resolve();
      };
      child.once('exit', (code, signal) => finish(`process ${child.pid} exited (code ${code}, signal ${signal})`));
      child.once('error', (error) => finish(`process failed: ${error.message}`));
    });
    child.unref();
    unrefStream(child.stdout);
    unrefStream(child.stderr);
  }

  /** SIGTERM, then SIGKILL after the grace period; resolves once the process is reaped. */
  async terminate(): Promise<void> {
    const child = this.child;
    if (!this.alive || child === undefined) return;
    // Keep the event loop alive until the exit event arrives.
    child.ref();
    child.kill('SIGTERM');
    if (!(await settlesWithin(this.exited, KILL_GRACE_MS))) {
      child.kill('SIGKILL');
      await this.exited;
    }
  }
}

// ---------------------------------------------------------------------------
// Config files
// ---------------------------------------------------------------------------

interface TopologySettings {
  readonly masterName: string;
  readonly password: string | undefined;
  readonly timeoutMs: number;
  readonly downAfterMilliseconds: number;
  readonly sentinelFailoverTimeoutMs: number;
  readonly dataPort: number;
  readonly sentinelPort: number;
  readonly tls: TopologyTls | undefined;
}

/** TLS files for a server, and TLS for the connections it opens to data nodes (replication, Sentinel). */
function tlsConfig(tls: TopologyTls): string[] {
  return [`tls-cert-file ${quote(tls.certFile)}`, `tls-key-file ${quote(tls.keyFile)}`, `tls-ca-cert-file ${quote(tls.caFile)}`, 'tls-auth-clients no', 'tls-replication yes'];
}

function commonConfig(address: Address, dir: string): string[] {
  return [
    `bind ${address.host}`,
    `port ${address.port}`,
    `dir ${quote(dir)}`,
    'daemonize no',
    'protected-mode no',
    'logfile ""',
  ];
}

function dataNodeConfig(address: Address, dir: string, primary: Address, settings: TopologySettings): string {
  const lines = [...commonConfig(address, dir), 'save ""', 'appendonly no', 'repl-diskless-sync-delay 0'];
  // Every data node announces its own IP: the primary becomes a replica after a failover,
  // and without this it would announce the kernel's loopback source address (127.0.0.1).
  lines.push(`replica-announce-ip ${address.host}`);
  if (!sameAddress(address, primary)) lines.push(`replicaof ${primary.host} ${primary.port}`);
  if (settings.password !== undefined) {
    lines.push(`requirepass ${quote(settings.password)}`, `masterauth ${quote(settings.password)}`);
  }
  if (settings.tls) {
    // TLS only: the plain port is closed and the TLS one takes its number.
    const at = lines.indexOf(`port ${address.port}`);
    lines.splice(at, 1, 'port 0', `tls-port ${address.port}`);
    lines.push(...tlsConfig(settings.tls));
  }
  return `${lines.join('\n')}\n`;
}

function sentinelConfig(address: Address, dir: string, primary: Address, settings: TopologySettings): string {
  const name = quote(settings.masterName);
  // No bind-source-addr here: with it, redis-sentinel 7.0 silently never connects to the primary.
  const lines = [
    ...commonConfig(address, dir),
    'sentinel resolve-hostnames no',
    `sentinel announce-ip ${address.host}`,
    `sentinel monitor ${name} ${primary.host} ${primary.port} ${QUORUM}`,
    `sentinel down-after-milliseconds ${name} ${settings.downAfterMilliseconds}`,
    `sentinel failover-timeout ${name} ${settings.sentinelFailoverTimeoutMs}`,
    `sentinel parallel-syncs ${name} 1`,
  ];
  if (settings.password !== undefined) lines.push(`sentinel auth-pass ${name} ${quote(settings.password)}`);
  if (settings.tls) {
    if (settings.tls.sentinels) lines.splice(lines.indexOf(`port ${address.port}`), 1, 'port 0', `tls-port ${address.port}`);
    lines.push(...tlsConfig(settings.tls));
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------

interface Layout {
  readonly primary: Address;
  readonly replicas: readonly Address[];
  readonly sentinels: readonly Address[];
}

function randomLayout(settings: TopologySettings): Layout {
  const prefix = `127.${randomInt(100, 251)}.${randomInt(1, 251)}`;
  const data = (last: number): Address => ({ host: `${prefix}.${last}`, port: settings.dataPort });
  const sentinel = (last: number): Address => ({ host: `${prefix}.${last}`, port: settings.sentinelPort });
  return { primary: data(2), replicas: [data(3), data(4)], sentinels: [sentinel(5), sentinel(6), sentinel(7)] };
}

function allAddresses(layout: Layout): Address[] {
  return [layout.primary, ...layout.replicas, ...layout.sentinels];
}

async function isBindable(address: Address): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') resolve(false);
      else if (error.code === 'EADDRNOTAVAIL') {
        reject(new Error(`Cannot bind ${formatAddress(address)}: this fixture needs all of 127.0.0.0/8 on lo (Linux)`));
      } else reject(error);
    });
    server.listen({ host: address.host, port: address.port, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

async function layoutIsFree(layout: Layout): Promise<boolean> {
  const results = await Promise.all(allAddresses(layout).map(isBindable));
  return results.every(Boolean);
}

// ---------------------------------------------------------------------------
// Sentinel observations
// ---------------------------------------------------------------------------

interface SentinelView {
  readonly sentinel: Address;
  readonly master: Record<string, string>;
  readonly replicas: Record<string, string>[];
  readonly sentinels: Record<string, string>[];
}

async function observeSentinel(sentinel: Address, masterName: string): Promise<SentinelView> {
  return withClient(sentinel, undefined, async (client) => ({
    sentinel,
    master: toRecord(await client.call('SENTINEL', 'MASTER', masterName)),
    replicas: toRecords(await client.call('SENTINEL', 'REPLICAS', masterName)),
    sentinels: toRecords(await client.call('SENTINEL', 'SENTINELS', masterName)),
  }));
}

function summarizeView(view: SentinelView): string {
  const entry = (record: Record<string, string>, extra = ''): string =>
    `${formatAddress(recordAddress(record))} [${record.flags ?? '?'}]${extra}`;
  return [
    `sentinel ${formatAddress(view.sentinel)}:`,
    `  master ${entry(view.master)} num-slaves=${view.master['num-slaves']} num-other-sentinels=${view.master['num-other-sentinels']}`,
    ...view.replicas.map((record) => `  replica ${entry(record, ` link=${record['master-link-status'] ?? '?'}`)}`),
    ...view.sentinels.map((record) => `  sentinel ${entry(record)}`),
  ].join('\n');
}

function containsExactly(records: Record<string, string>[], expected: readonly Address[]): boolean {
  const actual = records.map((record) => formatAddress(recordAddress(record))).sort();
  const wanted = expected.map(formatAddress).sort();
  return actual.length === wanted.length && actual.every((address, index) => address === wanted[index]);
}

/** Problems with one sentinel's view of the expected topology; empty when healthy. */
function viewProblems(view: SentinelView, primary: Address, replicas: Address[], otherSentinels: Address[]): string[] {
  const problems: string[] = [];
  const where = formatAddress(view.sentinel);
  if (!sameAddress(recordAddress(view.master), primary)) problems.push(`${where}: master is not ${formatAddress(primary)}`);
  if (view.master.flags !== 'master') problems.push(`${where}: master flags ${view.master.flags}`);
  if (view.master['num-other-sentinels'] !== String(otherSentinels.length)) {
    problems.push(`${where}: num-other-sentinels ${view.master['num-other-sentinels']}`);
  }
  if (!containsExactly(view.replicas, replicas)) problems.push(`${where}: replica set differs`);
  for (const replica of view.replicas) {
    if (replica.flags !== 'slave' || replica['master-link-status'] !== 'ok') {
      problems.push(`${where}: replica ${formatAddress(recordAddress(replica))} unhealthy`);
    }
  }
  if (!containsExactly(view.sentinels, otherSentinels)) problems.push(`${where}: sentinel set differs`);
  return problems;
}

// ---------------------------------------------------------------------------
// The topology
// ---------------------------------------------------------------------------

class RunningTopology implements Topology {
  readonly masterName: string;
  readonly password: string | undefined;
  readonly primary: Address;
  readonly replicas: readonly Address[];
  readonly sentinels: readonly Address[];
  readonly nodes: readonly Address[];
  private readonly members: ManagedProcess[] = [];
  private stopping: Promise<void> | undefined;

  constructor(
    layout: Layout,
    private readonly settings: TopologySettings,
    private readonly binaries: { readonly server: string; readonly sentinel: string },
  ) {
    this.masterName = settings.masterName;
    this.password = settings.password;
    this.primary = layout.primary;
    this.replicas = layout.replicas;
    this.sentinels = layout.sentinels;
    this.nodes = [layout.primary, ...layout.replicas];
    if (settings.tls) for (const node of this.tlsMembers()) tlsAddresses.set(formatAddress(node), settings.tls);
    liveTopologies.add(this);
  }

  /** The processes that speak TLS only: the data nodes, and the Sentinels when asked. */
  private tlsMembers(): Address[] {
    return this.settings.tls?.sentinels ? [...this.nodes, ...this.sentinels] : [...this.nodes];
  }

  // -- lifecycle ------------------------------------------------------------

  async launch(): Promise<void> {
    await this.createMembers();
    this.member(this.primary).start();
    await this.waitForPing([this.primary]);
    for (const replica of this.replicas) this.member(replica).start();
    await this.waitForReplication();
    // Sentinels start after replication is up so that their first INFO of the
    // primary already lists both replicas (the next one is 10 s later).
    for (const sentinel of this.sentinels) this.member(sentinel).start();
    await this.waitUntilHealthy();
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    await Promise.all(this.members.map((member) => member.terminate()));
    await Promise.all(
      this.members.map(async (member) => {
        await rm(member.dir, { recursive: true, force: true, maxRetries: 3 });
        liveTempDirs.delete(member.dir);
      }),
    );
    liveTopologies.delete(this);
    if (this.settings.tls) for (const node of this.tlsMembers()) tlsAddresses.delete(formatAddress(node));
  }

  async stopNode(address: Address): Promise<void> {
    await this.member(address).terminate();
  }

  async startNode(address: Address): Promise<void> {
    this.assertNotStopped();
    this.member(address).start();
    await this.waitForPing([address]);
  }

  // -- queries --------------------------------------------------------------

  async currentPrimary(): Promise<Address> {
    const failures: string[] = [];
    for (const sentinel of this.runningSentinels()) {
      try {
        return await this.primaryAccordingTo(sentinel);
      } catch (error) {
        failures.push(`${formatAddress(sentinel)}: ${errorMessage(error)}`);
      }
    }
    throw new Error(`No sentinel could name the primary of ${this.masterName}:\n${failures.join('\n')}`);
  }

  async failover(): Promise<Address> {
    this.assertNotStopped();
    const oldPrimary = await this.currentPrimary();
    await this.requestFailover();
    return pollUntil({
      what: `sentinels to agree on a new primary after SENTINEL FAILOVER (old primary ${formatAddress(oldPrimary)})`,
      timeoutMs: this.settings.timeoutMs,
      probe: () => this.probeFailoverDone(oldPrimary),
      fatal: () => undefined,
      diagnostics: () => this.logs(),
    });
  }

  async waitUntilHealthy(): Promise<void> {
    await pollUntil({
      what: `Sentinel topology ${this.masterName} to be healthy`,
      timeoutMs: this.settings.timeoutMs,
      probe: () => this.probeHealth(),
      fatal: () => this.deadMembersReason(),
      diagnostics: () => this.logs(),
    });
  }

  logs(linesPerProcess = 40): string {
    return this.members
      .map((member) => {
        const pid = member.info().pid ?? '-';
        const body = member.log.tail(linesPerProcess).join('\n');
        return `==> ${member.label} (pid ${pid}) <==\n${body}`;
      })
      .join('\n\n');
  }

  processes(): ProcessInfo[] {
    return this.members.map((member) => member.info());
  }

  logsInclude(text: string): boolean {
    return this.members.some((member) => member.log.includes(text));
  }

  // -- internals ------------------------------------------------------------

  private async createMembers(): Promise<void> {
    for (const address of this.nodes) await this.createMember('data', address);
    for (const address of this.sentinels) await this.createMember('sentinel', address);
  }

  private async createMember(kind: NodeKind, address: Address): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), `welkin-${kind}-${address.host}-`));
    liveTempDirs.add(dir);
    const configPath = join(dir, kind === 'data' ? 'redis.conf' : 'sentinel.conf');
    const config =
      kind === 'data'
        ? dataNodeConfig(address, dir, this.primary, this.settings)
        : sentinelConfig(address, dir, this.primary, this.settings);
    await writeFile(configPath, config, 'utf8');
    const binary = kind === 'data' ? this.binaries.server : this.binaries.sentinel;
    this.members.push(new ManagedProcess(kind, address, dir, configPath, binary));
  }

  private member(address: Address): ManagedProcess {
    const found = this.members.find((member) => sameAddress(member.address, address));
    if (found === undefined) throw new Error(`${formatAddress(address)} is not part of this topology`);
    return found;
  }

  private runningSentinels(): Address[] {
    return this.sentinels.filter((address) => this.member(address).running);
  }

  private assertNotStopped(): void {
    if (this.stopping !== undefined) throw new Error('This topology has been stopped');
  }

  private deadMembersReason(): string | undefined {
    const dead = this.members.filter((member) => !member.running).map((member) => member.label);
    return dead.length === 0 ? undefined : `not running: ${dead.join(', ')}`;
  }

  private async waitForPing(addresses: readonly Address[]): Promise<void> {
    await pollUntil({
      what: `PING from ${addresses.map(formatAddress).join(', ')}`,
      timeoutMs: this.settings.timeoutMs,
      probe: async () => {
        for (const address of addresses) {
          const password = this.member(address).kind === 'data' ? this.password : undefined;
          await withClient(address, password, (client) => client.ping());
        }
        return { done: true, value: undefined };
      },
      fatal: () => this.deadReason(addresses),
      diagnostics: () => this.logs(),
    });
  }

  private deadReason(addresses: readonly Address[]): string | undefined {
    const dead = addresses.filter((address) => !this.member(address).running);
    return dead.length === 0 ? undefined : `process exited: ${dead.map(formatAddress).join(', ')}`;
  }

  private async waitForReplication(): Promise<void> {
    await pollUntil({
      what: 'both replicas to finish their initial sync',
      timeoutMs: this.settings.timeoutMs,
      probe: async () => {
        const states = await Promise.all(
          this.replicas.map(async (replica) => {
            const info = await withClient(replica, this.password, (client) => client.info('replication'));
            const link = /master_link_status:(\w+)/.exec(info)?.[1] ?? 'unknown';
            return `${formatAddress(replica)} master_link_status:${link}`;
          }),
        );
        const done = states.every((state) => state.endsWith(':up'));
        return done ? { done, value: undefined } : { done, state: states.join('\n') };
      },
      fatal: () => this.deadReason(this.nodes),
      diagnostics: () => this.logs(),
    });
  }

  private async probeHealth(): Promise<Probe<undefined>> {
    const primary = await this.currentPrimary();
    const replicas = this.nodes.filter((node) => !sameAddress(node, primary));
    const views = await Promise.all(this.sentinels.map((sentinel) => observeSentinel(sentinel, this.masterName)));
    const problems = views.flatMap((view) =>
      viewProblems(
        view,
        primary,
        replicas,
        this.sentinels.filter((other) => !sameAddress(other, view.sentinel)),
      ),
    );
    if (problems.length === 0) return { done: true, value: undefined };
    return { done: false, state: [...problems, '', ...views.map(summarizeView)].join('\n') };
  }

  private async primaryAccordingTo(sentinel: Address): Promise<Address> {
    const reply = await withClient(sentinel, undefined, (client) =>
      client.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', this.masterName),
    );
    if (reply === null) throw new Error(`sentinel does not know master ${this.masterName}`);
    return toAddress(reply);
  }

  /** SENTINEL FAILOVER answers NOGOODSLAVE until sentinels have fresh INFO from a replica; retry that. */
  private async requestFailover(): Promise<void> {
    await pollUntil({
      what: 'a sentinel to accept SENTINEL FAILOVER',
      timeoutMs: this.settings.timeoutMs,
      probe: async () => {
        const [sentinel] = this.runningSentinels();
        if (sentinel === undefined) throw new Error('no sentinel is running');
        await withClient(sentinel, undefined, (client) => client.call('SENTINEL', 'FAILOVER', this.masterName));
        return { done: true, value: undefined };
      },
      fatal: () => undefined,
      diagnostics: () => this.logs(),
    });
  }

  private async probeFailoverDone(oldPrimary: Address): Promise<Probe<Address>> {
    const sentinels = this.runningSentinels();
    const answers = await Promise.all(sentinels.map((sentinel) => this.primaryAccordingTo(sentinel)));
    const state = sentinels
      .map((sentinel, index) => `${formatAddress(sentinel)} says ${formatAddress(answers[index] ?? oldPrimary)}`)
      .join('\n');
    const [candidate] = answers;
    if (candidate === undefined) throw new Error('no sentinel is running');
    const agreed = answers.every((answer) => sameAddress(answer, candidate));
    if (!agreed || sameAddress(candidate, oldPrimary)) return { done: false, state };
    const newRole = await roleOf(candidate, this.password);
    if (newRole !== 'master') return { done: false, state: `${state}\nnew primary reports role ${newRole}` };
    if (this.member(oldPrimary).running) {
      const oldRole = await roleOf(oldPrimary, this.password);
      if (oldRole !== 'slave') return { done: false, state: `${state}\nold primary reports role ${oldRole}` };
    }
    return { done: true, value: candidate };
  }
}

// ---------------------------------------------------------------------------
// Public entry points
// ---------------------------------------------------------------------------

function resolveSettings(options: TopologyOptions): TopologySettings {
  const masterName = options.masterName ?? DEFAULT_MASTER_NAME;
  if (!/^[\w.:-]+$/.test(masterName)) throw new Error(`Unsupported master name: ${JSON.stringify(masterName)}`);
  return {
    masterName,
    password: options.password,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    downAfterMilliseconds: options.downAfterMilliseconds ?? 1_000,
    sentinelFailoverTimeoutMs: options.sentinelFailoverTimeoutMs ?? 3_000,
    dataPort: options.dataPort ?? DEFAULT_DATA_PORT,
    sentinelPort: options.sentinelPort ?? DEFAULT_SENTINEL_PORT,
    tls: options.tls,
  };
}

function findBinaries(): { server: string; sentinel: string } {
  const server = findOnPath('redis-server');
  const sentinel = findOnPath('redis-sentinel');
  if (server === undefined || sentinel === undefined) throw new Error(MISSING_BINARIES_MESSAGE);
  return { server, sentinel };
}

async function pickFreeLayout(settings: TopologySettings): Promise<Layout> {
  for (let attempt = 0; attempt < MAX_SUBNET_ATTEMPTS; attempt++) {
    const layout = randomLayout(settings);
    if (await layoutIsFree(layout)) return layout;
  }
  throw new Error(
    `Ports ${settings.dataPort}/${settings.sentinelPort} were taken on ${MAX_SUBNET_ATTEMPTS} random 127.x.y.0/24 subnets; ` +
      'is something listening on 0.0.0.0 on those ports? Pass dataPort/sentinelPort to use others.',
  );
}

/** Starts a real 1 primary + 2 replicas + 3 sentinels topology and waits until it is healthy. */
export async function startTopology(options: TopologyOptions = {}): Promise<Topology> {
  const settings = resolveSettings(options);
  const binaries = findBinaries();
  installProcessHooks();
  for (let attempt = 1; ; attempt++) {
    const topology = new RunningTopology(await pickFreeLayout(settings), settings, binaries);
    try {
      await topology.launch();
      return topology;
    } catch (error) {
      await topology.stop();
      // Another process grabbed one of our addresses between the probe and the bind.
      const raced = topology.logsInclude(ADDRESS_IN_USE_LOG);
      if (!raced || attempt >= MAX_SUBNET_ATTEMPTS) throw error;
    }
  }
}

export interface RedisCliOptions {
  /** Passed through REDISCLI_AUTH, so it appears neither in argv nor as a warning. */
  readonly password?: string;
  readonly timeoutMs?: number;
}

const execFileAsync = promisify(execFile);

/**
 * Runs the real `redis-cli -h <host> -p <port> ...args` (no shell) and returns
 * its stdout. Its stdout is not a TTY, so replies come in raw form unless
 * `--no-raw` is the first argument. Error replies still exit with status 0.
 */
export async function redisCli(args: readonly string[], address: Address, options: RedisCliOptions = {}): Promise<string> {
  const cli = findOnPath('redis-cli');
  if (cli === undefined) throw new Error('redis-cli not found on PATH: install it with "apt-get install -y redis-tools"');
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.REDISCLI_AUTH;
  if (options.password !== undefined) env.REDISCLI_AUTH = options.password;
  const tls = tlsAddresses.get(formatAddress(address));
  const tlsArgs = tls ? ['--tls', '--cacert', tls.caFile, '--sni', tls.servername] : [];
  const { stdout } = await execFileAsync(cli, ['-h', address.host, '-p', String(address.port), ...tlsArgs, ...args], {
    env,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 10_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}
