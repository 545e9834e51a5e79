import type { IncomingMessage } from 'node:http';
import Busboy from 'busboy';
import type { RequestParams } from './request-params';
import { parseQueryString } from './request-params';

export type BodyProblem = 'too_large' | 'malformed' | 'unsupported_type' | 'aborted';

export type RequestBody =
  | { kind: 'none' }
  | { kind: 'form'; params: RequestParams }
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'problem'; problem: BodyProblem };

export interface BodyLimits {
  maxBytes: number;
  maxFields: number;
  /**
   * `text`: return the body as text whatever its declared type (a dialect that
   * parses it itself); `latin1`: the same, one character per byte (a dialect
   * that works on bytes).
   */
  as?: 'declared' | 'text' | 'latin1';
}

const DEFAULT_LIMITS: BodyLimits = { maxBytes: 1024 * 1024, maxFields: 1000 };

/**
 * Reads and parses a request body without ever throwing: every way a body can
 * be wrong comes back as a `problem` for the dialect to answer in its own
 * format. Form bodies (url-encoded and multipart) become parameters; JSON is
 * parsed; other types are kept as text.
 */
export async function readRequestBody(req: IncomingMessage, limits: Partial<BodyLimits> = {}): Promise<RequestBody> {
  const { maxBytes, maxFields, as } = { ...DEFAULT_LIMITS, ...limits };
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > maxBytes) {
    discard(req);
    return { kind: 'problem', problem: 'too_large' };
  }
  const raw = await readRaw(req, maxBytes);
  if (typeof raw === 'string') return { kind: 'problem', problem: raw };
  if (raw.length === 0) return { kind: 'none' };
  if (as === 'text' || as === 'latin1') return { kind: 'text', text: raw.toString(as === 'text' ? 'utf8' : 'latin1') };
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const params = parseQueryString(raw.toString('utf8'));
    return Object.keys(params).length > maxFields ? { kind: 'problem', problem: 'too_large' } : { kind: 'form', params };
  }
  if (type.startsWith('multipart/form-data')) return parseMultipart(raw, String(req.headers['content-type']), maxFields);
  if (type.startsWith('application/json') || type.endsWith('+json')) {
    try {
      return { kind: 'json', value: JSON.parse(raw.toString('utf8')) as unknown };
    } catch {
      return { kind: 'problem', problem: 'malformed' };
    }
  }
  return { kind: 'text', text: raw.toString('utf8') };
}

function readRaw(req: IncomingMessage, maxBytes: number): Promise<Buffer | BodyProblem> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: Buffer | BodyProblem): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        discard(req);
        finish('too_large');
        return;
      }
      if (!settled) chunks.push(chunk);
    });
    req.on('end', () => finish(Buffer.concat(chunks)));
    req.on('error', () => finish('aborted'));
    req.on('close', () => finish(size === 0 ? Buffer.alloc(0) : 'aborted'));
  });
}

function parseMultipart(raw: Buffer, contentType: string, maxFields: number): Promise<RequestBody> {
  return new Promise((resolve) => {
    let settled = false;
    const params: RequestParams = Object.create(null) as RequestParams;
    const finish = (body: RequestBody): void => {
      if (settled) return;
      settled = true;
      resolve(body);
    };
    let parser: Busboy.Busboy;
    try {
      parser = Busboy({ headers: { 'content-type': contentType }, limits: { fields: maxFields, fieldSize: raw.length, files: 20 } });
    } catch {
      finish({ kind: 'problem', problem: 'malformed' });
      return;
    }
    parser.on('field', (name, value) => {
      params[name] = value;
    });
    // Uploaded files are not part of any dialect's contract: drain and ignore them.
    parser.on('file', (_name, stream) => stream.resume());
    parser.on('fieldsLimit', () => finish({ kind: 'problem', problem: 'too_large' }));
    parser.on('error', () => finish({ kind: 'problem', problem: 'malformed' }));
    parser.on('close', () => finish({ kind: 'form', params }));
    parser.end(raw);
  });
}

function discard(req: IncomingMessage): void {
  req.removeAllListeners('data');
  req.resume();
}
