import type { IncomingMessage } from 'node:http';
import { readRequestBody } from '@pbx-gateway/dialect-kit';

export type JsonBody =
  | { kind: 'object'; value: Record<string, unknown> }
  | { kind: 'empty' }
  | { kind: 'invalid'; problem: 'too_large' | 'malformed' | 'not_object' | 'aborted' };

/**
 * Reads the body of a request whatever its declared type: Huawei's clients
 * send `application/json; charset=UTF-8`, the generated JavaScript client
 * sometimes `text/plain`, and form-posting libraries their own type around
 * a JSON text. So the body is read as text and the JSON is parsed here.
 */
async function readText(req: IncomingMessage, maxBytes: number): Promise<{ text: string } | { problem: 'too_large' | 'aborted' | 'malformed' }> {
  const body = await readRequestBody(req, { maxBytes, as: 'text' });
  switch (body.kind) {
    case 'none':
      return { text: '' };
    case 'text':
      return { text: body.text };
    case 'problem':
      return { problem: body.problem === 'too_large' || body.problem === 'aborted' ? body.problem : 'malformed' };
    default:
      return { problem: 'malformed' };
  }
}

// No interface nests deeper than its top-level object; very deep values would
// only exhaust the stack of whatever walks them later.
const MAX_DEPTH = 16;

function tooDeep(value: unknown): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_DEPTH) return true;
    for (const child of Object.values(current)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

/** A JSON object body, parsed leniently (byte-order mark and surrounding blanks allowed). */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<JsonBody> {
  const read = await readText(req, maxBytes);
  if ('problem' in read) return { kind: 'invalid', problem: read.problem };
  const text = read.text.replace(/^\uFEFF/, '').trim();
  if (text.length === 0) return { kind: 'empty' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'invalid', problem: 'malformed' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { kind: 'invalid', problem: 'not_object' };
  if (tooDeep(value)) return { kind: 'invalid', problem: 'malformed' };
  return { kind: 'object', value: value as Record<string, unknown> };
}

/**
 * Drains the body of an interface that takes none: whatever it holds and
 * whatever type it declares is ignored, only an oversized one is refused.
 */
export async function drainBody(req: IncomingMessage, maxBytes: number): Promise<'ok' | 'too_large'> {
  const read = await readText(req, maxBytes);
  return 'problem' in read && read.problem === 'too_large' ? 'too_large' : 'ok';
}
