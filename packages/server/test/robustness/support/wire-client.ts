import type supertest from 'supertest';

/** One HTTP request as a CRM sends it, independent of how it reaches the gateway. */
export interface WireRequest {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  headers?: Readonly<Record<string, string>>;
  body?: string;
}

/** What the CRM sees: status, content type, body, and how long it waited. */
export interface WireReply {
  status: number;
  contentType: string;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string>>;
  text: string;
  elapsedMs: number;
}

/**
 * Sends a request and fails (rejects) when no complete answer came within
 * `timeoutMs`: a gateway that hangs is caught by the bound, not by Jest.
 */
export type WireClient = (request: WireRequest, timeoutMs: number) => Promise<WireReply>;

/** Requests into an in-process app (startTestGateway's supertest agent). */
export function supertestClient(http: ReturnType<typeof supertest>): WireClient {
  return async (request, timeoutMs) => {
    const started = Date.now();
    const method = request.method.toLowerCase() as 'get' | 'put' | 'post' | 'delete';
    let test = http[method](request.path).timeout({ response: timeoutMs, deadline: timeoutMs });
    for (const [name, value] of Object.entries(request.headers ?? {})) test = test.set(name, value);
    const response = request.body === undefined ? await test : await test.send(request.body);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers as Record<string, unknown>)) if (typeof value === 'string') headers[name] = value;
    return { status: response.status, contentType: headers['content-type'] ?? '', headers, text: response.text, elapsedMs: Date.now() - started };
  };
}

/** Requests over the network to a gateway process listening at `baseUrl`. */
export function fetchClient(baseUrl: string): WireClient {
  return async (request, timeoutMs) => {
    const started = Date.now();
    const response = await fetch(new URL(request.path, baseUrl), {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { status: response.status, contentType: headers['content-type'] ?? '', headers, text, elapsedMs: Date.now() - started };
  };
}
