import type { Request, Response } from 'express';
import { adminKeyMatches, bearerKey } from '../admin/admin-key';
import { EXPOSITION_CONTENT_TYPE } from './exposition';
import type { GatewayMetrics, ScrapeSources } from './gateway-metrics';

/**
 * `GET /metrics`: the Prometheus exposition. Open like `/health` unless a
 * key is configured; then only `Authorization: Bearer <key>` gets it.
 */
export function metricsHandler(metrics: GatewayMetrics, sources: ScrapeSources, keySha256: string | null) {
  return async (req: Request, res: Response): Promise<void> => {
    res.setHeader('Cache-Control', 'no-store');
    if (keySha256 !== null) {
      const presented = bearerKey(req.headers.authorization);
      if (presented === null || !adminKeyMatches(presented, keySha256)) {
        res.status(401).setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        res.type('text/plain; charset=utf-8').end('Unauthorized\n');
        return;
      }
    }
    let body: string;
    try {
      body = await metrics.exposition(sources);
    } catch {
      res.status(503).type('text/plain; charset=utf-8').end('Service Unavailable\n');
      return;
    }
    res.status(200).setHeader('Content-Type', EXPOSITION_CONTENT_TYPE);
    res.end(body);
  };
}
