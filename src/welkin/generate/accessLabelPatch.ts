import { err, ok, type Result } from '../../util/result';
import { ACCESS_LABEL_VALUE, accessLabelKey, type Flavour } from '../flavour';
import type { WorkloadKind } from '../workloads';
import { Checks, type GenerateProblem } from './problems';
import { shellCommand } from './shellQuote';
import { generated, type Generated } from './yamlText';

export interface AccessLabelPatchInput {
  readonly flavour: Flavour;
  readonly clusterName: string;
  readonly kind: WorkloadKind;
  readonly name: string;
  readonly namespace: string;
  /** Adds `--context <name>` to the kubectl command. */
  readonly kubectlContext?: string | undefined;
}

/** The strategic merge patch body: only the pod template's labels. */
export interface AccessLabelPatchBody {
  readonly spec: Record<string, unknown>;
}

export interface AccessLabelPatch extends Generated<AccessLabelPatchBody> {
  readonly labelKey: string;
  readonly labelValue: string;
  /** `kubectl patch <kind> <name> -n <ns> --type=strategic -p <json>`, one argument per item: run it without a shell. */
  readonly kubectlArgv: readonly string[];
  /** The same command, shell-quoted, to show or copy. */
  readonly kubectlDisplay: string;
}

/** The path from a workload's root to its pod template. */
export function podTemplatePath(kind: WorkloadKind): readonly string[] {
  return kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template'] : ['spec', 'template'];
}

/** Adds `elastisys.io/<flavour>-<cluster>-access: allow` to a workload's pod template. */
export function accessLabelPatch(input: AccessLabelPatchInput): Result<AccessLabelPatch, GenerateProblem[]> {
  const labelKey = accessLabelKey(input.flavour, input.clusterName);
  const checks = new Checks();
  checks.labelKey('clusterName', labelKey);
  checks.objectName('name', input.name);
  checks.namespace('namespace', input.namespace);
  if (checks.problems.length > 0) return err(checks.problems);

  const labels = { metadata: { labels: { [labelKey]: ACCESS_LABEL_VALUE } } };
  const body = nest(podTemplatePath(input.kind).slice(1), labels);
  const patch: AccessLabelPatchBody = { spec: body };
  const argv = [
    'kubectl',
    ...(input.kubectlContext ? ['--context', input.kubectlContext] : []),
    'patch',
    input.kind.toLowerCase(),
    input.name,
    '-n',
    input.namespace,
    '--type=strategic',
    '-p',
    JSON.stringify(patch),
  ];
  return ok({ ...generated(patch), labelKey, labelValue: ACCESS_LABEL_VALUE, kubectlArgv: argv, kubectlDisplay: shellCommand(argv) });
}

function nest(path: readonly string[], leaf: Record<string, unknown>): Record<string, unknown> {
  return path.reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), leaf);
}
