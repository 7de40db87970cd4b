import type { Disposable } from '../../util/emitter';
import type { Result } from '../../util/result';
import type { Arg } from '../connection';
import type { ValkeyError } from '../errors';
import { parseCommandLine } from '../resp/args';
import { formatReply, formatReplyFor, quote } from '../resp/format';
import type { Reply } from '../resp/reply';
import type { ValkeySession } from '../session';
import type { SessionEvent } from '../sessionTypes';
import { CLEAR_SCREEN, crlf, dim, ERASE_LINE, red, yellow } from './ansi';
import { CommandCatalog, listOf, textOf } from './commandDocs';
import { dangerOf, readCommandInfo, readOnlyVariant, readOnlyVerdict, type CommandFlags } from './guards';
import { consoleHelp } from './help';
import { DEFAULT_HISTORY_LIMIT, History } from './history';
import { readKeys, type Key } from './keys';
import { displayWidth, LineEditor, renderLine } from './lineEditor';
import { chunks, count, DEFAULT_MAX_REPLY_LINES, duration, truncateLines, truncationNote, yieldToEventLoop } from './output';

export interface ConsoleHost {
  /** Raw terminal output: use \r\n, ANSI colours allowed (dim for hints, red for errors, yellow for failover lines). */
  write(text: string): void;
  /** A modal confirmation in the editor; resolves true only if the user chose `action`. */
  confirm(request: { readonly message: string; readonly detail: string; readonly action: string }): Promise<boolean>;
  /** The user asked to close the console (Ctrl-D on an empty line, `quit`, `exit`). */
  close(): void;
  /** History changed: persist it (the engine never stores AUTH / HELLO … AUTH / other secret-bearing lines). */
  saveHistory(lines: readonly string[]): void;
  /** Prompt/role/pod/read-only/busy changed: the status bar re-reads `engine.status`. */
  statusChanged?(): void;
}

export type ConsoleSession = Pick<ValkeySession, 'command' | 'onEvent' | 'connection'> & Partial<Pick<ValkeySession, 'resetConsoleConnection'>>;

export interface ConsoleEngineOptions {
  readonly session: ConsoleSession;
  readonly host: ConsoleHost;
  /** Shown in the prompt and in confirmations. */
  /** `sentinel`: `<service>.<namespace>:<port>`, named in confirmations (two clusters may share a name). */
  readonly target: { readonly context: string; readonly namespace: string; readonly clusterName: string; readonly sentinelNamespace: string; readonly sentinel?: string };
  readonly history?: readonly string[];
  readonly historyLimit?: number;
  readonly readOnly?: boolean;
  readonly maxReplyLines?: number;
  readonly columns?: number;
  /** How long a command runs before the console says it is waiting. Default 1 s. */
  readonly waitingNoteMs?: number;
  /** How long a lost connection may stay lost before the console says so (a failover reads as one line). */
  readonly disconnectNoticeMs?: number;
  /** The palette title of the read-only toggle, from the extension's manifest (e.g. "Valkey on Welkin: Toggle Read-Only in Console"). */
  readonly toggleReadOnlyTitle?: string;
}

export type ConsoleMode = 'prompt' | 'running' | 'streaming' | 'scanning' | 'confirming';

export interface ConsoleStatus {
  readonly role: 'primary' | 'none';
  readonly pod?: string;
  readonly readOnly: boolean;
  readonly busy: boolean;
  readonly lastLatencyMs?: number;
  readonly mode: ConsoleMode;
}

type Queued = { readonly kind: 'key'; readonly key: Key } | { readonly kind: 'line'; readonly line: string; readonly done: () => void };

const STREAMING: Readonly<Record<string, string | undefined>> = { SUBSCRIBE: 'UNSUBSCRIBE', PSUBSCRIBE: 'PUNSUBSCRIBE', SSUBSCRIBE: 'SUNSUBSCRIBE', MONITOR: undefined };
const SCAN_COUNT = '1000';
/** How long leaving a streaming mode may take before the console gives up waiting. */
const LEAVE_TIMEOUT_MS = 10_000;

/**
 * A terminal-agnostic Valkey console: reads what a terminal sends (keys, pastes, escape
 * sequences), edits the line with history, completion and hints from the server's COMMAND DOCS,
 * runs lines on a session with redis-cli's parsing and formatting, and applies the guard rails
 * (KEYS → SCAN, confirmations, read-only). Writes ANSI text through its host.
 */
