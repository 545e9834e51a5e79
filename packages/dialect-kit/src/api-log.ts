import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { redactParams, type CallControl } from '@pbx-gateway/core';
import type { DialectLogger, DialectName } from './dialect';
import type { RequestMetrics } from './request-metrics';

/** What a dialect handler tells the API log about the request it answered. */
export interface ApiLogNote {
  operation: string;
  params: Readonly<Record<string, unknown>>;
  apiUser?: string | null;
  agentId?: string | null;
  outcome: 'success' | 'error';
  /** The dialect's result code or first answer line. */
  result: string;
}

const NOTE = Symbol('apiLogNote');
type NotedResponse = Response & { [NOTE]?: ApiLogNote };

/** Called by a dialect handler before it answers. */
export function noteApiRequest(res: Response, note: ApiLogNote): void {
  (res as NotedResponse)[NOTE] = note;
}

/**
 * Logs every request that reached the dialect once its answer is sent: to the
 * API log table and to the structured log, with every secret-bearing
 * parameter (by name, case-insensitively) replaced before it is written.
 */
export function apiLogRecorder(options: {
  core: CallControl;
  dialect: DialectName;
  secretParams: readonly string[];
  logger: DialectLogger;
  /** Counts each answered request too; `operations`: every name the dialect notes for a request it knows. */
  metrics?: { sink: RequestMetrics | undefined; operations: readonly string[] };
}): RequestHandler {
  const secrets = new Set(options.secretParams.map((name) => name.toLowerCase()));
  const counted = options.metrics?.sink?.forDialect(options.dialect, options.metrics.operations);
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const note = (res as NotedResponse)[NOTE];
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const params = redactParams(note?.params ?? {}, secrets);
      const entry = {
        at: options.core.clock.now(),
        dialect: options.dialect,
        operation: (note?.operation ?? 'unknown').slice(0, 100),
        method: req.method,
        path: req.path.slice(0, 500),
        params,
        apiUser: note?.apiUser ?? null,
        agentId: note?.agentId ?? null,
        httpStatus: res.statusCode,
        outcome: note?.outcome ?? (res.statusCode < 400 ? 'success' : 'error'),
        result: (note?.result ?? '').slice(0, 255),
        durationMs: Math.round(durationMs * 1000) / 1000,
        remoteAddress: req.socket.remoteAddress ?? null,
      } as const;
      counted?.answered(entry.operation, entry.outcome, durationMs / 1000);
      options.logger.info(
        { dialect: entry.dialect, operation: entry.operation, status: entry.httpStatus, outcome: entry.outcome, result: entry.result, durationMs: entry.durationMs, params },
        'api request',
      );
      void options.core.recordApiRequest(entry).catch(() => undefined);
    });
    next();
  };
}
