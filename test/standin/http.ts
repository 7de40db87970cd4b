/** Reading request bodies and writing JSON responses. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { decodeProtobuf, PROTOBUF_CONTENT_TYPE } from './protobuf/decode';
import { ApiError, badRequest } from './status';
import type { Json } from './types';

const MAX_BODY_BYTES = 3 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The body by its Content-Type: protobuf (what kubectl's typed clients send), YAML, else JSON. */
export function decodeBody(body: Buffer, contentType: string): Json {
  const mediaType = (contentType.split(';')[0] ?? '').trim();
  if (mediaType === PROTOBUF_CONTENT_TYPE) return decodeProtobuf(body);
  return parseBody(body, mediaType === 'application/yaml' || mediaType === 'application/apply-patch+yaml');
}

/** JSON, or YAML (apply patches and application/yaml bodies). */
function parseBody(body: Buffer, yaml: boolean): Json {
  const text = body.toString('utf8');
  if (text.trim() === '') throw badRequest('the body of the request was empty');
  try {
    return (yaml ? parseYaml(text) : JSON.parse(text)) as Json;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw badRequest(yaml ? `error converting YAML to JSON: ${reason}` : `couldn't get version/kind; json parse error: ${reason}`);
  }
}

export function sendJson(res: ServerResponse, code: number, body: Json, contentType = 'application/json'): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
    'X-Kubernetes-Pf-Flowschema-Uid': '00000000-0000-0000-0000-000000000000',
    'Audit-Id': crypto.randomUUID(),
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, error.code, error.toStatus());
}

/** The `as=` of the preferred media type in Accept, when it asks for a Table. */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false;
  const first = accept.split(',')[0] ?? '';
  return /\bas=Table\b/.test(first) && /\bg=meta\.k8s\.io\b/.test(first);
}
