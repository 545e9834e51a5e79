import type { Request, Response } from 'express';
import type { CallControl } from '@pbx-gateway/core';
import { sendJson } from './send-json';

/**
 * `GET /health`: 200 when both Postgres and the telephony engine are
 * reachable, 503 otherwise, with which one is missing.
 */
export function healthHandler(core: CallControl, databaseUp: () => Promise<boolean>) {
  return async (_req: Request, res: Response): Promise<void> => {
    const database = await databaseUp().catch(() => false);
    const pbx = core.pbxAvailable();
    const healthy = database && pbx;
    sendJson(res, healthy ? 200 : 503, { status: healthy ? 'ok' : 'degraded', database: database ? 'up' : 'down', pbx: pbx ? 'connected' : 'disconnected' });
  };
}
