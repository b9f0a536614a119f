import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import {
  decodeKubernetesProtobuf,
  PROTOBUF_MEDIA_TYPE,
} from './protobuf/decodeProtobuf';
import {
  badRequest,
  requestEntityTooLarge,
  unsupportedMediaType,
  type ApiError,
} from './errors';

const MAX_BODY_BYTES = 3 * 1024 * 1024;

export function sendText(
  res: ServerResponse,
  code: number,
  body: string,
  contentType: string,
  headers: Record<string, string | string[]> = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(code, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

/** Sends an already-serialized JSON body. */
export function sendJson(
  res: ServerResponse,
  code: number,
  json: string,
  headers: Record<string, string | string[]> = {},
): void {
  sendText(res, code, json, 'application/json', headers);
}

/** Sends JSON, or YAML when the client asked for `application/yaml`. */
export function sendBody(
  res: ServerResponse,
  code: number,
  json: string,
  yaml: boolean,
  headers: Record<string, string | string[]> = {},
): void {
  if (yaml)
    sendText(
      res,
      code,
      stringifyYaml(JSON.parse(json)),
      'application/yaml',
      headers,
    );
  else sendJson(res, code, json, headers);
}

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, error.code, JSON.stringify(error.toStatus()), error.headers);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readRawBody(req)).toString('utf8');
}

export async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw requestEntityTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Decodes an object body: JSON, YAML, or the protobuf of the core kinds kubectl's typed commands send. */
export function decodeObjectBody(
  raw: Buffer,
  contentType: string | undefined,
): unknown {
  if (mediaType(contentType) === PROTOBUF_MEDIA_TYPE)
    return decodeKubernetesProtobuf(raw);
  return decodeBody(raw.toString('utf8'), contentType);
}

/** Decodes a JSON body, or YAML when the content type says so (apply patches are YAML). */
export function decodeBody(
  text: string,
  contentType: string | undefined,
): unknown {
  if (/protobuf/i.test(contentType ?? '')) {
    throw unsupportedMediaType(mediaType(contentType), [
      'application/json',
      'application/yaml',
      PROTOBUF_MEDIA_TYPE,
    ]);
  }
  if (text.trim() === '') throw badRequest('the body of the request was empty');
  const yaml = /yaml/i.test(contentType ?? '');
  try {
    return yaml ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw badRequest(
      `error decoding ${yaml ? 'YAML' : 'JSON'} request body: ${
        (error as Error).message
      }`,
    );
  }
}

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}
