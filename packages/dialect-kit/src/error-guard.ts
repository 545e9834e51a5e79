import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import type { DialectLogger } from './dialect';

export interface WireAnswer {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: string;
}

/**
 * Wraps an async handler so that a rejection reaches the dialect's own error
 * handler instead of Express's default HTML page.
 */
export function handle(handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    handler(req, res).catch(next);
  };
}

/**
 * The last stop of a dialect's router: whatever went wrong, the client gets
 * the dialect's generic error in the dialect's format; the details go to the
 * log only.
 */
export function dialectErrorHandler(logger: DialectLogger, render: (error: unknown, req: Request) => WireAnswer): ErrorRequestHandler {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    logger.error({ path: req.path, error: error instanceof Error ? error.message : String(error) }, 'unexpected failure answered with the dialect error');
    if (res.headersSent) {
      res.end();
      return;
    }
    const answer = render(error, req);
    send(res, answer);
  };
}

export function send(res: Response, answer: WireAnswer): void {
  res.status(answer.status);
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.end(answer.body);
}