export class ConsoleEngine {
  private readonly session: ConsoleSession;
  private readonly host: ConsoleHost;
  private readonly editor = new LineEditor();
  private readonly history: History;
  private readonly maxReplyLines: number;
  private readonly toggleReadOnlyTitle: string;
  private readonly waitingNoteMs: number;
  private readonly disconnectNoticeMs: number;
  private readonly queue: Queued[] = [];
  private readonly subscriptions: Disposable[] = [];
  private readonly infoCache = new Map<string, CommandFlags | null>();
  private modeValue: ConsoleMode = 'prompt';
  private readOnlyValue: boolean;
  private columns: number;
  private started = false;
  private disposed = false;
  /** Stops what runs now (Ctrl-C). */
  private active: AbortController | undefined;
  /** A [Y/n] question in the terminal is waiting for a key. */
  private answer: ((key: Key) => void) | undefined;
  /** A reply is being written: event lines wait until it is done. */
  private printing = false;
  private held: string[] = [];
  /** Streaming: where pushes go. */
  private onPush: ((reply: Reply) => void) | undefined;
  /** Streaming: called when the connection drops (the subscription is gone with it). */
  private onConnectionLost: ((message: string) => void) | undefined;
  /** Leaving MONITOR reconnects on purpose: its disconnect and reconnect are not news. */
  private quietReconnect: (() => void) | undefined;
  /**
   * A lost connection is announced only if the session has not come back within
   * `disconnectNoticeMs`: a failover then reads as the one `-- failover:` line.
   */
  private pendingDisconnect: { readonly timer: ReturnType<typeof setTimeout>; readonly message: string } | undefined;
  private completion: { readonly candidates: readonly string[]; index: number; readonly original: string } | undefined;
  private catalog: CommandCatalog | undefined;
  private catalogLoading: Promise<CommandCatalog | undefined> | undefined;
  private catalogFailed = false;
  private lastLatencyMs: number | undefined;

  constructor(private readonly options: ConsoleEngineOptions) {
    this.session = options.session;
    this.host = options.host;
    this.history = new History(options.history ?? [], options.historyLimit ?? DEFAULT_HISTORY_LIMIT);
    this.readOnlyValue = options.readOnly ?? false;
    this.maxReplyLines = Math.max(1, options.maxReplyLines ?? DEFAULT_MAX_REPLY_LINES);
    this.toggleReadOnlyTitle = options.toggleReadOnlyTitle ?? 'Toggle Read-Only in Console';
    this.waitingNoteMs = options.waitingNoteMs ?? 1000;
    this.disconnectNoticeMs = options.disconnectNoticeMs ?? 2000;
    this.columns = options.columns ?? 80;
  }

