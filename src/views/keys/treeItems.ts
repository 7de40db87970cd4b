import * as vscode from 'vscode';
import { Commands } from '../../constants/commands';
import { describeTarget } from '../../connections/target';
import type { KeyDetails } from '../../valkey/keys/index';
import type { KeyBrowserNode } from './nodes';
import { code, md } from '../../util/markdown';

const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
const None = vscode.TreeItemCollapsibleState.None;

const TYPE_ICONS: Record<string, string> = {
  string: 'symbol-string',
  hash: 'symbol-object',
  list: 'list-ordered',
  set: 'symbol-array',
  zset: 'graph',
  stream: 'pulse',
  none: 'circle-slash',
};

/** Renders a key browser row. contextValues: `valkeyWelkin:keys+scanning+filtered`, `valkeyWelkin:key+hash+ttl`. */
export function keyTreeItem(node: KeyBrowserNode): vscode.TreeItem {
  const { state } = node;
  const lib = state.lib;
  const n = (value: number): string => lib?.count(value) ?? String(value);
  switch (node.kind) {
    case 'keys': {
      const item = new vscode.TreeItem('Keys', Collapsed);
      item.id = `keys/${state.id}`;
      item.iconPath = new vscode.ThemeIcon(state.pattern ? 'filter' : 'key');
      const p = state.model?.progress;
      const found = p ? `${n(p.keys)}${p.exact ? '' : '+'} ${state.filtered ? 'found' : p.done ? 'keys' : 'keys loaded'}` : undefined;
      const progress = state.scanning ? 'scanning…' : p && !p.done && state.filtered ? 'stopped' : undefined;
      const filters = [state.pattern ? `filter ${state.pattern}` : undefined, state.typeFilter ? `type ${state.typeFilter}` : undefined, state.flat ? 'flat list' : undefined].filter(Boolean).join(' · ');
      item.description = [filters || undefined, [found, progress].filter(Boolean).join(', ') || undefined].filter(Boolean).join(' — ');
      item.contextValue = `valkeyWelkin:keys${state.scanning ? '+scanning' : ''}${state.filtered ? '+filtered' : ''}${p?.done && !state.scanning ? '+complete' : ''}${state.flat ? '+flat' : ''}`;
      item.tooltip = new vscode.MarkdownString(
        md`**Keys of ${describeTarget(state.target)}**\n\nRead with SCAN in pages (never KEYS), grouped by prefix.` +
          (state.pattern ? md` Filter ${code(state.pattern)}: the whole keyspace is scanned.` : '') +
          (p ? `\n\n${n(p.keys)} key${p.keys === 1 ? '' : 's'} in ${n(p.pages)} SCAN page${p.pages === 1 ? '' : 's'}${p.done ? ' (complete)' : ''}${p.repeats ? `, ${n(p.repeats)} repeats dropped` : ''}.` : ''),
      );
      return item;
    }
    case 'keyGroup': {
      const g = node.group;
      // Compacted (cache:product): the prefix from the parent row on, without the last delimiter.
      const delimiterLength = g.prefix.length - (g.parent?.prefix.length ?? 0) - g.segment.length;
      const shownPrefix = node.listedUnder !== undefined ? g.prefix.slice(node.listedUnder.length, g.prefix.length - delimiterLength) : undefined;
      const label = shownPrefix !== undefined ? (lib?.displayId(shownPrefix) ?? shownPrefix) : (lib?.displayId(g.segment) ?? g.segment);
      const item = new vscode.TreeItem(label === '""' ? '(empty)' : label, Collapsed);
      item.id = `keys/${state.id}/g/${g.prefix}`;
      item.iconPath = new vscode.ThemeIcon('folder');
      // Until the scan is complete the count is of the keys loaded so far, and says so.
      const complete = state.model?.progress.done === true;
      item.description = `${n(g.count)} key${g.count === 1 ? '' : 's'}${complete ? '' : ' loaded'}`;
      item.contextValue = 'valkeyWelkin:keyGroup';
      item.tooltip = `${lib?.displayId(g.prefix) ?? g.prefix}* — ${n(g.count)} key${g.count === 1 ? '' : 's'}${complete ? ' (all keys are loaded)' : ' loaded so far; Load more reads the rest'}`;
      return item;
    }
    case 'key': {
      const name = lib?.displayId(node.entry.id) ?? node.entry.id;
      // Under a group the rest of the name says enough (the tooltip and Copy Name have all of it).
      const prefix = node.listedUnder ?? state.model?.tree.groupOf(node.entry.id)?.prefix ?? '';
      const rest = prefix && lib ? lib.displayId(node.entry.id.slice(prefix.length)) : name;
      const item = new vscode.TreeItem(rest.startsWith('"') || !name.endsWith(rest) ? name : rest, None);
      item.id = `keys/${state.id}/k/${node.entry.id}`;
      const d = node.entry.details;
      item.iconPath = new vscode.ThemeIcon(d ? (TYPE_ICONS[d.type] ?? 'symbol-misc') : 'key');
      item.description = d ? describeDetails(d, lib) : '…';
      item.contextValue = `valkeyWelkin:key${d ? `+${d.type}` : ''}${d && d.pttl >= 0 ? '+ttl' : ''}`;
      item.tooltip = new vscode.MarkdownString(md`${code(name)}${d ? `\n\n${describeDetails(d, lib)}` : ''}` + '\n\n*Click to open its value (read-only).*');
      item.command = { title: 'Open Value', command: Commands.keysOpen, arguments: [node] };
      return item;
    }
    case 'keysMore': {
      const g = node.group;
      if (node.loadMore) {
        const p = state.model?.progress;
        const item = new vscode.TreeItem(state.scanning ? 'Scanning…' : 'Load more', None);
        item.id = `keys/${state.id}/load`;
        item.iconPath = new vscode.ThemeIcon(state.scanning ? 'loading~spin' : 'fold-down');
        item.description = p ? `${n(p.keys)} keys so far${state.model?.tree.full ? ' · tree full: the rest are counted' : ''}` : undefined;
        item.contextValue = 'valkeyWelkin:keysLoadMore';
        if (!state.scanning) item.command = { title: 'Load More', command: Commands.keysLoadMore, arguments: [state.node] };
        return item;
      }
      const under = g.prefix === '' ? '' : ` under ${lib?.displayId(g.prefix) ?? g.prefix}`;
      const item = new vscode.TreeItem(`… ${n(g.unlisted)} more key${g.unlisted === 1 ? '' : 's'}${under}`, None);
      item.id = `keys/${state.id}/more/${g.prefix}`;
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.contextValue = 'valkeyWelkin:keysSummary';
      item.tooltip = `The tree holds at most ${n(state.model?.tree.maxNodes ?? 0)} rows (setting valkeyWelkin.keys.maxTreeNodes); these keys are counted, not listed. Filter the keys to see them.`;
      return item;
    }
  }
}

function describeDetails(d: KeyDetails, lib: { ttl(p: number): string; size(b: number): string } | undefined): string {
  const ttl = d.pttl === -1 ? 'no TTL' : d.pttl < 0 ? 'expired' : `TTL ${lib?.ttl(d.pttl) ?? `${d.pttl} ms`}`;
  return [d.type, ttl, d.memory === undefined ? undefined : (lib?.size(d.memory) ?? `${d.memory} B`)].filter(Boolean).join(' · ');
}
