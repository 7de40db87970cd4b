import { isDns1123Label, isDns1123Subdomain, labelKeyProblem, labelValueProblem } from '../k8sNames';

/** Why a manifest could not be generated: which input, and what is wrong with it. */
export interface GenerateProblem {
  readonly field: string;
  readonly message: string;
}

/** Collects input problems so that a generator reports all of them at once. */
export class Checks {
  readonly problems: GenerateProblem[] = [];

  /** Object names (ConfigMap, NetworkPolicy, workloads): a DNS-1123 subdomain. */
  objectName(field: string, value: string): void {
    if (!isDns1123Subdomain(value)) this.add(field, `"${value}" is not a valid object name (lower-case letters, digits, '-' and '.', at most 253 characters, starting and ending with a letter or digit)`);
  }

  /** Namespaces: a DNS-1123 label. */
  namespace(field: string, value: string): void {
    if (!isDns1123Label(value)) this.add(field, `"${value}" is not a valid namespace name (lower-case letters, digits and '-', at most 63 characters, starting and ending with a letter or digit)`);
  }

  labelKey(field: string, key: string): void {
    const problem = labelKeyProblem(key);
    if (problem) this.add(field, `the label key "${key}" is invalid: ${problem}`);
  }

  labelValue(field: string, value: string): void {
    const problem = labelValueProblem(value);
    if (problem) this.add(field, `the label value is invalid: ${problem}`);
  }

  port(field: string, value: number): void {
    if (!Number.isInteger(value) || value < 1 || value > 65535) this.add(field, `${value} is not a port number (1–65535)`);
  }

  add(field: string, message: string): void {
    this.problems.push({ field, message });
  }
}
