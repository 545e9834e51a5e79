import type { Request } from 'express';
import { mergeParams, parseQueryString, rawQueryString, readRequestBody, type RequestParams } from '@pbx-gateway/dialect-kit';

export type ReadParams = { ok: true; params: RequestParams } | { ok: false; problem: string };

/**
 * The parameters of a request as PHP's `$_REQUEST` sees them: the query
 * string, overridden by a form body of a POST (urlencoded or multipart).
 * Bodies PHP does not turn into parameters (JSON, text, bodies of other
 * methods) are read and ignored; a form body that cannot be read at all
 * (too large, cut off, broken multipart) is a problem the caller answers.
 */
export async function readVoipsunParams(req: Request, maxBodyBytes: number): Promise<ReadParams> {
  const query = parseQueryString(rawQueryString(req.originalUrl));
  const body = await readRequestBody(req, { maxBytes: maxBodyBytes });
  if (req.method !== 'POST') return { ok: true, params: withoutNul(query) };
  if (body.kind === 'problem') {
    // A JSON body is never a source of parameters, so one that does not parse changes nothing.
    const ignorable = body.problem === 'malformed' && !isFormType(req);
    if (!ignorable) return { ok: false, problem: body.problem };
  }
  const merged = body.kind === 'form' ? mergeParams(query, body.params, 'body') : query;
  return { ok: true, params: withoutNul(merged) };
}

function isFormType(req: Request): boolean {
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  return type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
}

/**
 * No stored name, number or text can contain NUL (Postgres text cannot), so
 * a NUL in a parameter is replaced by U+FFFD: the value still matches
 * nothing and can be stored and logged without failing.
 */
function withoutNul(params: RequestParams): RequestParams {
  const out: RequestParams = Object.create(null) as RequestParams;
  for (const [name, value] of Object.entries(params)) out[name.replace(/\u0000/g, '\uFFFD')] = value.replace(/\u0000/g, '\uFFFD');
  return out;
}
