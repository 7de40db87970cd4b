/** The PATCH content types the server accepts, and applying one of the non-apply kinds. */
import type { Json, KubeObject } from '../types';
import { applyJsonPatch } from './jsonPatch';
import { applyMergePatch } from './mergePatch';
import type { SchemaNode } from './schema';
import { applyStrategicMergePatch } from './strategicMerge';

export const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'] as const;
export type PatchType = (typeof PATCH_TYPES)[number];
export const APPLY_PATCH = 'application/apply-patch+yaml' satisfies PatchType;

export const patchTypeOf = (contentType: string): PatchType | undefined => PATCH_TYPES.find((p) => (contentType.split(';')[0] ?? '').trim() === p);

/** JSON, merge or strategic merge patch (server-side apply has its own path: ./apply). */
export function applyPatch(prev: KubeObject, patch: Json, patchType: Exclude<PatchType, typeof APPLY_PATCH>, schema: SchemaNode): Json {
  switch (patchType) {
    case 'application/json-patch+json':
      return applyJsonPatch(prev, patch);
    case 'application/merge-patch+json':
      return applyMergePatch(prev, patch);
    case 'application/strategic-merge-patch+json':
      return applyStrategicMergePatch(prev, patch, schema);
  }
}
