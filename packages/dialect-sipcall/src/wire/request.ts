import type { Request } from 'express';
import { mergeParams, parseQueryString, rawQueryString, readRequestBody, type BodyProblem, type RequestParams } from '@pbx-gateway/dialect-kit';

/** The parameters of one request, merged the way PHP builds `$_REQUEST`, or why the body could not be read. */
export interface SipcallRequest {
  params: RequestParams;
  problem: BodyProblem | null;
}

export function queryParams(req: Request): RequestParams {
  return parseQueryString(rawQueryString(req.originalUrl));
}

/** True when the request carries a body to read (a length or a chunked transfer). */
export function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return length !== '0';
  return req.headers['transfer-encoding'] !== undefined;
}

/**
 * Query and body parameters merged, the body winning (PHP's `$_REQUEST`
 * order). Like PhalApi, a raw body that is a JSON object is merged too,
 * whatever its declared type; form bodies (multipart, as the seed's PHP
 * client sends, and url-encoded) give their fields.
 */
export async function readSipcallRequest(req: Request, query: RequestParams, maxBytes: number): Promise<SipcallRequest> {
  const body = await readRequestBody(req, { maxBytes, maxFields: 200 });
  switch (body.kind) {
    case 'none':
      return { params: query, problem: null };
    case 'form':
      return { params: mergeParams(query, body.params, 'body'), problem: null };
    case 'json':
      return { params: mergeParams(query, jsonParams(body.value), 'body'), problem: null };
    case 'text':
      return { params: mergeParams(query, jsonParams(parseJsonQuietly(body.text)), 'body'), problem: null };
    case 'problem':
      return { params: query, problem: body.problem };
  }
}

function parseJsonQuietly(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Scalars of a JSON object as PHP would read them into strings: numbers as
 * written, `true` as `1`, `false` as empty; `null`, arrays and objects are
 * not parameter values and are left out.
 */
function jsonParams(value: unknown): RequestParams {
  const out: RequestParams = Object.create(null) as RequestParams;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
    if (typeof item === 'string') out[name] = item;
    else if (typeof item === 'number' && Number.isFinite(item)) out[name] = String(item);
    else if (typeof item === 'boolean') out[name] = item ? '1' : '';
  }
  return out;
}
