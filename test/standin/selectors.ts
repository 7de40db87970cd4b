/** Label and field selectors with the grammar and the per-resource field support of the real server. */
import { at, labelsOf, meta, str, text } from './json';
import type { ResourceType } from './resources';
import { apiVersionOf } from './resources';
import { badRequest } from './status';
import type { Json, KubeObject } from './types';

type LabelOp = '=' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

interface LabelRequirement {
  readonly key: string;
  readonly op: LabelOp;
  readonly values: readonly string[];
}

export type Predicate = (obj: KubeObject) => boolean;

const KEY = /^([A-Za-z0-9][-A-Za-z0-9_./]*)?[A-Za-z0-9]$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Splits on commas that are not inside `( … )`. */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else current += ch;
  }
  terms.push(current);
  return terms.map((t) => t.trim()).filter((t) => t !== '');
}

function parseRequirement(term: string): LabelRequirement {
  const setMatch = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(term);
  if (setMatch) {
    const [, key = '', op = 'in', list = ''] = setMatch;
    const values = list.split(',').map((v) => v.trim());
    return { key, op: op === 'in' ? 'in' : 'notin', values };
  }
  const opMatch = /^([^=!<>\s]+)\s*(==|=|!=|>|<)\s*(.*)$/.exec(term);
  if (opMatch) {
    const [, key = '', op = '=', value = ''] = opMatch;
    const mapped: LabelOp = op === '!=' ? '!=' : op === '>' ? 'gt' : op === '<' ? 'lt' : '=';
    return { key, op: mapped, values: [value.trim()] };
  }
  if (term.startsWith('!')) return { key: term.slice(1).trim(), op: '!', values: [] };
  return { key: term, op: 'exists', values: [] };
}

function checkRequirement(req: LabelRequirement, selector: string): void {
  if (!KEY.test(req.key) || req.key.length > 316) {
    throw badRequest(`unable to parse requirement: <nil>: Invalid value: "${req.key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`);
  }
  for (const value of req.values) {
    if (req.op === 'gt' || req.op === 'lt') {
      if (!/^-?\d+$/.test(value)) throw badRequest(`unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer`);
    } else if (!VALUE.test(value) || value.length > 63) {
      throw badRequest(`unable to parse requirement: values[0][${req.key}]: Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`);
    }
  }
  if ((req.op === 'in' || req.op === 'notin') && req.values.length === 0) {
    throw badRequest(`couldn't parse the selector string "${selector}": for 'in', 'notin' operators, values set can't be empty`);
  }
}

function matchesRequirement(req: LabelRequirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, req.key);
  const value = labels[req.key];
  switch (req.op) {
    case '=':
    case 'in':
      return has && req.values.includes(value ?? '');
    case '!=':
    case 'notin':
      return !has || !req.values.includes(value ?? '');
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || !/^-?\d+$/.test(value ?? '')) return false;
      const n = Number(value);
      const bound = Number(req.values[0]);
      return req.op === 'gt' ? n > bound : n < bound;
    }
  }
}

export function parseLabelSelector(selector: string | null): Predicate {
  if (!selector || !selector.trim()) return () => true;
  const requirements = splitTerms(selector).map(parseRequirement);
  for (const req of requirements) checkRequirement(req, selector);
  return (obj) => {
    const labels = labelsOf(obj);
    return requirements.every((req) => matchesRequirement(req, labels));
  };
}

/** A `matchLabels` / `matchExpressions` LabelSelector object (NetworkPolicy, Deployment selectors). */
export function labelSelectorObjectMatches(selector: Json | undefined, labels: Record<string, string>): boolean {
  if (typeof selector !== 'object' || selector === null || Array.isArray(selector)) return false;
  const matchLabels = selector.matchLabels;
  if (typeof matchLabels === 'object' && matchLabels !== null && !Array.isArray(matchLabels)) {
    for (const [k, v] of Object.entries(matchLabels)) if (labels[k] !== v) return false;
  }
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  for (const expr of expressions) {
    const key = str(at(expr, ['key'])) ?? '';
    const values = (Array.isArray(at(expr, ['values'])) ? (at(expr, ['values']) as Json[]) : []).map((v) => text(v));
    const op = str(at(expr, ['operator']));
    const mapped: LabelOp = op === 'In' ? 'in' : op === 'NotIn' ? 'notin' : op === 'Exists' ? 'exists' : '!';
    if (!matchesRequirement({ key, op: mapped, values }, labels)) return false;
  }
  return true;
}

/** Field paths the real server indexes for field selectors, per resource (beyond metadata.name/namespace). */
const EXTRA_FIELDS: Record<string, readonly string[]> = {
  pods: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  secrets: ['type'],
  namespaces: ['status.phase'],
  services: ['spec.clusterIP', 'spec.type'],
  jobs: ['status.successful'],
  replicasets: ['status.replicas'],
};

function fieldValue(obj: KubeObject, field: string): string {
  if (field === 'metadata.name') return str(meta(obj).name) ?? '';
  if (field === 'metadata.namespace') return str(meta(obj).namespace) ?? '';
  const value = at(obj, field.split('.'));
  if (value === undefined || value === null) return field === 'spec.hostNetwork' ? 'false' : '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

interface FieldTerm {
  readonly field: string;
  readonly negate: boolean;
  readonly value: string;
}

/** `fields.ParseSelector`: comma-separated `k=v`, `k==v`, `k!=v`, with `\` escaping `,`, `=` and `\`. */
function parseFieldTerms(selector: string): FieldTerm[] {
  const terms: string[] = [];
  let current = '';
  for (let i = 0; i < selector.length; i += 1) {
    const ch = selector[i];
    if (ch === '\\' && i + 1 < selector.length) {
      current += ch + (selector[i + 1] ?? '');
      i += 1;
    } else if (ch === ',') {
      terms.push(current);
      current = '';
    } else current += ch;
  }
  terms.push(current);
  const unescape = (s: string): string => s.replace(/\\(.)/g, '$1');
  return terms
    .filter((t) => t !== '')
    .map((term) => {
      const m = /^((?:[^=!\\]|\\.)*)(!=|==|=)(.*)$/.exec(term);
      if (!m) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
      const [, field = '', op = '=', value = ''] = m;
      return { field: unescape(field), negate: op === '!=', value: unescape(value) };
    });
}

export function parseFieldSelector(selector: string | null, type: ResourceType, labelSelector: string | null): Predicate {
  if (!selector || !selector.trim()) return () => true;
  const terms = parseFieldTerms(selector);
  const supported = ['metadata.name', ...(type.namespaced ? ['metadata.namespace'] : []), ...(EXTRA_FIELDS[type.resource] ?? [])];
  for (const term of terms) {
    if (!supported.includes(term.field)) {
      const gvr = `${apiVersionOf(type)}, Resource=${type.resource}`;
      throw badRequest(
        `Unable to find "${type.group ? gvr : `/${gvr}`}" that match label selector "${labelSelector ?? ''}", field selector "${selector}": field label not supported: ${term.field}`,
      );
    }
  }
  return (obj) => terms.every((t) => (fieldValue(obj, t.field) === t.value) !== t.negate);
}
