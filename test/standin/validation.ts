/**
 * Create/update validation with the real field paths and messages (k8s.io/apimachinery validation
 * and pkg/apis/core|apps|batch/validation), for the rules that matter to the extension.
 */
import { at, deepEqual, isObject, meta, str } from './json';
import type { NameRule, ResourceType } from './resources';
import { invalid, type FieldError } from './status';
import type { Json, KubeObject } from './types';

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const DNS1035_LABEL = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QUALIFIED_NAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE = `(${QUALIFIED_NAME})?`;
const CONFIG_KEY = '[-._a-zA-Z0-9]+';

const full = (re: string): RegExp => new RegExp(`^(?:${re})$`);

/** `validation.RegexError`: "msg (e.g. 'a',  or 'b', regex used for validation is 're')". */
function regexError(msg: string, re: string, ...examples: string[]): string {
  if (!examples.length) return `${msg} (regex used for validation is '${re}')`;
  return `${msg} (e.g. ${examples.map((e, i) => `${i > 0 ? ' or ' : ''}'${e}', `).join('')}regex used for validation is '${re}')`;
}

const maxLen = (n: number): string => `must be no more than ${n} characters`;

export function dns1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLen(63));
  if (!full(DNS1123_LABEL).test(value)) {
    errs.push(regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", DNS1123_LABEL, 'my-name', '123-abc'));
  }
  return errs;
}

export function dns1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLen(253));
  if (!full(DNS1123_SUBDOMAIN).test(value)) {
    errs.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN, 'example.com'));
  }
  return errs;
}

export function dns1035Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLen(63));
  if (!full(DNS1035_LABEL).test(value)) {
    errs.push(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", DNS1035_LABEL, 'my-name', 'abc-123'));
  }
  return errs;
}

const NAME_RULES: Record<NameRule, (v: string) => string[]> = { subdomain: dns1123Subdomain, label: dns1123Label, dns1035: dns1035Label };

/** `validation.IsQualifiedName`, used for label and annotation keys. */
export function qualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name = value;
  if (parts.length === 2) {
    const [prefix = '', rest = ''] = parts;
    name = rest;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else for (const msg of dns1123Subdomain(prefix)) errs.push(`prefix part ${msg}`);
  } else if (parts.length > 2) {
    return [regexError("a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", QUALIFIED_NAME, 'MyName', 'my.name', '123-abc') + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push(`name part ${maxLen(63)}`);
  if (name.length > 0 && !full(QUALIFIED_NAME).test(name)) {
    errs.push(regexError("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", QUALIFIED_NAME, 'MyName', 'my.name', '123-abc'));
  }
  return errs;
}

export function labelValue(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLen(63));
  if (!full(LABEL_VALUE).test(value)) {
    errs.push(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", LABEL_VALUE, 'MyValue', 'my_value', '12345'));
  }
  return errs;
}

function configKey(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLen(253));
  if (!full(CONFIG_KEY).test(value)) {
    errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_KEY, 'key.name', 'KEY_NAME', 'key-name'));
  }
  if (value === '.') errs.push("must not be '.'");
  else if (value === '..') errs.push("must not be '..'");
  else if (value.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

type Errors = FieldError[];

const invalidEach = (errs: Errors, field: string, value: Json, msgs: string[]): void => {
  for (const detail of msgs) errs.push({ type: 'FieldValueInvalid', field, value, detail });
};

function validateStringMap(errs: Errors, field: string, value: Json | undefined, checkValues: boolean): void {
  if (!isObject(value)) return;
  for (const [k, v] of Object.entries(value)) {
    invalidEach(errs, field, k, qualifiedName(k));
    if (checkValues) invalidEach(errs, field, v, typeof v === 'string' ? labelValue(v) : ['must be a string']);
  }
}

/** ObjectMeta rules; `nameRule` undefined for embedded metadata (pod templates) that carries no name. */
function validateMetadata(errs: Errors, nameRule: NameRule | undefined, m: Json | undefined, path: string): void {
  if (nameRule) {
    const name = str(at(m, ['name']));
    if (!name && !str(at(m, ['generateName']))) errs.push({ type: 'FieldValueRequired', field: `${path}.name`, detail: 'name or generateName is required' });
    if (name) invalidEach(errs, `${path}.name`, name, NAME_RULES[nameRule](name));
  }
  validateStringMap(errs, `${path}.labels`, at(m, ['labels']), true);
  validateStringMap(errs, `${path}.annotations`, at(m, ['annotations']), false);
}

function validateConfigData(errs: Errors, obj: KubeObject, fields: readonly string[]): void {
  const seen = new Set<string>();
  for (const field of fields) {
    const data = obj[field];
    if (!isObject(data)) continue;
    for (const key of Object.keys(data)) {
      invalidEach(errs, `${field}[${key}]`, key, configKey(key));
      if (seen.has(key)) errs.push({ type: 'FieldValueInvalid', field: `${field}[${key}]`, value: key, detail: 'duplicate of key present in data' });
      seen.add(key);
    }
  }
}

function validateContainers(errs: Errors, podSpec: Json | undefined, path: string): void {
  const containers = at(podSpec, ['containers']);
  if (!Array.isArray(containers) || containers.length === 0) {
    errs.push({ type: 'FieldValueRequired', field: `${path}.containers` });
    return;
  }
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const base = `${path}.containers[${i}]`;
    const name = str(at(c, ['name']));
    if (!name) errs.push({ type: 'FieldValueRequired', field: `${base}.name` });
    else {
      invalidEach(errs, `${base}.name`, name, dns1123Label(name));
      if (names.has(name)) errs.push({ type: 'FieldValueDuplicate', field: `${base}.name`, value: name });
      names.add(name);
    }
    if (!str(at(c, ['image']))) errs.push({ type: 'FieldValueRequired', field: `${base}.image` });
    const ports = at(c, ['ports']);
    if (Array.isArray(ports)) {
      ports.forEach((p, j) => {
        const port = at(p, ['containerPort']);
        if (typeof port !== 'number' || port < 1 || port > 65535) {
          errs.push({ type: port === undefined ? 'FieldValueRequired' : 'FieldValueInvalid', field: `${base}.ports[${j}].containerPort`, value: port ?? null, detail: port === undefined ? '' : 'must be between 1 and 65535, inclusive' });
        }
      });
    }
  });
}

