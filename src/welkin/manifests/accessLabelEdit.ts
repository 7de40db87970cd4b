import { isAlias, isMap, isScalar, stringify, type Node, type Pair, type YAMLMap } from 'yaml';
import { err, ok, type Result } from '../../util/result';
import { podTemplatePath } from '../generate/accessLabelPatch';
import { textEdit, type TextEdit } from './textEdit';
import { pairOf, type ParsedManifests, type YamlWorkload } from './yamlWorkloads';

export interface ManifestProblem {
  readonly message: string;
  /** Where the obstacle is written. */
  readonly offset: number;
}

/**
 * The smallest edits that put `key: value` on a workload's pod template labels, creating the
 * `labels:` or `metadata:` map where missing. Everything else in the file stays byte for byte:
 * comments, order, quoting, flow collections, anchors and the other documents.
 */
export function accessLabelEdits(parsed: ParsedManifests, workload: YamlWorkload, key: string, value: string): Result<TextEdit[], ManifestProblem> {
  const editor = new Editor(parsed);
  let parent: Pair<Node, Node | null> | undefined;
  let node: Node | null = workload.root;
  for (const step of podTemplatePath(workload.kind)) {
    if (!isMap(node)) return err(problem(`${workload.kind} "${workload.name}": "${parent ? keyText(parent) : 'the document'}" is not a map`, node ?? workload.root));
    parent = pairOf(node, step);
    if (!parent) return err(problem(`${workload.kind} "${workload.name}" has no ${podTemplatePath(workload.kind).join('.')}`, node));
    node = parent.value;
    if (isAlias(node)) return err(aliasProblem(step, node));
  }
  if (!isMap(node) || !parent) return err(problem(`${workload.kind} "${workload.name}": the pod template is not a map`, node ?? workload.root));
  const template = node;

  const metadata = pairOf(template, 'metadata');
  if (!metadata) return ok([editor.addPair(template, parent, 'metadata', { labels: { [key]: value } })]);
  if (isAlias(metadata.value)) return err(aliasProblem('metadata', metadata.value));
  if (isEmpty(metadata.value)) return ok([editor.fillEmpty(metadata, { labels: { [key]: value } })]);
  if (!isMap(metadata.value)) return err(problem('the pod template metadata is not a map', metadata.value ?? template));

  const labels = pairOf(metadata.value, 'labels');
  if (!labels) return ok([editor.addPair(metadata.value, metadata, 'labels', { [key]: value })]);
  if (isAlias(labels.value)) return err(aliasProblem('labels', labels.value));
  if (isEmpty(labels.value)) return ok([editor.fillEmpty(labels, { [key]: value })]);
  if (!isMap(labels.value)) return err(problem('the pod template labels are not a map', labels.value ?? metadata.value));

  const existing = pairOf(labels.value, key);
  if (!existing) return ok([editor.addPair(labels.value, labels, key, value)]);
  if (isScalar(existing.value) && String(existing.value.value) === value) return ok([]);
  if (!existing.value?.range) return ok([editor.fillEmpty(existing, value)]);
  return ok([textEdit(parsed.lines, existing.value.range[0], existing.value.range[1] - existing.value.range[0], scalar(value))]);
}

type Value = string | { readonly [key: string]: Value };

/** Writes new entries in the style of the map they go into. */
class Editor {
  private readonly eol: string;

  constructor(private readonly parsed: ParsedManifests) {
    this.eol = parsed.text.includes('\r\n') ? '\r\n' : '\n';
  }

  /** A new last entry of `map` (whose own key is `owner`). */
  addPair(map: YAMLMap, owner: Pair<Node, Node | null>, key: string, value: Value): TextEdit {
    const { text, lines } = this.parsed;
    if (map.flow) {
      const last = map.items.at(-1) as Pair<Node, Node | null> | undefined;
      const after = last ? endOf(last) : (map.range?.[0] ?? 0) + 1;
      return textEdit(lines, after, 0, `${last ? ', ' : ''}${scalar(key)}: ${flow(value)}`);
    }
    const first = map.items[0] as Pair<Node, Node | null> | undefined;
    const indent = first ? this.column(first.key) : this.column(owner.key) + this.unit(owner, map);
    const at = this.lineAfter(endOf(map.items.at(-1) as Pair<Node, Node | null>));
    const lead = at === text.length && !text.endsWith('\n') ? this.eol : '';
    return textEdit(lines, at, 0, lead + this.block(key, value, indent, this.unit(owner, map)) + (lead ? '' : this.eol));
  }

