// Drives a VS Code workbench in headless Chromium (Debian's chromium + playwright-core): the
// command palette, our view container, tree rows, welcome content, notifications, the Output
// panel, screenshots under test-results/screenshots/.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { chromium, type Browser, type ConsoleMessage, type Locator, type Page } from 'playwright-core';
import { resultsDir } from './codeServer';

/** Debian's chromium; CHROMIUM_PATH overrides it. */
export function chromiumPath(): string {
  return process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
}

/** Waits are generous: a 2-core machine loading the workbench and an extension host is slow. */
export const TIMEOUT_MS = 60_000;

export const screenshotsDir = path.join(resultsDir, 'screenshots');

/**
 * Launches headless Chromium with a throw-away HOME (Chromium keeps crash-report settings under
 * ~/.config even with a temporary profile); closing the browser removes it.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium is not installed at ${executablePath}: install it with apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  const home = await mkdtemp(path.join(tmpdir(), 'valkey-welkin-chromium-'));
  const browser = await chromium.launch({
    executablePath,
    timeout: TIMEOUT_MS,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  }).catch(async (e: unknown) => {
    await rm(home, { recursive: true, force: true });
    throw e;
  });
  browser.on('disconnected', () => void rm(home, { recursive: true, force: true }));
  return browser;
}

/** The little of the DOM that the page functions below use (the tsconfig has no DOM library). */
interface MiniElement {
  getAttribute(name: string): string | null;
  querySelector(selector: string): MiniElement | null;
  readonly textContent: string | null;
  readonly innerText: string;
}
interface MiniDocument {
  querySelector(selector: string): MiniElement | null;
  querySelectorAll(selector: string): ArrayLike<MiniElement>;
}

export interface TreeRow {
  /** 1 for top-level rows. */
  readonly level: number;
  readonly label: string;
  readonly description: string;
  readonly ariaLabel: string;
}

export interface Notification {
  readonly message: string;
  /** "Source: <extension display name>", or empty for the workbench's own. */
  readonly source: string;
}

/** One workbench page: what a person sees and does, in calls a test can read. */
export class Workbench {
  /** Browser console lines (the workbench's and the extension host's), for failure reports. */
  readonly console: string[] = [];

  private constructor(
    readonly browser: Browser,
    readonly page: Page,
  ) {
    page.setDefaultTimeout(TIMEOUT_MS);
    page.on('console', (message) => void this.record(message));
    page.on('pageerror', (error) => this.console.push(`[pageerror] ${error.message}`));
  }

