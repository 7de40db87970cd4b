/** `Status` error bodies, built the way k8s.io/apimachinery/pkg/api/errors builds them. */
import type { JsonObject } from './types';

export interface StatusCause {
  readonly reason?: string;
  readonly message?: string;
  readonly field?: string;
}

export interface StatusDetails {
  readonly name?: string;
  readonly group?: string;
  readonly kind?: string;
  readonly causes?: readonly StatusCause[];
  readonly retryAfterSeconds?: number;
}

/** Thrown anywhere in a handler; the router turns it into a `Status` response. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
  }

  toStatus(): JsonObject {
    const status: JsonObject = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: this.message };
    if (this.reason) status.reason = this.reason;
    const details = compactDetails(this.details);
    if (details) status.details = details;
    status.code = this.code;
    return status;
  }
}

/** Go's `omitempty` inside `details`: empty strings, zero numbers and empty lists disappear. */
function compactDetails(details: StatusDetails | undefined): JsonObject | undefined {
  if (!details) return undefined;
  const out: JsonObject = {};
  if (details.name) out.name = details.name;
  if (details.group) out.group = details.group;
  if (details.kind) out.kind = details.kind;
  if (details.causes?.length) {
    out.causes = details.causes.map((c) => {
      const cause: JsonObject = {};
      if (c.reason) cause.reason = c.reason;
      if (c.message) cause.message = c.message;
      if (c.field) cause.field = c.field;
      return cause;
    });
  }
  if (details.retryAfterSeconds) out.retryAfterSeconds = details.retryAfterSeconds;
  return out;
}

/** A group/resource pair as errors name it: `configmaps`, `deployments.apps`. */
export interface GroupResource {
  readonly group: string;
  readonly resource: string;
}

const grString = (gr: GroupResource): string => (gr.group ? `${gr.resource}.${gr.group}` : gr.resource);

export const notFound = (gr: GroupResource, name: string): ApiError =>
  new ApiError(404, 'NotFound', `${grString(gr)} "${name}" not found`, { name, group: gr.group, kind: gr.resource });

export const alreadyExists = (gr: GroupResource, name: string): ApiError =>
  new ApiError(409, 'AlreadyExists', `${grString(gr)} "${name}" already exists`, { name, group: gr.group, kind: gr.resource });

export const conflict = (gr: GroupResource, name: string, why: string): ApiError =>
  new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${grString(gr)} "${name}": ${why}`, {
    name,
    group: gr.group,
    kind: gr.resource,
  });

export const STALE_OBJECT = 'the object has been modified; please apply your changes to the latest version and try again';

export const forbidden = (gr: GroupResource | undefined, name: string, why: string): ApiError => {
  const message = !gr ? `forbidden: ${why}` : name ? `${grString(gr)} "${name}" is forbidden: ${why}` : `${grString(gr)} is forbidden: ${why}`;
  return new ApiError(403, 'Forbidden', message, gr ? { name, group: gr.group, kind: gr.resource } : {});
};

export const unauthorized = (): ApiError => new ApiError(401, 'Unauthorized', 'Unauthorized');

export const badRequest = (message: string): ApiError => new ApiError(400, 'BadRequest', message);

export const methodNotSupported = (gr: GroupResource, action: string): ApiError =>
  new ApiError(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${grString(gr)}"`, {
    group: gr.group,
    kind: gr.resource,
  });

export const internalError = (message: string): ApiError =>
  new ApiError(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] });

/** The generic 404 of a path nobody serves (no `details`). */
export const pathNotFound = (): ApiError => new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});

export const unsupportedMediaType = (contentType: string): ApiError =>
  new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`, {
    causes: [{ reason: 'UnexpectedServerResponse', message: contentType }],
  });

/** One `field.Error`: `metadata.name: Invalid value: "x": detail`. */
export interface FieldError {
  readonly type: 'FieldValueInvalid' | 'FieldValueRequired' | 'FieldValueDuplicate' | 'FieldValueTooLong' | 'FieldValueForbidden' | 'FieldValueNotSupported';
  readonly field: string;
  readonly value?: unknown;
  readonly detail?: string;
}

const TYPE_TEXT: Record<FieldError['type'], string> = {
  FieldValueInvalid: 'Invalid value',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueTooLong: 'Too long',
  FieldValueForbidden: 'Forbidden',
  FieldValueNotSupported: 'Unsupported value',
};

/** Go's `%#v`-ish rendering that field.Error uses for the offending value. */
function renderValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  return JSON.stringify(value);
}

export function fieldErrorBody(e: FieldError): string {
  let body = TYPE_TEXT[e.type];
  if (e.type === 'FieldValueInvalid' || e.type === 'FieldValueDuplicate' || e.type === 'FieldValueNotSupported') body += `: ${renderValue(e.value)}`;
  if (e.detail) body += `: ${e.detail}`;
  return body;
}

/** 422 Invalid with one cause per field error, the message aggregating them like `errors.NewInvalid`. */
export function invalid(group: string, kind: string, name: string, errors: readonly FieldError[]): ApiError {
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  const texts = errors.map((e) => `${e.field}: ${fieldErrorBody(e)}`);
  const aggregate = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  const message = texts.length ? `${qualifiedKind} "${name}" is invalid: ${aggregate}` : `${qualifiedKind} "${name}" is invalid`;
  return new ApiError(422, 'Invalid', message, {
    name,
    group,
    kind,
    causes: errors.map((e) => ({ reason: e.type, message: fieldErrorBody(e), field: e.field })),
  });
}

/** What the patcher answers when a patch cannot be applied (`errors.NewGenericServerResponse(422, ...)`). */
export const patchNotApplicable = (detail: string): ApiError =>
  new ApiError(422, 'Invalid', 'the server rejected our request due to an error in our request', {
    causes: [{ reason: 'UnexpectedServerResponse', message: detail }],
  });
