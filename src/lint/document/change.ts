import type { Edit, Node, Tree } from '@vscode/tree-sitter-wasm';
import type { Adapter, Locality } from '../analysis/adapter';
import type { FileContext } from '../analysis/context';

/**
 * How far an edit reaches into the analysis: the findings of the functions inside `unit` (the
 * outermost function or class around the edit; null: none) must be recomputed, and the code outside
 * functions always is. Every other function's findings stay as they were, moved with the text.
 */
export interface Change {
  unit: Node | null;
}

/** Nodes whose text is content, not code: a change in the space between their children still changes them. */
const TEXT_LIKE = /string|heredoc|nowdoc|template|literal|comment|regex|text|content|fragment/;

/** The syntax an edit changed in one tree. */
interface Side {
  /** The smallest node around the change. */
  node: Node;
  /** The children of `node` the change touches (`node` itself when it is a token). */
  parts: Node[];
  /** The ancestors of `node` and `node`, outermost first. */
  chain: Node[];
  /** Index in `chain` of the outermost function, -1 when there is none. */
  fnAt: number;
  /** The text of a node of this side's tree. */
  text(n: Node): string;
}

/**
 * The reach of `edit`, or undefined when it may change what the rest of the file resolves to (then
 * the whole file is analysed again). The changed syntax (the edited text and tree-sitter's changed
 * ranges), in the tree before the edit and in the tree after it, must be one of:
 *   - whitespace between the children of a node: only positions move;
 *   - comments between the statements or members of a block, class or file (the analysis skips
 *     comments there), or text inside such a comment;
 *   - inside a declaration the analysis never reads (TypeScript interfaces and type aliases);
 *   - inside one function, touching nothing that the adapter's name resolution reads from outside
 *     it (`Adapter.locality`: its name, returns, assignments, ...) under a name the rest of the file
 *     mentions.
 * The function around the change, if any, is analysed again in every case. Failing that, a change in
 * a class body that only code in the class reads (`Locality.classes`: fields, methods, `this.x`)
 * reaches the functions of the class.
 *
 * `before` is the tree of the text before the edit, `edited` the same tree after `Tree.edit` (what
 * the new tree was parsed from), `ctx` the context of the new tree.
 */
export function changeReach(edit: Edit, before: Tree, edited: Tree, tree: Tree, oldSource: string, ctx: FileContext, adapter: Adapter): Change | undefined {
  let start = edit.startIndex;
  let end = edit.newEndIndex;
  const changed = edited.getChangedRanges(tree);
  for (const r of changed) {
    start = Math.min(start, r.startIndex);
    end = Math.max(end, r.endIndex);
  }
  const delta = edit.newEndIndex - edit.oldEndIndex;
  const now = side(tree, start, end, (n) => [...ctx.ancestors(n), n], (n) => adapter.functionTypes.has(ctx.typeOf(n)), (n) => ctx.text(n));
  const then = side(before, start, end - delta, (n) => [...ancestorsByParent(n), n], (n) => adapter.functionTypes.has(n.type), (n) => oldSource.slice(n.startIndex, n.endIndex));
  if (!now || !then) return undefined;
  const fn = now.fnAt < 0 ? null : now.chain[now.fnAt]!;
  const oldFn = then.fnAt < 0 ? null : then.chain[then.fnAt]!;
  if (fn?.type !== oldFn?.type || (fn && oldFn && (fn.startIndex !== oldFn.startIndex || fn.endIndex !== oldFn.endIndex + delta))) return undefined;

  const { locality } = adapter;
  const sides = [now, then];
  if (now.parts.length === 0 && then.parts.length === 0) {
    const blank = /^\s*$/.test(oldSource.slice(edit.startIndex, edit.oldEndIndex)) && /^\s*$/.test(ctx.source.slice(edit.startIndex, edit.newEndIndex));
    const quiet = changed.every((r) => r.startIndex >= edit.startIndex && r.endIndex <= edit.newEndIndex);
    return blank && quiet && sides.every((s) => !adapter.stringTypes.has(s.node.type) && !TEXT_LIKE.test(s.node.type)) ? { unit: fn } : undefined;
  }
  if (sides.every((s) => onlyComments(s, locality))) return { unit: fn };
  if (!fn && sides.every((s) => insideInert(s, locality))) return { unit: null };
  const names = new Set<string>();
  if (fn && localTo(now, locality, names) && localTo(then, locality, names) && ![...names].some((name) => mentionedOutside(ctx.source, name, fn))) return { unit: fn };
  return classReach(now, then, locality, delta);
}

/**
 * The outermost class around the change (in both trees), when the change is in its body and reads
 * of what it touches stay in the class (`Locality.classes`): then the functions of the class are
 * analysed again, and the rest kept.
 */
function classReach(now: Side, then: Side, locality: Locality, delta: number): Change | undefined {
  const classes = locality.classes;
  if (!classes) return undefined;
  const at = (s: Side) => s.chain.findIndex((n) => classes.has(n.type));
  const [k, oldK] = [at(now), at(then)];
  const cls = now.chain[k];
  const oldCls = then.chain[oldK];
  if (!cls || !oldCls || cls.type !== oldCls.type || cls.startIndex !== oldCls.startIndex || cls.endIndex !== oldCls.endIndex + delta) return undefined;
  return classLocal(now, k, locality) && classLocal(then, oldK, locality) ? { unit: cls } : undefined;
}

