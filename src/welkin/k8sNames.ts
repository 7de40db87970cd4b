/** Kubernetes name and label syntax, as the API server validates it. */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

export function isDns1123Label(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL.test(value);
}

export function isDns1123Subdomain(value: string): boolean {
  return value.length <= 253 && DNS1123_SUBDOMAIN.test(value);
}

/** A label key: optional `<dns-subdomain prefix>/` and a name of at most 63 characters. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && !isDns1123Subdomain(prefix)) return `the prefix "${prefix}" is not a DNS subdomain`;
  if (name.length === 0) return 'the name part is empty';
  if (name.length > 63) return `the name part "${name}" is ${name.length} characters long (at most 63)`;
  if (!LABEL_NAME.test(name)) return `the name part "${name}" must start and end with a letter or digit and contain only letters, digits, '-', '_' and '.'`;
  return undefined;
}

export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return `the value is ${value.length} characters long (at most 63)`;
  if (!LABEL_NAME.test(value)) return `the value "${value}" must start and end with a letter or digit and contain only letters, digits, '-', '_' and '.'`;
  return undefined;
}