  /** `key:` with no value (or `null`, `~`, `{}` written out) becomes `key:` with `value`. */
  fillEmpty(pair: Pair<Node, Node | null>, value: Value): TextEdit {
    const { lines } = this.parsed;
    const node = pair.value;
    if (node?.range && node.range[1] > node.range[0]) {
      // `labels: {}` or `labels: null`: replace the written value in flow style.
      return textEdit(lines, node.range[0], node.range[1] - node.range[0], flow(value));
    }
    if (typeof value === 'string') return textEdit(lines, this.afterColon(pair), 0, ` ${scalar(value)}`);
    const unit = 2;
    const indent = this.column(pair.key) + unit;
    const at = this.lineAfter(this.afterColon(pair));
    const lead = at === this.parsed.text.length && !this.parsed.text.endsWith('\n') ? this.eol : '';
    const body = Object.entries(value).map(([k, v]) => this.block(k, v, indent, unit));
    return textEdit(lines, at, 0, lead + body.join(this.eol) + (lead ? '' : this.eol));
  }

  private afterColon(pair: Pair<Node, Node | null>): number {
    const keyEnd = (pair.key as Node | null)?.range?.[1] ?? 0;
    return this.parsed.text.indexOf(':', keyEnd) + 1;
  }

  private block(key: string, value: Value, indent: number, unit: number): string {
    const pad = ' '.repeat(indent);
    if (typeof value === 'string') return `${pad}${scalar(key)}: ${scalar(value)}`;
    const children = Object.entries(value).map(([k, v]) => this.block(k, v, indent + unit, unit));
    return [`${pad}${scalar(key)}:`, ...children].join(this.eol);
  }

  /** The file's indentation step, as seen between a key and its map's entries. */
  private unit(owner: Pair<Node, Node | null>, map: YAMLMap): number {
    const first = map.items[0] as Pair<Node, Node | null> | undefined;
    const step = first ? this.column(first.key) - this.column(owner.key) : 0;
    return step > 0 ? step : 2;
  }

  private column(node: unknown): number {
    const start = (node as Node | null)?.range?.[0] ?? 0;
    return this.parsed.lines.linePos(start).col - 1;
  }

  /** The start of the line after the one holding `offset` (a line just ended stays put). */
  private lineAfter(offset: number): number {
    const { text } = this.parsed;
    if (offset > 0 && text[offset - 1] === '\n') return offset;
    const newline = text.indexOf('\n', offset);
    return newline < 0 ? text.length : newline + 1;
  }
}

function endOf(pair: Pair<Node, Node | null>): number {
  return pair.value?.range?.[1] ?? (pair.key as Node | null)?.range?.[1] ?? 0;
}

function isEmpty(node: Node | null): boolean {
  if (node === null) return true;
  if (isScalar(node)) return node.value === null;
  return isMap(node) && node.items.length === 0 && node.flow === true;
}

function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function flow(value: Value): string {
  if (typeof value === 'string') return scalar(value);
  return `{${Object.entries(value).map(([k, v]) => `${scalar(k)}: ${flow(v)}`).join(', ')}}`;
}

function keyText(pair: Pair<Node, Node | null>): string {
  return isScalar(pair.key) ? String(pair.key.value) : '?';
}

function problem(message: string, node: Node): ManifestProblem {
  return { message, offset: node.range?.[0] ?? 0 };
}

function aliasProblem(key: string, node: Node): ManifestProblem {
  return problem(`"${key}" is an alias (*${isAlias(node) ? node.source : ''}); add the label where the anchor is defined, or write the map out here, so other users of the anchor do not change`, node);
}
