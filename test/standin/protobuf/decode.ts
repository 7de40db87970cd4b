/**
 * `application/vnd.kubernetes.protobuf` request bodies → the JSON the rest of the stand-in works on.
 * Empty strings and zero numbers become absent fields, as Go's `omitempty` JSON would have them.
 */
import { ApiError } from '../status';
import type { Json, JsonObject } from '../types';
import { MESSAGES, TYPE_META, type MessageSpec } from './messages';
import { readFields, type WireField } from './wire';

export const PROTOBUF_CONTENT_TYPE = 'application/vnd.kubernetes.protobuf';
const MAGIC = Buffer.from('k8s\u0000', 'latin1');

function mapEntry(bytes: Buffer): [string, Buffer] {
  let key = '';
  let value: Buffer = Buffer.alloc(0);
  for (const f of readFields(bytes)) {
    if (f.field === 1 && f.bytes) key = f.bytes.toString('utf8');
    if (f.field === 2 && f.bytes) value = f.bytes;
  }
  return [key, value];
}

function time(bytes: Buffer): string | undefined {
  let seconds = 0n;
  for (const f of readFields(bytes)) if (f.field === 1 && f.varint !== undefined) seconds = f.varint;
  return seconds === 0n ? undefined : new Date(Number(seconds) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
}

function decodeMessage(bytes: Buffer, spec: MessageSpec): JsonObject {
  const out: JsonObject = {};
  const add = (f: WireField): void => {
    const field = spec[f.field];
    if (!field) return;
    const b = f.bytes ?? Buffer.alloc(0);
    switch (field.kind) {
      case 'string':
        if (b.length) out[field.name] = b.toString('utf8');
        break;
      case 'bytes':
        out[field.name] = b.toString('base64');
        break;
      case 'bool':
        out[field.name] = f.varint !== undefined && f.varint !== 0n;
        break;
      case 'int':
        if (f.varint) out[field.name] = Number(BigInt.asIntN(64, f.varint));
        break;
      case 'time': {
        const t = time(b);
        if (t) out[field.name] = t;
        break;
      }
      case 'message':
        out[field.name] = decodeMessage(b, field.message ?? {});
        break;
      case 'messages': {
        const list = (out[field.name] ?? []) as Json[];
        list.push(decodeMessage(b, field.message ?? {}));
        out[field.name] = list;
        break;
      }
      case 'strings': {
        const list = (out[field.name] ?? []) as Json[];
        list.push(b.toString('utf8'));
        out[field.name] = list;
        break;
      }
      case 'stringMap':
      case 'bytesMap': {
        const map = (out[field.name] ?? {}) as JsonObject;
        const [key, value] = mapEntry(b);
        map[key] = field.kind === 'stringMap' ? value.toString('utf8') : value.toString('base64');
        out[field.name] = map;
        break;
      }
    }
  };
  for (const f of readFields(bytes)) add(f);
  return out;
}

/** The object in a protobuf body, with apiVersion and kind from its runtime.Unknown envelope. */
export function decodeProtobuf(body: Buffer): JsonObject {
  if (!body.subarray(0, 4).equals(MAGIC)) throw new ApiError(400, 'BadRequest', 'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]');
  try {
    const envelope = readFields(body.subarray(4));
    const typeMeta = decodeMessage(envelope.find((f) => f.field === 1)?.bytes ?? Buffer.alloc(0), TYPE_META);
    const apiVersion = typeof typeMeta.apiVersion === 'string' ? typeMeta.apiVersion : '';
    const kind = typeof typeMeta.kind === 'string' ? typeMeta.kind : '';
    const spec = MESSAGES[`${apiVersion}/${kind}`];
    if (!spec) {
      throw new ApiError(415, 'UnsupportedMediaType', `the stand-in cannot decode protobuf ${apiVersion} ${kind}: send application/json (only ConfigMap, Secret, Namespace and self-subject reviews are decoded)`, {});
    }
    return { apiVersion, kind, ...decodeMessage(envelope.find((f) => f.field === 2)?.bytes ?? Buffer.alloc(0), spec) };
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(400, 'BadRequest', `unable to decode protobuf body: ${e instanceof Error ? e.message : String(e)}`);
  }
}
