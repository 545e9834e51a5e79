import type { Json } from '../util/json';

/** http.conf `servername`, by default "Asterisk/<version>": the Server header and the address of error pages. */
export const SERVER_NAME = 'Asterisk/22.10.1';

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body?: Buffer;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Request Entity Too Large',
  422: 'Unprocessable Entity',
  426: 'Upgrade Required',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? (status < 300 ? 'OK' : 'Error');
}

/** ARI answers JSON as `Content-type: application/json`, compact, as Asterisk's default format does. */
export function jsonReply(status: number, body: Json | undefined, headers: Record<string, string> = {}): HttpReply {
  if (body === undefined || status === 204) return { status, headers };
  return { status, headers: { ...headers, 'Content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) };
}

export function messageReply(status: number, message: string, headers: Record<string, string> = {}): HttpReply {
  return jsonReply(status, { message }, headers);
}

/** ast_http_error: the HTML page Asterisk's HTTP server sends outside ARI's JSON handling. */
export function htmlErrorReply(status: number, text: string): HttpReply {
  const title = statusText(status);
  const page =
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\r\n' +
    `<html><head>\r\n<title>${status} ${title}</title>\r\n</head><body>\r\n<h1>${title}</h1>\r\n<p>${text}</p>\r\n<hr />\r\n` +
    `<address>${SERVER_NAME}</address>\r\n</body></html>\r\n`;
  return { status, headers: { 'Content-type': 'text/html' }, body: Buffer.from(page) };
}
