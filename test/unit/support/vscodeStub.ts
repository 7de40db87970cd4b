// A stand-in for the `vscode` module, for unit tests of editor-side classes whose logic does not
// depend on the workbench (they use only EventEmitter and window prompts). Install it before
// requiring the module under test: `installVscodeStub()` then `require(...)`.
import Module from 'node:module';

export const prompts: { title?: string | undefined; prompt?: string | undefined }[] = [];
/** Answers for the next showInputBox calls, in order (undefined: the user pressed Escape). */
export const inputAnswers: (string | undefined)[] = [];
/** Picks for the next showQuickPick calls: a function choosing among the items shown. */
export const quickPicks: (<T extends { label: string }>(items: readonly T[]) => T | undefined)[] = [];
export const statusBarItems: { text: string; tooltip: unknown; visible: boolean }[] = [];

class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  readonly event = (listener: (e: T) => void): { dispose(): void } => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(e: T): void {
    for (const l of this.listeners) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

class MarkdownString {
  supportThemeIcons = false;
  isTrusted = false;
  supportHtml = false;
  constructor(public value = '') {}
}

class TreeItem {
  id?: string;
  description?: string;
  tooltip?: string | MarkdownString;
  iconPath?: unknown;
  contextValue?: string;
  command?: unknown;
  accessibilityInformation?: unknown;
  constructor(
    public label: string,
    public collapsibleState = 0,
  ) {}
}

class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: unknown,
  ) {}
}

class ThemeColor {
  constructor(readonly id: string) {}
}

const stub = {
  EventEmitter,
  MarkdownString,
  TreeItem,
  ThemeIcon,
  ThemeColor,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  window: {
    createStatusBarItem: () => {
      const item = { text: '', tooltip: undefined as unknown, visible: false, name: '', command: undefined as unknown, show: () => (item.visible = true), hide: () => (item.visible = false), dispose: () => (item.visible = false) };
      statusBarItems.push(item);
      return item;
    },
    showQuickPick: <T extends { label: string }>(items: readonly T[]): Promise<T | undefined> => Promise.resolve(quickPicks.shift()?.(items)),
    showInformationMessage: (): Promise<undefined> => Promise.resolve(undefined),
    showInputBox: (options: { title?: string; prompt?: string }): Promise<string | undefined> => {
      prompts.push({ title: options.title, prompt: options.prompt });
      return Promise.resolve(inputAnswers.shift());
    },
  },
};

let installed = false;
export function installVscodeStub(): void {
  if (installed) return;
  installed = true;
  const M = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string; _cache: Record<string, unknown> };
  const original = M._resolveFilename;
  const id = '\0vscode-stub';
  M._cache[id] = { id, filename: id, loaded: true, exports: stub };
  M._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? id : original.call(this, request, ...rest);
  };
}
