import type { Response } from 'express';

/**
 * Answers with a JSON body that no cache keeps: the gateway's own JSON APIs
 * (admin, console, health) tell live state, never something to reuse.
 */
export function sendJson(res: Response, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.status(status);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', String(Buffer.byteLength(text)));
  res.end(text);
}
