import express, { type Express, type NextFunction, type Request, type Response, type Router } from 'express';
import type { CallControl } from '@pbx-gateway/core';
import type { Dialect } from '@pbx-gateway/dialect-kit';
import type { Logger } from 'pino';
import { demoCallbackInbox } from './demo-callback-inbox';
import { healthHandler } from './health';

export interface AppParts {
  core: CallControl;
  /** The dialects, in mounting order; the one that claims any path (Sip_Call) comes last. Those with `ownPathsOnly` come before the gateway's own routes. */
  dialects: readonly Dialect[];
  databaseUp: () => Promise<boolean>;
  demo: boolean;
  logger: Logger;
  /** The admin API, mounted at its prefix before any dialect (Sip_Call claims every path). */
  admin: { prefix: string; router: Router };
  /** The live console (docs/console.md): its page and its JSON, under its own prefix. */
  console: { prefix: string; router: Router };
  /** `GET /metrics` (docs/metrics.md). */
  metrics: (req: Request, res: Response) => Promise<void>;
}

/**
 * The HTTP face of the gateway: each dialect answers its own paths; anything
 * else gets a plain 404. Express's own HTML pages never reach a client.
 */
export function createGatewayApp(parts: AppParts): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('query parser', 'simple');
  // Dialects that claim only their own paths first: the busiest requests (VICIdial's) then pass no other route.
  for (const dialect of parts.dialects) if (dialect.ownPathsOnly === true) app.use(dialect.router);
  app.get('/health', (req, res, next) => void healthHandler(parts.core, parts.databaseUp)(req, res).catch(next));
  app.get('/metrics', (req, res, next) => void parts.metrics(req, res).catch(next));
  app.use(parts.admin.prefix, parts.admin.router);
  app.use(parts.console.prefix, parts.console.router);
  if (parts.demo) app.use(demoCallbackInbox());
  for (const dialect of parts.dialects) if (dialect.ownPathsOnly !== true) app.use(dialect.router);
  app.use((_req: Request, res: Response) => {
    res.status(404).type('text/plain; charset=utf-8').end('Not Found\n');
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    parts.logger.warn({ path: req.path, error: error instanceof Error ? error.message : String(error) }, 'request failed outside any dialect');
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(400).type('text/plain; charset=utf-8').end('Bad Request\n');
  });
  return app;
}