/** The change is in the body of the class at `k` and touches nothing code outside the class reads (it assigns only `this.x`). */
function classLocal(s: Side, k: number, locality: Locality): boolean {
  const body = s.chain[k + 1];
  if (!body || body.id !== s.chain[k]!.childForFieldName('body')?.id) return false;
  const inClass = (n: Node): boolean => {
    const how = locality.exported[n.type];
    if (how === undefined || how === 'value') return true;
    const left = how === 'target' ? n.childForFieldName('left') : null;
    const word = left ? /^\s*([A-Za-z_]\w*)\s*\./.exec(s.text(left))?.[1] : undefined;
    return word !== undefined && (locality.receivers ?? []).includes(word);
  };
  const exported = Object.keys(locality.exported);
  return s.chain.slice(k + 2).every(inClass) && s.parts.every((p) => inClass(p) && (exported.length === 0 || p.descendantsOfType(exported).every((d) => d !== null && inClass(d))));
}

/** Comments between the statements or members of a container, or the text of such a comment. */
function onlyComments(s: Side, locality: Locality): boolean {
  if (!s.parts.every((p) => p.type.includes('comment'))) return false;
  const container = s.node.type.includes('comment') ? s.chain[s.chain.length - 2] : s.node;
  return container !== undefined && locality.containers.has(container.type) && !s.parts.some((p) => isValue(locality, p, p.parent));
}

/** Everything changed sits in a declaration that name resolution never reads. */
function insideInert(s: Side, locality: Locality): boolean {
  const inert = locality.inert;
  if (!inert) return false;
  return s.chain.some((n) => inert.has(n.type)) || (s.parts.length > 0 && s.parts.every((p) => inert.has(p.type) || p.type.includes('comment')));
}

/**
 * The change stays in the outermost function: in its statement body, or in its header away from
 * the parts of it other code reads (its name...). The names by which other code would reach the
 * nodes it touches (`Locality.exported`: the function's name for a return, the target of an
 * assignment...) go to `names`; false when a touched node is reached in a way no name tells.
 */
function localTo(s: Side, locality: Locality, names: Set<string>): boolean {
  const fn = s.chain[s.fnAt]!;
  const below = s.chain[s.fnAt + 1];
  const exportedFields = locality.exportedFields.map((f) => fn.childForFieldName(f)?.id);
  const bodyId = fn.childForFieldName('body')?.id;
  const fnName = fn.childForFieldName('name');
  const byValue = (): boolean => (fnName ? (names.add(s.text(fnName)), true) : false);
  if (below && below.id === bodyId) {
    if (!locality.bodies.has(below.type)) return false;
    // The body's statement the change is in (or the statements it touches) may be the function's value.
    const statements = s.chain.length > s.fnAt + 2 ? [s.chain[s.fnAt + 2]!] : s.parts;
    if (statements.some((n) => isValue(locality, n, below)) && !byValue()) return false;
  } else if (below ? exportedFields.includes(below.id) : s.parts.some((p) => exportedFields.includes(p.id) || p.id === bodyId)) {
    return false;
  }
  const note = (n: Node): boolean => {
    const how = locality.exported[n.type];
    if (how === undefined) return true;
    if (how === 'value') return byValue();
    const named = how === 'target' ? n.childForFieldName('left') : how === 'name' ? n.childForFieldName('name') : null;
    const text = named ? s.text(named) : undefined;
    // Names are compared as ASCII words below; anything else is not told apart.
    if (text === undefined || /[\u0080-\uffff]/.test(text)) return false;
    for (const w of text.match(/[A-Za-z_]\w*/g) ?? []) if (!locality.receivers?.includes(w)) names.add(w);
    return true;
  };
  for (let i = s.fnAt + 2; i < s.chain.length; i++) if (!note(s.chain[i]!)) return false;
  const exported = Object.keys(locality.exported);
  for (const p of s.parts) {
    if (!note(p)) return false;
    if (exported.length > 0 && !p.descendantsOfType(exported).every((d) => d !== null && note(d))) return false;
    if (locality.exportedText?.test(s.text(p))) return false;
  }
  return true;
}

/** Whether `name` occurs as a word in `source` outside `fn` (in any case: PHP method names ignore it). */
function mentionedOutside(source: string, name: string, fn: Node): boolean {
  const re = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'gi');
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m.index < fn.startIndex || m.index >= fn.endIndex) return true;
    re.lastIndex = fn.endIndex;
  }
  return false;
}

/** In a language where a body's last statement is its value, whether `n` is that statement of `parent`. */
function isValue(locality: Locality, n: Node, parent: Node | null): boolean {
  return locality.lastStatementIsValue === true && parent !== null && parent.lastNamedChild?.id === n.id;
}

/**
 * The smallest node holding [start, end) (strictly holding `start`, for an empty range), the
 * children of it the range touches, and its ancestry.
 */
function side(tree: Tree, start: number, end: number, chainOf: (n: Node) => Node[], isFunction: (n: Node) => boolean, text: (n: Node) => string): Side | undefined {
  let node: Node | null = tree.rootNode.descendantForIndex(start, end);
  const holds = (n: Node) => (start === end ? n.startIndex < start && start < n.endIndex : n.startIndex <= start && end <= n.endIndex);
  while (node && !holds(node) && node.id !== tree.rootNode.id) node = node.parent;
  if (!node) return undefined;
  const parts: Node[] = [];
  if (node.childCount === 0) parts.push(node);
  else if (start < end) for (const c of node.children) if (c && c.startIndex < end && c.endIndex > start) parts.push(c);
  const chain = chainOf(node);
  return { node, parts, chain, fnAt: chain.findIndex(isFunction), text };
}

function ancestorsByParent(node: Node): Node[] {
  const out: Node[] = [];
  for (let n = node.parent; n; n = n.parent) out.push(n);
  return out.reverse();
}
