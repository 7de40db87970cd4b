import { isMap, isScalar, LineCounter, parseAllDocuments, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { V1PodTemplateSpec } from '@kubernetes/client-node';
import { podTemplateOf, type Workload, type WorkloadKind } from '../workloads';

export const WORKLOAD_KINDS: readonly WorkloadKind[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];

/** One workload document in a YAML file. */
export interface YamlWorkload {
  readonly kind: WorkloadKind;
  readonly name: string;
  /** As written; undefined when the manifest leaves it to the context or to kustomize. */
  readonly namespace: string | undefined;
  readonly documentIndex: number;
  readonly document: Document.Parsed;
  readonly root: YAMLMap;
  /** Where `metadata.name`'s value is written (for a diagnostic's squiggle). */
  readonly nameRange: readonly [number, number];
}

export interface ParsedManifests {
  readonly text: string;
  readonly lines: LineCounter;
  readonly documents: readonly Document.Parsed[];
  readonly workloads: readonly YamlWorkload[];
}

/** Parses a (multi-document) YAML file, keeping source positions, and lists its workloads. */
export function parseManifests(text: string): ParsedManifests {
  const lines = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter: lines, merge: true });
  const list = Array.isArray(documents) ? documents : [];
  const workloads = list.flatMap((document, documentIndex) => {
    const workload = readWorkload(document, documentIndex);
    return workload ? [workload] : [];
  });
  return { text, lines, documents: list, workloads };
}

function readWorkload(document: Document.Parsed, documentIndex: number): YamlWorkload | undefined {
  if (document.errors.length > 0) return undefined;
  const root = document.contents;
  if (!isMap(root)) return undefined;
  const kind = scalarText(pairOf(root, 'kind')?.value);
  if (!kind || !(WORKLOAD_KINDS as readonly string[]).includes(kind)) return undefined;
  const metadata = pairOf(root, 'metadata')?.value;
  if (!isMap(metadata)) return undefined;
  const nameNode = pairOf(metadata, 'name')?.value;
  const name = scalarText(nameNode);
  if (!name || !isScalar(nameNode) || !nameNode.range) return undefined;
  return {
    kind: kind as WorkloadKind,
    name,
    namespace: scalarText(pairOf(metadata, 'namespace')?.value),
    documentIndex,
    document,
    root,
    nameRange: [nameNode.range[0], nameNode.range[1]],
  };
}

/** The pair with a plain string key, in a map as parsed (no alias resolution). */
export function pairOf(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return (map.items as Pair<Node, Node | null>[]).find((p) => isScalar(p.key) && p.key.value === key);
}

export function scalarText(node: unknown): string | undefined {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : undefined;
}

/** Picks workloads by kind and name, and by namespace when both sides name one. */
export function findWorkload(parsed: ParsedManifests, kind: WorkloadKind, name: string, namespace?: string): YamlWorkload | undefined {
  return parsed.workloads.find((w) => w.kind === kind && w.name === name && (namespace === undefined || w.namespace === undefined || w.namespace === namespace));
}

/**
 * The pod template of a workload document as the API server would see it: `toJS` resolves aliases
 * and `<<` merge keys first.
 */
export function resolvedPodTemplate(workload: YamlWorkload): V1PodTemplateSpec | undefined {
  const object = workload.document.toJS({ maxAliasCount: 1000 }) as unknown;
  return podTemplateOf({ kind: workload.kind, object } as Workload);
}