  /** Writes a short banner and the first prompt. The session is already connected. */
  start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    this.subscriptions.push(this.session.onEvent((e) => this.onSessionEvent(e)));
    const { target } = this.options;
    const info = this.session.connection;
    const where = info ? `primary ${info.pod} (${info.ip})` : 'no primary reachable right now';
    const lines = [
      `Valkey console on ${target.clusterName} (context ${target.context}, namespace ${target.namespace}): ${where}`,
      this.readOnlyValue ? `Read-only: commands that write are refused; ${this.toggleHint}.` : 'Dangerous commands ask first; KEYS offers SCAN instead.',
      'Ctrl-D to close, help for help.',
    ];
    this.host.write(lines.map((l) => `${dim(l)}\r\n`).join(''));
    this.drawPrompt();
  }

  get readOnly(): boolean {
    return this.readOnlyValue;
  }

  setReadOnly(value: boolean): void {
    this.readOnlyValue = value;
    this.note(value ? dim(`-- read-only: commands that write are refused; ${this.toggleHint} --`) : dim('-- read-only is off: commands that write will run (dangerous ones still ask) --'));
    this.host.statusChanged?.();
  }

  get mode(): ConsoleMode {
    return this.modeValue;
  }

  get status(): ConsoleStatus {
    const info = this.session.connection;
    return {
      role: info ? 'primary' : 'none',
      ...(info ? { pod: info.pod } : {}),
      readOnly: this.readOnlyValue,
      busy: this.modeValue !== 'prompt',
      ...(this.lastLatencyMs !== undefined ? { lastLatencyMs: this.lastLatencyMs } : {}),
      mode: this.modeValue,
    };
  }

  /** The history as kept (and persisted): oldest first, no secret-bearing lines. */
  get historyLines(): readonly string[] {
    return this.history.entries;
  }

  setDimensions(columns: number, _rows: number): void {
    if (columns > 0) this.columns = columns;
    if (this.started && this.modeValue === 'prompt') this.drawPrompt();
  }

  /** Input exactly as the terminal sends it; a paste may hold several lines, which run one after the other. */
  handleInput(data: string): void {
    if (this.disposed) return;
    const keys = readKeys(data);
    if (this.modeValue === 'prompt') {
      for (const key of keys) this.queue.push({ kind: 'key', key });
      this.drain();
      return;
    }
    if (this.answer) {
      for (const key of keys) this.answer?.(key);
      return;
    }
    if (keys.some((k) => k.type === 'ctrlC')) {
      this.active?.abort();
      // Type-ahead is dropped with the command it was typed behind; lines from runLine stay.
      this.queue.splice(0, this.queue.length, ...this.queue.filter((q) => q.kind === 'line'));
      return;
    }
    // While a command waits for its reply, what is typed waits for the prompt; while streaming or scanning it is dropped.
    if (this.modeValue === 'running' || this.modeValue === 'confirming') for (const key of keys) this.queue.push({ kind: 'key', key });
  }

  /** Runs a line as if typed: echoes it after the prompt, then runs it. Resolves when it has finished. */
  runLine(line: string): Promise<void> {
    if (this.disposed) return Promise.resolve();
    return new Promise((resolve) => {
      this.queue.push({ kind: 'line', line, done: resolve });
      if (this.modeValue === 'prompt') this.drain();
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.pendingDisconnect) clearTimeout(this.pendingDisconnect.timer);
    this.pendingDisconnect = undefined;
    this.active?.abort();
    this.answer?.({ type: 'ctrlC' });
    for (const s of this.subscriptions) s.dispose();
    for (const q of this.queue.splice(0)) if (q.kind === 'line') q.done();
  }

  // -- the prompt -------------------------------------------------------------------------------

  private prompt(): string {
    const { clusterName } = this.options.target;
    const info = this.session.connection;
    const where = info ? `primary ${info.pod}${info.db !== 0 ? `[${info.db}]` : ''}` : '(no primary)';
    return `${clusterName} ${where}${this.readOnlyValue ? ' [read-only]' : ''}> `;
  }

  private drawPrompt(): void {
    if (this.disposed) return;
    const prompt = this.prompt();
    const text = this.editor.text;
    let hint = '';
    if (text.trim() !== '' && this.editor.cursor === this.editor.length && !this.completion) {
      if (this.catalog) hint = this.catalog.hint(text);
      else this.loadCatalog(false);
    }
    this.host.write(renderLine({ prompt, promptWidth: displayWidth(prompt), text, cursor: this.editor.cursor, hint, columns: this.columns }));
  }

  /** Prints a line above the prompt (keeping what is typed), or after the output when something runs. */
  private note(line: string): void {
    if (this.disposed) return;
    if (!this.started || this.printing || this.answer) {
      this.held.push(line);
      return;
    }
    if (this.modeValue === 'prompt') {
      this.host.write(`\r${ERASE_LINE}${line}\r\n`);
      this.drawPrompt();
    } else {
      this.host.write(`${line}\r\n`);
    }
  }

  private flushHeld(): void {
    const held = this.held.splice(0);
    if (held.length > 0) this.host.write(held.map((l) => `${l}\r\n`).join(''));
  }

  private setMode(mode: ConsoleMode): void {
    if (this.modeValue === mode) return;
    this.modeValue = mode;
    this.host.statusChanged?.();
  }

  /** Handles queued keys and lines while at the prompt; a submitted line pauses it until it has run. */
  private drain(): void {
    while (!this.disposed && this.modeValue === 'prompt' && this.queue.length > 0) {
      const item = this.queue.shift()!;
      if (item.kind === 'line') {
        this.host.write(`\r${ERASE_LINE}${this.prompt()}${item.line}\r\n`);
        this.runAndReturn(item.line, item.done);
      } else {
        this.onKey(item.key);
      }
    }
  }

  private onKey(key: Key): void {
    if (this.completion && key.type !== 'tab') {
      const { original } = this.completion;
      this.completion = undefined;
      if (key.type === 'escape') {
        this.editor.set(original);
        this.drawPrompt();
        return;
      }
    }
    const e = this.editor;
    switch (key.type) {
      case 'text':
        e.insert(key.text);
        break;
      case 'enter':
        return this.submit();
      case 'tab':
        return this.complete();
      case 'backspace':
        e.backspace();
        break;
      case 'delete':
        e.deleteForward();
        break;
      case 'left':
        e.left();
        break;
      case 'right':
        e.right();
        break;
      case 'wordLeft':
        e.wordLeft();
        break;
      case 'wordRight':
        e.wordRight();
        break;
      case 'home':
        e.home();
        break;
      case 'end':
        e.end();
        break;
      case 'ctrlK':
        e.killToEnd();
        break;
      case 'ctrlU':
        e.killToStart();
        break;
      case 'ctrlW':
        e.killWordBefore();
        break;
      case 'up': {
        const previous = this.history.previous(e.text);
        if (previous !== undefined) e.set(previous);
        break;
      }
      case 'down': {
        const next = this.history.next();
        if (next !== undefined) e.set(next);
        break;
      }
      case 'ctrlC':
        this.host.write(`\r${ERASE_LINE}${this.prompt()}${e.text}^C\r\n`);
        e.set('');
        this.history.reset();
        break;
      case 'ctrlD':
        if (e.length === 0) {
          this.host.write('\r\n');
          this.host.close();
          return;
        }
        e.deleteForward();
        break;
      case 'ctrlL':
        this.host.write(CLEAR_SCREEN);
        break;
      case 'escape':
        return;
    }
    this.drawPrompt();
  }

  private submit(): void {
    const line = this.editor.text;
    // The whole line, wrapping naturally, so the scrollback shows what ran even when it was scrolled sideways.
    this.host.write(`\r${ERASE_LINE}${this.prompt()}${line}\r\n`);
    this.editor.set('');
    this.history.reset();
    this.runAndReturn(line, () => undefined);
  }

  private runAndReturn(line: string, done: () => void): void {
    this.setMode('running');
    void this.execute(line)
      .catch((e: unknown) => this.host.write(red(`(error) ${e instanceof Error ? e.message : String(e)}`) + '\r\n'))
      .finally(() => {
        done();
        if (this.disposed) return;
        this.active = undefined;
        this.printing = false;
        this.flushHeld();
        this.setMode('prompt');
        this.drawPrompt();
        this.drain();
      });
  }

  // -- completion ----------------------------------------------------------------------------------

  private complete(): void {
    if (this.completion) {
      const c = this.completion;
      c.index = (c.index + 1) % (c.candidates.length + 1);
      this.editor.set(c.index === c.candidates.length ? c.original : c.candidates[c.index]!);
      this.drawPrompt();
      return;
    }
    if (this.editor.cursor !== this.editor.length) return;
    const typed = this.editor.text;
    if (!this.catalog) {
      this.loadCatalog(true, () => {
        if (this.modeValue === 'prompt' && this.editor.text === typed && this.catalog) this.complete();
      });
      return;
    }
    const candidates = this.catalog.complete(typed);
    if (candidates.length === 0) {
      this.host.write('\x07');
      return;
    }
    if (candidates.length === 1) {
      this.editor.set(candidates[0]!);
    } else {
      this.completion = { candidates, index: 0, original: typed };
      this.editor.set(candidates[0]!);
    }
    this.drawPrompt();
  }

  /** COMMAND DOCS, once for the engine's life; a failed attempt is retried only when asked again explicitly. */
  private loadCatalog(explicit: boolean, then?: () => void): void {
    if (this.catalog || (this.catalogFailed && !explicit)) return;
    this.catalogLoading ??= this.session.command(['COMMAND', 'DOCS'], { timeoutMs: 10_000 }).then((result) => {
      this.catalogLoading = undefined;
      if (!result.ok || result.value.type === 'error') {
        this.catalogFailed = true;
        return undefined;
      }
      this.catalog = CommandCatalog.fromReply(result.value);
      if (this.modeValue === 'prompt' && !this.disposed) this.drawPrompt();
      return this.catalog;
    });
    if (then) void this.catalogLoading.then(() => then());
  }

  private async catalogNow(): Promise<CommandCatalog | undefined> {
    this.loadCatalog(true);
    return this.catalog ?? (await this.catalogLoading);
  }

  // -- running a line ---------------------------------------------------------------------------------

  private async execute(line: string): Promise<void> {
    if (line.trim() === '') return;
    if (this.history.add(line)) this.host.saveHistory(this.history.entries);
    const builtin = line.trim().split(/\s+/);
    const first = builtin[0]!.toLowerCase();
    if ((first === 'quit' || first === 'exit') && builtin.length === 1) {
      this.host.close();
      return;
    }
    if (first === 'clear' && builtin.length === 1) {
      this.host.write(CLEAR_SCREEN);
      return;
    }
    if (first === 'help') return this.help(builtin.slice(1));

    const parsed = parseCommandLine(line);
    if (!parsed.ok) {
      this.host.write(`${parsed.error}\r\n`);
      return;
    }
    const { repeat, args } = parsed.value;
    if (args.length === 0) return;
    const words = args.map((a) => a.toString('utf8'));
    const name = words[0]!.toUpperCase();

    if (name === 'KEYS' && words.length === 2) return this.offerScan(args[1]!);
    if (this.readOnlyValue) {
      const refusal = await this.readOnlyRefusal(words);
      if (refusal) {
        this.host.write(`${red(refusal)}\r\n`);
        return;
      }
    }
    const danger = dangerOf(words);
    if (danger && !(await this.confirmDanger(danger.label, danger.effect, repeat))) {
      this.host.write(`(cancelled) ${danger.label} was not sent\r\n`);
      return;
    }
    if (Object.hasOwn(STREAMING, name)) {
      return this.stream(args, words);
    }
    await this.run(args, repeat);
  }

  private async run(args: readonly Buffer[], repeat: number): Promise<void> {
    const controller = new AbortController();
    this.active = controller;
    for (let i = 0; i < repeat && !controller.signal.aborted && !this.disposed; i++) {
      const result = await this.send(args, controller.signal, true);
      if (result === 'aborted') {
        await this.stopWaiting(commandOf(args));
        return;
      }
      if (!result.ok) {
        this.host.write(`${red(`(error) ${describeError(result.error, commandOf(args))}`)}\r\n`);
        return;
      }
      await this.print(formatReplyFor(args, result.value), controller.signal);
    }
  }

  /** One command, its round trip timed; 'aborted' when Ctrl-C stopped the wait. */
  private async send(args: readonly Arg[], signal: AbortSignal, noteWaiting: boolean): Promise<Result<Reply, ValkeyError> | 'aborted'> {
    const started = performance.now();
    const waiting = noteWaiting ? setTimeout(() => this.note(dim('waiting… (Ctrl-C to stop waiting)')), this.waitingNoteMs) : undefined;
    try {
      const result = await Promise.race([this.session.command(args, { signal }), aborted(signal)]);
      if (result === 'aborted' || signal.aborted) return 'aborted';
      if (result.ok) {
        this.lastLatencyMs = Math.round((performance.now() - started) * 10) / 10;
        this.host.statusChanged?.();
      }
      return result;
    } finally {
      clearTimeout(waiting);
    }
  }

  /** Writes reply text in chunks, cut after maxReplyLines with a note; event lines wait until it is done. */
  private async print(text: string, signal?: AbortSignal): Promise<void> {
    const cut = truncateLines(text, this.maxReplyLines);
    this.printing = true;
    try {
      let first = true;
      for (const chunk of chunks(cut.lines)) {
        if (!first) await yieldToEventLoop();
        first = false;
        if (this.disposed) return;
        if (signal?.aborted) {
          this.host.write(`${dim('-- output stopped (Ctrl-C) --')}\r\n`);
          return;
        }
        this.host.write(chunk.map((l) => `${l}\r\n`).join(''));
      }
      if (cut.hiddenLines > 0) this.host.write(`${dim(truncationNote(cut))}\r\n`);
    } finally {
      this.printing = false;
      this.flushHeld();
    }
  }

  private async help(words: readonly string[]): Promise<void> {
    if (words.length === 0) {
      this.host.write(crlf(consoleHelp(this.maxReplyLines, this.toggleReadOnlyTitle)));
      return;
    }
    const catalog = await this.catalogNow();
    if (!catalog) {
      this.host.write(`${red('(error) The server did not answer COMMAND DOCS, so there is no help for commands.')}\r\n`);
      return;
    }
    const text = catalog.help(words);
    this.host.write(text ? crlf(text) : `No help for ${words.join(' ')}: the server's COMMAND DOCS does not know it.\r\n`);
  }

  // -- guard rails -----------------------------------------------------------------------------------

  private async readOnlyRefusal(words: readonly string[]): Promise<string | undefined> {
    const name = words[0]!.toUpperCase();
    const label = words.length > 1 ? `${name} ${words[1]!.toUpperCase()}` : name;
    const script = readOnlyVariant(words);
    if (script) return `(read-only) ${name} was not sent: a script may write. Use ${script} for read-only scripts, or ${this.toggleHint}.`;
    const danger = dangerOf(words);
    if (danger) return `(read-only) ${danger.label} was not sent: it ${danger.effect}. To run it, ${this.toggleHint}.`;
    const info = await this.commandInfo(name);
    if (!info.ok) return `(read-only) ${name} was not sent: cannot tell whether it writes (${info.error}). To run it, ${this.toggleHint}.`;
    const verdict = readOnlyVerdict(words, info.value);
    if (verdict.allowed) return undefined;
    const shown = info.value && info.value.subcommands.has(words[1]?.toUpperCase() ?? '') ? label : name;
    return `(read-only) ${shown} was not sent: ${verdict.reason}. To run it, ${this.toggleHint}.`;
  }

  /** COMMAND INFO for one command, cached; null when the server does not know the command. */
  private async commandInfo(name: string): Promise<Result<CommandFlags | null, string>> {
    const cached = this.infoCache.get(name);
    if (cached !== undefined) return { ok: true, value: cached };
    const result = await this.session.command(['COMMAND', 'INFO', name], { timeoutMs: 10_000 });
    if (!result.ok) return { ok: false, error: result.error.message };
    if (result.value.type === 'error') return { ok: false, error: textOf(result.value) };
    const info = readCommandInfo(result.value) ?? null;
    this.infoCache.set(name, info);
    return { ok: true, value: info };
  }

  /** How to turn read-only off, for notes and refusals. */
  private get toggleHint(): string {
    return `turn read-only off with "${this.toggleReadOnlyTitle}" (or click the console's status bar item)`;
  }

  private async confirmDanger(label: string, effect: string, repeat: number): Promise<boolean> {
    const { context, namespace, clusterName, sentinelNamespace, sentinel } = this.options.target;
    const pod = this.session.connection?.pod;
    this.setMode('confirming');
    try {
      return await this.host.confirm({
        message: `Run ${label}${repeat > 1 ? ` ${repeat} times` : ''} on Valkey cluster ${clusterName}?`,
        detail: [
          `${label} ${effect}.`,
          '',
          `Context: ${context}`,
          `Namespace: ${namespace}`,
          `Cluster: ${clusterName} (Sentinel ${sentinel ?? `in ${sentinelNamespace}`})`,
          `Primary: ${pod ?? 'none reachable right now'}`,
        ].join('\n'),
        action: `Run ${label}`,
      });
    } catch {
      return false;
    } finally {
      this.setMode('running');
    }
  }

  /**
   * A [Y/n] question in the terminal, answered like a line: `y` or `n` (or `yes`/`no`) then Enter;
   * Enter alone is yes; Escape, Ctrl-C or Ctrl-D is no at once. Anything else is not an answer.
   */
  private ask(question: string): Promise<boolean> {
    this.setMode('confirming');
    this.host.write(question);
    let typed = '';
    const answered = new Promise<boolean>((resolve) => {
      const finish = (yes: boolean, echo: string): void => {
        this.answer = undefined;
        this.host.write(`${echo}\r\n`);
        this.setMode('running');
        this.flushHeld();
        resolve(yes);
      };
      this.answer = (key) => {
        if (key.type === 'ctrlC' || key.type === 'escape' || key.type === 'ctrlD') return finish(false, typed === '' ? 'n' : '');
        if (key.type === 'backspace') {
          if (typed !== '') this.host.write('\x1b[D\x1b[K');
          typed = typed.slice(0, -1);
          return;
        }
        if (key.type === 'enter') {
          const word = typed.trim().toLowerCase();
          if (word === '' || 'yes'.startsWith(word)) return finish(true, word === '' ? 'y' : '');
          if ('no'.startsWith(word)) return finish(false, '');
          // Anything else is not an answer: ask again on the same line.
          if (typed !== '') this.host.write(`\x1b[${typed.length}D\x1b[K`);
          typed = '';
          return;
        }
        if (key.type === 'text') {
          const text = [...key.text].filter((c) => c >= ' ' && c !== '\x7f').join('').slice(0, Math.max(0, 20 - typed.length));
          typed += text;
          this.host.write(text);
        }
      };
    });
    // Keys typed (or pasted) after the line that asked answer it.
    while (this.answer && this.queue[0]?.kind === 'key') this.answer((this.queue.shift() as { key: Key }).key);
    return answered;
  }

  private async offerScan(pattern: Buffer): Promise<void> {
    const shown = quoteIfNeeded(pattern);
    this.host.write(`${dim('KEYS walks the whole keyspace in one go and blocks the server for every client until it is done.')}\r\n`);
    if (!(await this.ask(`Run SCAN 0 MATCH ${shown} COUNT ${SCAN_COUNT} instead? [Y/n] `))) {
      this.host.write('(cancelled) KEYS was not sent\r\n');
      return;
    }
    await this.scan(pattern);
  }

  /** SCAN to the end, printing keys as they come (each once) with a running number; Ctrl-C stops. */
  private async scan(pattern: Buffer): Promise<void> {
    this.setMode('scanning');
    const controller = new AbortController();
    this.active = controller;
    const started = performance.now();
    const seen = new Set<string>();
    let cursor = '0';
    let calls = 0;
    let stopped: string | undefined;
    do {
      const result = await this.send(['SCAN', cursor, 'MATCH', pattern, 'COUNT', SCAN_COUNT], controller.signal, false);
      calls++;
      if (result === 'aborted') {
        stopped = 'Ctrl-C';
        break;
      }
      if (!result.ok) {
        this.host.write(`${red(`(error) ${describeError(result.error, 'SCAN')}`)}\r\n`);
        stopped = 'an error';
        break;
      }
      if (result.value.type === 'error') {
        this.host.write(formatReply(result.value).replace(/\n$/, '\r\n'));
        stopped = 'an error';
        break;
      }
      const [next, keys] = listOf(result.value);
      cursor = textOf(next);
      const lines: string[] = [];
      for (const key of listOf(keys)) {
        if (key.type !== 'bulk') continue;
        const id = key.value.toString('latin1');
        if (seen.has(id)) continue;
        seen.add(id);
        if (seen.size <= this.maxReplyLines) lines.push(`${seen.size}) ${quote(key.value)}`);
      }
      if (lines.length > 0) {
        this.printing = true;
        this.host.write(lines.map((l) => `${l}\r\n`).join(''));
        this.printing = false;
        this.flushHeld();
      }
      await yieldToEventLoop();
      if (controller.signal.aborted) stopped = 'Ctrl-C';
    } while (cursor !== '0' && cursor !== '' && !stopped && !this.disposed);
    const elapsed = duration(performance.now() - started);
    const found = seen.size;
    if (found === 0 && !stopped) this.host.write('(empty array)\r\n');
    if (found > this.maxReplyLines) this.host.write(`${dim(`-- ${count(found - this.maxReplyLines)} more keys not shown --`)}\r\n`);
    const what = `${count(found)} key${found === 1 ? '' : 's'}`;
    const scans = `${calls} SCAN call${calls === 1 ? '' : 's'}`;
    this.host.write(
      `${dim(stopped ? `-- stopped by ${stopped} after ${what} in ${elapsed} (${scans}); the scan did not finish --` : `-- ${what} in ${elapsed} (${scans}) --`)}\r\n`,
    );
  }

  // -- streaming: SUBSCRIBE, PSUBSCRIBE, SSUBSCRIBE, MONITOR ----------------------------------------------

  private async stream(args: readonly Buffer[], words: readonly string[]): Promise<void> {
    const name = words[0]!.toUpperCase();
    this.setMode('streaming');
    const controller = new AbortController();
    this.active = controller;
    let lost: string | undefined;
    const ended = new Promise<void>((resolve) => {
      controller.signal.addEventListener('abort', () => resolve(), { once: true });
      this.onConnectionLost = (message) => {
        lost = message;
        resolve();
      };
    });
    // Pushes may arrive before the command's own reply is handed over (SUBSCRIBE a b: the second
    // confirmation is a push): they wait until the reply is printed.
    let early: Reply[] | undefined = [];
    const show = (reply: Reply): void => this.host.write(crlf(formatReply(reply)));
    this.onPush = (reply) => (early ? early.push(reply) : show(reply));
    try {
      if (name !== 'MONITOR') this.host.write(`${dim('Reading messages... (press Ctrl-C to stop)')}\r\n`);
      const result = await this.send(args, controller.signal, false);
      if (result === 'aborted') {
        this.host.write(`${yellow(`(interrupted) Stopped waiting for ${name}.`)}\r\n`);
      } else if (!result.ok) {
        this.host.write(`${red(`(error) ${describeError(result.error, name)}`)}\r\n`);
        return;
      } else {
        show(result.value);
        if (result.value.type === 'error') return;
      }
      for (const reply of early) show(reply);
      early = undefined;
      if (name === 'MONITOR') this.host.write(`${dim('(press Ctrl-C to stop)')}\r\n`);
      await ended;
    } finally {
      this.onPush = undefined;
      this.onConnectionLost = undefined;
    }
    if (lost !== undefined) {
      this.host.write(`${yellow(`-- ${name} ended: ${lost}; run it again to continue --`)}\r\n`);
      return;
    }
    await this.leaveStreaming(name, words);
  }

  /**
   * Ctrl-C while a command runs: the console stops waiting and reconnects, so that a blocking
   * command (BLPOP 0, XREAD BLOCK 0, WAIT) no longer holds its connection and the server drops it;
   * a command that was already running may still finish on the server.
   */
  private async stopWaiting(name: string): Promise<void> {
    const outcome = await this.reconnectQuietly(() => this.session.resetConsoleConnection?.(`stopped waiting for ${name}`) ?? false);
    const what = `(interrupted) Stopped waiting for ${name}: it may still run on the server`;
    if (outcome === 'notDropped') this.host.write(`${yellow(`${what} (this console's next command waits behind it).`)}\r\n`);
    else if (outcome === 'reconnected') this.host.write(`${yellow(`${what}; the console reconnected, so a blocked ${name} is dropped.`)}\r\n`);
    else this.host.write(`${yellow(`${what}; the console is reconnecting.`)}\r\n`);
  }

  /**
   * Drops the console's connection on purpose (`drop`; false: nothing was dropped) and waits, at
   * most LEAVE_TIMEOUT_MS, for the session to reconnect. That disconnect and reconnect are not news.
   */
  private async reconnectQuietly(drop: () => boolean | Promise<unknown>): Promise<'reconnected' | 'pending' | 'notDropped'> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const back = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), LEAVE_TIMEOUT_MS);
      this.quietReconnect = () => resolve(true);
    });
    try {
      if ((await drop()) === false) return 'notDropped';
      return (await back) ? 'reconnected' : 'pending';
    } finally {
      clearTimeout(timer);
      this.quietReconnect = undefined;
    }
  }

  /**
   * Back to normal commands: UNSUBSCRIBE (etc.) the channels typed. MONITOR can only be left by
   * RESET or QUIT; RESET would also log the connection out of a password-protected cluster (the
   * console does not hold the password), so the console sends QUIT and the session reconnects,
   * restoring the password, database and protocol as after any dropped connection.
   */
  private async leaveStreaming(name: string, words: readonly string[]): Promise<void> {
    const unsubscribe = STREAMING[name];
    if (unsubscribe) {
      const result = await this.session.command([unsubscribe, ...words.slice(1)], { timeoutMs: LEAVE_TIMEOUT_MS });
      if (!result.ok) this.host.write(`${red(`(error) ${unsubscribe}: ${result.error.message}`)}\r\n`);
      else this.host.write(`${dim(`-- ${unsubscribe} done; back to commands --`)}\r\n`);
      return;
    }
    const reconnected = (await this.reconnectQuietly(() => this.session.command(['QUIT'], { timeoutMs: LEAVE_TIMEOUT_MS }))) === 'reconnected';
    this.host.write(`${dim(reconnected ? '-- MONITOR stopped (the console reconnected to leave it) --' : '-- MONITOR stopped; the console has not reconnected yet --')}\r\n`);
  }

  // -- session events -------------------------------------------------------------------------------

  private announceDisconnectLater(message: string): void {
    if (this.pendingDisconnect) return;
    if (this.disconnectNoticeMs <= 0) {
      this.note(dim(`-- ${message}`));
      return;
    }
    const timer = setTimeout(() => {
      this.pendingDisconnect = undefined;
      this.note(dim(`-- ${message}`));
      this.host.statusChanged?.();
    }, this.disconnectNoticeMs);
    timer.unref?.();
    this.pendingDisconnect = { timer, message };
  }

  /** Drops a loss not yet announced; true when there was one. */
  private cancelDisconnectNotice(): boolean {
    if (!this.pendingDisconnect) return false;
    clearTimeout(this.pendingDisconnect.timer);
    this.pendingDisconnect = undefined;
    return true;
  }

  private onSessionEvent(event: SessionEvent): void {
    if (this.disposed) return;
    switch (event.type) {
      case 'push':
        this.onPush?.(event.reply);
        return;
      case 'failover':
        this.onConnectionLost?.(event.message);
        this.quietReconnect?.();
        this.cancelDisconnectNotice();
        this.note(yellow(`-- failover: primary is now ${event.info.pod} (${event.info.ip})`));
        break;
      case 'disconnected':
        if (this.quietReconnect) return;
        this.onConnectionLost?.('the connection was lost');
        this.announceDisconnectLater(event.message);
        break;
      case 'reconnected':
        if (this.quietReconnect) {
          this.quietReconnect();
          return;
        }
        // Back on the same primary before the loss was announced: one line says both.
        if (this.cancelDisconnectNotice()) this.note(dim(`-- the connection dropped; ${event.message}`));
        else this.note(dim(`-- ${event.message}`));
        break;
      case 'forward':
        this.note(dim(`-- ${event.message}`));
        break;
      case 'identity':
        // Shown even after a quiet reconnect: the user must know who the console runs as.
        this.note(event.restored ? dim(`-- ${event.message}`) : yellow(`-- ${event.message}`));
        break;
      default:
        return;
    }
    this.host.statusChanged?.();
  }
}

const aborted = (signal: AbortSignal): Promise<'aborted'> =>
  new Promise((resolve) => {
    if (signal.aborted) resolve('aborted');
    else signal.addEventListener('abort', () => resolve('aborted'), { once: true });
  });

const commandOf = (args: readonly Arg[]): string => {
  const first = args[0];
  return (first === undefined ? '' : typeof first === 'string' ? first : Buffer.from(first).toString('utf8')).toUpperCase();
};

/** The session's error as the console prints it after `(error) `, always saying whether the command may have run. */
function describeError(error: ValkeyError, command: string): string {
  switch (error.kind) {
    case 'interrupted':
      return /may or may not have run/.test(error.message) ? error.message : `${error.message} ${command} may or may not have run; it was not retried.`;
    case 'notConnected':
      return /not sent/.test(error.message) ? error.message : `${error.message} ${command} was not sent.`;
    default:
      return error.message;
  }
}

/** The pattern as it would be typed: as is when plain, else in double quotes with redis-cli's escapes. */
function quoteIfNeeded(value: Buffer): string {
  const text = value.toString('utf8');
  return /^[\x21-\x7e]+$/.test(text) && !/["'\\]/.test(text) ? text : quote(value);
}