/** A pod template under a workload: selector required and matching, containers present. */
function validateTemplate(errs: Errors, obj: KubeObject, templatePath: string[], selectorRequired: boolean): void {
  const dotted = templatePath.join('.');
  validateMetadata(errs, undefined, at(obj, [...templatePath, 'metadata']), `${dotted}.metadata`);
  if (selectorRequired) {
    const selector = at(obj, ['spec', 'selector']);
    if (!isObject(selector)) errs.push({ type: 'FieldValueRequired', field: 'spec.selector' });
    else {
      const matchLabels = at(selector, ['matchLabels']);
      const templateLabels = at(obj, [...templatePath, 'metadata', 'labels']);
      if (isObject(matchLabels)) {
        const labels = isObject(templateLabels) ? templateLabels : {};
        const matches = Object.entries(matchLabels).every(([k, v]) => labels[k] === v);
        if (!matches) errs.push({ type: 'FieldValueInvalid', field: `${dotted}.metadata.labels`, value: labels, detail: '`selector` does not match template `labels`' });
      }
    }
  }
  validateContainers(errs, at(obj, [...templatePath, 'spec']), `${dotted}.spec`);
}

function validateKind(errs: Errors, t: ResourceType, obj: KubeObject): void {
  switch (t.kind) {
    case 'ConfigMap':
      validateConfigData(errs, obj, ['data', 'binaryData']);
      break;
    case 'Secret':
      validateConfigData(errs, obj, ['data', 'stringData']);
      break;
    case 'Pod':
      validateContainers(errs, obj.spec, 'spec');
      break;
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
      validateTemplate(errs, obj, ['spec', 'template'], true);
      break;
    case 'Job':
      validateTemplate(errs, obj, ['spec', 'template'], false);
      break;
    case 'CronJob':
      if (!str(at(obj, ['spec', 'schedule']))) errs.push({ type: 'FieldValueRequired', field: 'spec.schedule' });
      validateTemplate(errs, obj, ['spec', 'jobTemplate', 'spec', 'template'], false);
      break;
    case 'Service': {
      const type = str(at(obj, ['spec', 'type'])) ?? 'ClusterIP';
      const ports = at(obj, ['spec', 'ports']);
      const headless = str(at(obj, ['spec', 'clusterIP'])) === 'None';
      if (type !== 'ExternalName' && !headless && (!Array.isArray(ports) || ports.length === 0)) errs.push({ type: 'FieldValueRequired', field: 'spec.ports' });
      break;
    }
    default:
      break;
  }
}

/** Throws 422 Invalid when the object breaks a rule. */
export function validateObject(t: ResourceType, obj: KubeObject): void {
  const errs: Errors = [];
  validateMetadata(errs, t.nameRule, obj.metadata, 'metadata');
  validateKind(errs, t, obj);
  if (errs.length) throw invalid(t.group, t.kind, str(meta(obj).name) ?? str(meta(obj).generateName) ?? '', errs);
}

/** Update-only rules: immutable fields. */
export function validateUpdate(t: ResourceType, next: KubeObject, prev: KubeObject): void {
  const errs: Errors = [];
  if (['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].includes(t.kind) && !deepEqual(at(next, ['spec', 'selector']), at(prev, ['spec', 'selector']))) {
    errs.push({ type: 'FieldValueInvalid', field: 'spec.selector', value: at(next, ['spec', 'selector']) ?? null, detail: 'field is immutable' });
  }
  if ((t.kind === 'ConfigMap' || t.kind === 'Secret') && prev.immutable === true) {
    if (!deepEqual(next.data, prev.data) || !deepEqual(next.binaryData, prev.binaryData)) {
      errs.push({ type: 'FieldValueForbidden', field: 'data', detail: `field is immutable when \`immutable\` is set` });
    }
    if (next.immutable !== true) errs.push({ type: 'FieldValueForbidden', field: 'immutable', detail: 'field is immutable when `immutable` is set' });
  }
  if (errs.length) throw invalid(t.group, t.kind, str(meta(next).name) ?? '', errs);
}
