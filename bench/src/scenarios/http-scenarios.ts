import { VICIDIAL_API, PAUSE_AGENTS, pauseAgentId } from '../plan/bench-plan';
import { ratio, type ResultRow } from '../report/result-row';
import { loadSettings, runLoad, totalErrors, type BenchContext } from './bench-context';

/** Connections for the plain HTTP scenarios and their baselines. */
export const HTTP_CONNECTIONS = 50;

/** A body like the gateway's `version` answer, for the baselines. */
export const BASELINE_BODY = 'VERSION: 2.14-82|BUILD: 250122-1010|DATE: 2025-01-01 00:00:00|EPOCH: 1735689600\n';
const TEXT = 'text/html; charset=utf-8';

/** VICIdial `version`: no state, no password check; the cost of the HTTP stack and the dialect's routing. */
export async function versionScenario(context: BenchContext): Promise<ResultRow> {
  const http = await context.baselines.http(HTTP_CONNECTIONS, BASELINE_BODY, TEXT);
  const express = await context.baselines.express(HTTP_CONNECTIONS, BASELINE_BODY, TEXT);
  const expressOnServer = await context.baselines.expressOnGatewayServer(HTTP_CONNECTIONS, BASELINE_BODY, TEXT);
  const path = `/agc/api.php?source=test&user=${VICIDIAL_API.login}&pass=${VICIDIAL_API.secret}&function=version`;
  const result = await runLoad({ shape: 'fixed', settings: loadSettings(context, context.gatewayUrl, HTTP_CONNECTIONS, { serverPid: context.gatewayPid }), path, errors: 'vicidial' });
  return {
    id: 'version',
    name: 'VICIdial version',
    kind: 'scenario',
    unit: 'req/s',
    rate: result.perSecond,
    connections: HTTP_CONNECTIONS,
    latencyMs: result.latencyMs,
    errors: totalErrors(result),
    ratios: [ratio(express, result.perSecond), ratio(expressOnServer, result.perSecond), ratio(http, result.perSecond)],
    notes: [],
    details: { requests: result.requests, elapsedSec: result.elapsedSec, errors: result.errors, errorSamples: result.errorSamples, ...result.extra },
  };
}

/** VICIdial `external_pause` PAUSE/RESUME over 200 logged-in agents: password check, state change, API log. */
export async function externalPauseScenario(context: BenchContext): Promise<ResultRow> {
  const http = await context.baselines.http(HTTP_CONNECTIONS, BASELINE_BODY, TEXT);
  const express = await context.baselines.express(HTTP_CONNECTIONS, BASELINE_BODY, TEXT);
  const committing = await context.baselines.expressWithPostgres(HTTP_CONNECTIONS);
  const groupCommitting = await context.baselines.expressWithPostgres(HTTP_CONNECTIONS, 'group-commit');
  const agents = Array.from({ length: PAUSE_AGENTS }, (_, i) => pauseAgentId(i));
  const result = await runLoad({
    shape: 'external-pause',
    settings: loadSettings(context, context.gatewayUrl, HTTP_CONNECTIONS, { serverPid: context.gatewayPid }),
    user: VICIDIAL_API.login,
    pass: VICIDIAL_API.secret,
    agents,
  });
  return {
    id: 'external-pause',
    name: 'VICIdial external_pause',
    kind: 'scenario',
    unit: 'req/s',
    rate: result.perSecond,
    connections: HTTP_CONNECTIONS,
    latencyMs: result.latencyMs,
    errors: totalErrors(result),
    ratios: [ratio(express, result.perSecond), ratio(committing, result.perSecond), ratio(groupCommitting, result.perSecond), ratio(http, result.perSecond)],
    notes: [`${agents.length} agents, PAUSE/RESUME alternating, never two requests for one agent at once`],
    details: { requests: result.requests, elapsedSec: result.elapsedSec, errors: result.errors, errorSamples: result.errorSamples, ...result.extra },
  };
}
