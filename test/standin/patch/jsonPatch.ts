/** RFC 6902 JSON Patch, with error texts like evanphx/json-patch (which the apiserver uses). */
import { clone, deepEqual, isObject } from '../json';
import { badRequest, patchNotApplicable } from '../status';
import type { Json } from '../types';

interface Operation {
  readonly op: string;
  readonly path: string;
  readonly from?: string;
  readonly value?: Json;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw patchNotApplicable(`JSON pointer must be empty or start with a "/": ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function decodeOperations(patch: Json): Operation[] {
  if (!Array.isArray(patch)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  return patch.map((raw) => {
    if (!isObject(raw) || typeof raw.op !== 'string') throw badRequest('json: cannot unmarshal into Go value of type jsonpatch.Operation');
    const op: Operation = { op: raw.op, path: typeof raw.path === 'string' ? raw.path : '' };
    return { ...op, ...(typeof raw.from === 'string' ? { from: raw.from } : {}), ...('value' in raw ? { value: raw.value } : {}) };
  });
}

/** The container of the last token, or undefined when a step is missing. */
function parentOf(doc: Json, tokens: string[]): Json | undefined {
  let cur: Json | undefined = doc;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(cur)) cur = /^\d+$/.test(token) ? cur[Number(token)] : undefined;
    else if (isObject(cur)) cur = cur[token];
    else return undefined;
  }
  return cur;
}

function get(doc: Json, tokens: string[]): Json | undefined {
  if (tokens.length === 0) return doc;
  const parent = parentOf(doc, tokens);
  const last = tokens[tokens.length - 1] ?? '';
  if (Array.isArray(parent)) return /^\d+$/.test(last) ? parent[Number(last)] : undefined;
  return isObject(parent) ? parent[last] : undefined;
}

function add(doc: Json, path: string, value: Json, opName: string): Json {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return value;
  const parent = parentOf(doc, tokens);
  const last = tokens[tokens.length - 1] ?? '';
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : /^\d+$/.test(last) ? Number(last) : Number.NaN;
    if (!(index >= 0 && index <= parent.length)) throw patchNotApplicable(`${opName} operation does not apply: doc is missing path: "${path}": missing value`);
    parent.splice(index, 0, value);
  } else if (isObject(parent)) parent[last] = value;
  else throw patchNotApplicable(`${opName} operation does not apply: doc is missing path: "${path}": missing value`);
  return doc;
}

function remove(doc: Json, path: string, opName: string): Json {
  const tokens = parsePointer(path);
  const parent = parentOf(doc, tokens);
  const last = tokens[tokens.length - 1] ?? '';
  if (Array.isArray(parent) && /^\d+$/.test(last) && Number(last) < parent.length) parent.splice(Number(last), 1);
  else if (isObject(parent) && Object.hasOwn(parent, last)) delete parent[last];
  else throw patchNotApplicable(`${opName} operation does not apply: doc is missing path: "${path}": missing value`);
  return doc;
}

export function applyJsonPatch(original: Json, patch: Json): Json {
  let doc = clone(original);
  for (const op of decodeOperations(patch)) {
    switch (op.op) {
      case 'add':
        doc = add(doc, op.path, clone(op.value ?? null), 'add');
        break;
      case 'remove':
        doc = remove(doc, op.path, 'remove');
        break;
      case 'replace':
        if (get(doc, parsePointer(op.path)) === undefined) throw patchNotApplicable(`replace operation does not apply: doc is missing key: ${op.path}: missing value`);
        if (op.path === '') doc = clone(op.value ?? null);
        else doc = add(remove(doc, op.path, 'replace'), op.path, clone(op.value ?? null), 'replace');
        break;
      case 'move': {
        const value = get(doc, parsePointer(op.from ?? ''));
        if (value === undefined) throw patchNotApplicable(`move operation does not apply: doc is missing from path: ${op.from ?? ''}: missing value`);
        doc = add(remove(doc, op.from ?? '', 'move'), op.path, value, 'move');
        break;
      }
      case 'copy': {
        const value = get(doc, parsePointer(op.from ?? ''));
        if (value === undefined) throw patchNotApplicable(`copy operation does not apply: doc is missing from path: ${op.from ?? ''}: missing value`);
        doc = add(doc, op.path, clone(value), 'copy');
        break;
      }
      case 'test':
        if (!deepEqual(get(doc, parsePointer(op.path)), op.value ?? null)) throw patchNotApplicable(`testing value ${op.path} failed: test failed`);
        break;
      default:
        throw patchNotApplicable(`Unexpected kind: ${op.op}`);
    }
  }
  return doc;
}