  /**
   * Launches Chromium, opens `url` and waits until the workbench is ready; with `activityBarItem`,
   * also until that activity-bar entry shows (an extension's contributions have arrived).
   */
  static async open(url: string, options: { waitReady?: boolean; activityBarItem?: string } = {}): Promise<Workbench> {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const workbench = new Workbench(browser, page);
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: TIMEOUT_MS });
      if (options.waitReady !== false) await workbench.waitReady();
      if (options.activityBarItem) await workbench.waitForActivityBarItem(options.activityBarItem);
      return workbench;
    } catch (e) {
      await browser.close();
      throw e;
    }
  }

  private async record(message: ConsoleMessage): Promise<void> {
    // VS Code logs as ('%c INFO', 'color: …', format, ...args): print it as a person would read it.
    let text = message.text();
    try {
      const args = await Promise.all(message.args().map((a) => a.jsonValue() as Promise<unknown>));
      if (typeof args[0] === 'string' && args[0].includes('%c')) {
        const css = (args[0].match(/%c/g) ?? []).length;
        text = format(args[0].replace(/%c/g, ''), ...args.slice(1 + css));
      }
    } catch {
      // the page went away; keep message.text()
    }
    this.console.push(`[${message.type()}] ${text}`);
  }

  /** The workbench shell is up and connected: activity bar, side bar, status bar, editor area. */
  async waitReady(): Promise<void> {
    const { page } = this;
    await page.locator('.monaco-workbench').waitFor({ state: 'visible' });
    for (const part of ['.part.activitybar', '.part.sidebar', '.part.statusbar', '.part.editor']) {
      await page.locator(`.monaco-workbench ${part}`).first().waitFor({ state: 'visible' });
    }
    // The explorer lists the workspace folder once the remote file system answers.
    await page.locator('.part.sidebar .monaco-list[role="tree"]').first().waitFor({ state: 'attached' });
  }

  /**
   * Runs a command through the palette (F1) by its full title, e.g. "Valkey on Welkin: Show Log".
   * The palette lists commands as they were when it opened, and an extension's contributions
   * arrive a moment after the workbench shows: so reopen it until the command is there.
   */
  async runCommand(title: string, options: { opensInput?: boolean } = {}): Promise<void> {
    const { page } = this;
    const input = page.locator('.quick-input-widget .quick-input-box input');
    const exact = new RegExp(`^${escapeRegExp(title)}$`);
    const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      await this.dismissQuickInput();
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible' });
      await input.fill(`>${title}`);
      try {
        await row.waitFor({ state: 'visible', timeout: 5_000 });
        break;
      } catch (e) {
        if (Date.now() < deadline) continue;
        const shown = await page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts();
        throw new Error(`The command palette has no command "${title}" (it shows: ${shown.join(' | ') || 'nothing'})`, { cause: e });
      }
    }
    await row.click();
    // A command that asks something at once reuses the widget: the caller waits for its question.
    if (!options.opensInput) await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /**
   * Opens a workspace file through Quick Open by its name. A file written a moment ago can be
   * missing from the first search (the workspace's file index catches up): reopen until it is there.
   */
  async openFile(name: string): Promise<void> {
    const { page } = this;
    const input = page.locator('.quick-input-widget .quick-input-box input');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      await this.dismissQuickInput();
      await page.keyboard.press('F1'); // the palette; without its ">" it is Quick Open
      await input.waitFor({ state: 'visible' });
      await input.fill(name);
      try {
        await row.waitFor({ state: 'visible', timeout: 5_000 });
        break;
      } catch (e) {
        if (Date.now() < deadline) continue;
        const shown = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
        throw new Error(`Quick Open finds no file "${name}" (it shows: ${shown.join(' | ') || 'nothing'})`, { cause: e });
      }
    }
    await row.click();
    await page.locator('.tab', { hasText: name }).first().waitFor({ state: 'visible' });
  }

  async dismissQuickInput(): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    if (await widget.isVisible()) {
      await this.page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden' });
    }
  }

  /** The activity-bar entry whose aria-label contains `label`. */
  activityBarItem(label: string): Locator {
    return this.page.locator(`.part.activitybar .action-item a.action-label[aria-label*="${label}"]`).first();
  }

  /** Waits for the activity-bar entry `label`; says which entries there are when it never comes. */
  async waitForActivityBarItem(label: string): Promise<Locator> {
    const item = this.activityBarItem(label);
    try {
      await item.waitFor({ state: 'visible' });
    } catch (e) {
      const labels = await Promise.all((await this.page.locator('.part.activitybar .action-item a.action-label').all()).map((el) => el.getAttribute('aria-label')));
      throw new Error(`No activity-bar entry "${label}": the extension's view container is missing (entries: ${labels.filter(Boolean).join(', ')})`, { cause: e });
    }
    return item;
  }

  /**
   * Opens a view container by clicking its activity-bar icon (unless it is already open) and
   * waits for its side bar. `containerId` is the `viewsContainers` id, e.g. "valkeyWelkin".
   */
  async openViewContainer(label: string, containerId: string): Promise<Locator> {
    const item = await this.waitForActivityBarItem(label);
    const container = this.viewContainer(containerId);
    if (!(await container.isVisible())) await item.click();
    await container.waitFor({ state: 'visible' });
    return container;
  }

  /** The side bar composite of a view container. */
  viewContainer(containerId: string): Locator {
    return this.page.locator(`.part.sidebar [id="workbench.view.extension.${containerId}"]`);
  }

  /** A view's tree, found by the view's name (its aria-label), e.g. "Clusters". */
  tree(viewName: string): Locator {
    return this.page.locator(this.treeSelector(viewName));
  }

  private treeSelector(viewName: string): string {
    return `.part.sidebar .monaco-list[role="tree"][aria-label="${viewName}"]`;
  }

  private treeRowSelector(viewName: string, level: number): string {
    return `${this.treeSelector(viewName)} .monaco-list-row[aria-level="${level}"]`;
  }

  /**
   * Waits until the tree of `viewName` shows at least `min` rows (of `level`, default top-level)
   * and returns the rows of that level, top to bottom.
   */
  async treeRows(viewName: string, min = 1, level = 1): Promise<TreeRow[]> {
    const rows = this.page.locator(this.treeRowSelector(viewName, level));
    try {
      await rows.nth(min - 1).waitFor({ state: 'visible' });
    } catch {
      const welcome = await this.page.locator('.part.sidebar .welcome-view-content').first().innerText({ timeout: 1000 }).catch(() => '');
      throw new Error(`The "${viewName}" tree shows ${await rows.count()} rows of level ${level}, expected at least ${min}. Welcome text: ${JSON.stringify(welcome.trim())}`);
    }
    return this.readRows(this.treeRowSelector(viewName, level));
  }

  /** The rows matching `selector`, top to bottom, as a person reads them. */
  private readRows(selector: string): Promise<TreeRow[]> {
    return this.page.evaluate((rowSelector) => {
      const doc = (globalThis as unknown as { document: MiniDocument }).document;
      return Array.from(doc.querySelectorAll(rowSelector))
        .map((el) => ({
          index: Number(el.getAttribute('data-index')),
          level: Number(el.getAttribute('aria-level') ?? '1'),
          label: el.querySelector('.label-name')?.textContent?.trim() ?? '',
          description: el.querySelector('.label-description')?.textContent?.trim() ?? '',
          ariaLabel: el.getAttribute('aria-label') ?? '',
        }))
        .sort((a, b) => a.index - b.index)
        .map(({ level, label, description, ariaLabel }) => ({ level, label, description, ariaLabel }));
    }, selector);
  }

  /** Expands the first row of `viewName` whose label is `label` (a click toggles a row without a command). */
  async expandRow(viewName: string, label: string): Promise<void> {
    const row = this.page
      .locator(`${this.treeSelector(viewName)} .monaco-list-row`, { has: this.page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) })
      .first();
    await row.waitFor({ state: 'visible' });
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    const deadline = Date.now() + TIMEOUT_MS;
    while ((await row.getAttribute('aria-expanded')) !== 'true') {
      if (Date.now() > deadline) throw new Error(`The "${label}" row of "${viewName}" did not expand`);
      await this.page.waitForTimeout(100);
    }
  }

  /**
   * Right-clicks the first row of `viewName` labelled `label` and chooses `item` from its context
   * menu. A menu that opens under the pointer can swallow the first click while it settles, so the
   * choice is made again (at most three times) until the menu closes.
   */
  async contextMenu(viewName: string, label: RegExp, item: string): Promise<void> {
    const row = this.page.locator(`${this.treeSelector(viewName)} .monaco-list-row`, { has: this.page.locator('.label-name', { hasText: label }) }).first();
    const menu = this.page.locator('.context-view .monaco-menu');
    const entry = this.page.locator('.context-view .action-item:not(.disabled) .action-label', { hasText: new RegExp(`^${item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first();
    for (let attempt = 1; ; attempt++) {
      if (!(await menu.isVisible())) await row.click({ button: 'right' });
      await entry.waitFor({ state: 'visible' });
      await entry.hover();
      await entry.click();
      try {
        await menu.waitFor({ state: 'hidden', timeout: 2_000 });
        return;
      } catch (e) {
        if (attempt >= 3) throw new Error(`The context menu of "${String(label)}" did not run "${item}"`, { cause: e });
      }
    }
  }

  /** Opens the extension's Clusters view and expands the sandbox's Valkey cluster (`label`) in it. */
  async expandCluster(label = 'valkey-cluster', viewName = 'Clusters'): Promise<void> {
    await this.openViewContainer('Valkey on Welkin', 'valkeyWelkin');
    await this.allRows(viewName, new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    await this.expandRow(viewName, label);
  }

  /** The rows of `viewName` once `probe` accepts them (a tree redraws as data arrives); the error shows the last rows. */
  async rowsUntil(viewName: string, what: string, probe: (rows: TreeRow[]) => boolean): Promise<TreeRow[]> {
    const deadline = Date.now() + TIMEOUT_MS;
    let rows: TreeRow[] = [];
    while (Date.now() < deadline) {
      rows = await this.allRows(viewName);
      if (probe(rows)) return rows;
      await this.page.waitForTimeout(200);
    }
    throw new Error(`The tree never showed ${what}; it shows:\n${rows.map((r) => `${'  '.repeat(r.level - 1)}${r.label} — ${r.description}`).join('\n')}`);
  }

  /** Every visible row of a tree, all levels, top to bottom, once one with `label` shows. */
  async allRows(viewName: string, label?: RegExp): Promise<TreeRow[]> {
    if (label) await this.page.locator(`${this.treeSelector(viewName)} .monaco-list-row .label-name`, { hasText: label }).first().waitFor({ state: 'visible' });
    return this.readRows(`${this.treeSelector(viewName)} .monaco-list-row`);
  }

  /**
   * The visible welcome content of the side bar (a view's `viewsWelcome`), once it shows; with
   * `match`, once it shows matching text (welcome content changes as an extension loads).
   */
  async welcomeText(match?: RegExp): Promise<string> {
    const content = this.page.locator('.part.sidebar .welcome-view-content').first();
    await content.waitFor({ state: 'visible' });
    if (match) {
      try {
        await this.page.locator('.part.sidebar .welcome-view-content', { hasText: match }).first().waitFor({ state: 'visible' });
      } catch (e) {
        throw new Error(`The welcome content never showed ${String(match)}; it shows: ${JSON.stringify((await content.innerText()).trim())}`, { cause: e });
      }
    }
    return (await content.innerText()).trim();
  }

  /** The buttons of the visible welcome content. */
  async welcomeButtons(): Promise<string[]> {
    const buttons = this.page.locator('.part.sidebar .welcome-view-content .monaco-button');
    await buttons.first().waitFor({ state: 'visible' });
    return (await buttons.allInnerTexts()).map((t) => t.trim());
  }

  /** The notification toasts on screen now: message and source (e.g. "Source: Valkey on Welkin"). */
  async notifications(): Promise<Notification[]> {
    const toasts = await this.page.locator('.notification-toast').all();
    return Promise.all(
      toasts.map(async (toast) => ({
        message: (await toast.locator('.notification-list-item-message').innerText()).trim(),
        source: ((await toast.locator('.notification-list-item-source').allInnerTexts())[0] ?? '').trim(),
      })),
    );
  }

  /**
   * Waits up to `timeoutMs` for the notification toasts to go (a finished progress notification
   * lingers a moment) and returns the messages still showing.
   */
  async settleNotifications(timeoutMs = 10_000): Promise<Notification[]> {
    await this.page.locator('.notification-toast').first().waitFor({ state: 'hidden', timeout: timeoutMs }).catch(() => {});
    return this.notifications();
  }

  /** Waits for a notification toast whose message matches. */
  async waitForNotification(match: RegExp): Promise<string> {
    const toast = this.page.locator('.notification-toast .notification-list-item-message', { hasText: match }).first();
    await toast.waitFor({ state: 'visible' });
    return (await toast.innerText()).trim();
  }

  /** Waits for the Output panel to show `channel` (and text matching `contains`), returns its visible text. */
  async outputChannel(channel: string, contains?: RegExp): Promise<string> {
    const panel = this.page.locator('.part.panel [id="workbench.panel.output"]');
    await panel.waitFor({ state: 'visible' });
    // The panel's toolbar is rendered twice (one copy hidden): read the visible channel picker.
    const selected = this.page.locator('.part.panel select[aria-label="Switch Output"]:visible option:checked').first();
    try {
      await this.page
        .locator('.part.panel select[aria-label="Switch Output"]:visible option:checked', { hasText: new RegExp(`^${escapeRegExp(channel)}$`) })
        .first()
        .waitFor({ state: 'attached' });
    } catch {
      throw new Error(`The Output panel shows the channel "${await selected.innerText().catch(() => '?')}", not "${channel}"`);
    }
    const lines = panel.locator('.monaco-editor .view-lines').first();
    await lines.waitFor({ state: 'visible' });
    if (contains) {
      try {
        // Monaco renders spaces as no-break spaces, which a `hasText` RegExp does not match.
        await this.page.waitForFunction(
          ({ selector, source, flags }) => {
            const doc = (globalThis as unknown as { document: MiniDocument }).document;
            const text = doc.querySelector(selector)?.innerText ?? '';
            return new RegExp(source, flags).test(text.replace(/\u00a0/g, ' '));
          },
          { selector: '.part.panel [id="workbench.panel.output"] .monaco-editor .view-lines', source: contains.source, flags: contains.flags },
          { timeout: TIMEOUT_MS },
        );
      } catch {
        throw new Error(`The "${channel}" output never showed ${String(contains)}; it shows:\n${normalize(await lines.innerText())}`);
      }
    }
    return normalize(await lines.innerText());
  }

  /** Saves test-results/screenshots/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    await mkdir(screenshotsDir, { recursive: true });
    const file = path.join(screenshotsDir, `${name.replace(/\.png$/, '')}.png`);
    // Park the mouse so no hover or tooltip covers what the picture should show.
    await this.page.mouse.move(1, 799);
    await this.page.screenshot({ path: file, animations: 'disabled' });
    return file;
  }

  /** Saves what a failed test leaves behind: a screenshot and the browser console. */
  async saveFailureArtifacts(name: string): Promise<void> {
    await this.screenshot(`${name}-failure`).catch(() => {});
    await mkdir(path.join(resultsDir, 'logs', name), { recursive: true });
    await writeFile(path.join(resultsDir, 'logs', name, 'browser-console.log'), `${this.console.join('\n')}\n`).catch(() => {});
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** Monaco renders some spaces as no-break spaces. */
function normalize(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
