import { WALLBOARD_AGENTS, WALLBOARD_API, WALLBOARD_GROUP, wallboardAgentId } from '../plan/wallboard-plan';
import { ratio, type ResultRow } from '../report/result-row';
import { loadSettings, runLoad, totalErrors, type BenchContext } from './bench-context';
import { BASELINE_BODY, HTTP_CONNECTIONS } from './http-scenarios';

// A wallboard polls the Non-Agent API for the live state of hundreds of
// agents: `logged_in_agents` for the whole board, `agent_status` per agent.
// Each is compared with a bare Express route answering a body of the same
// size (the gateway's own answer, captured first) and with the small body
// of the other HTTP scenarios.

const TEXT = 'text/html; charset=utf-8';
const nonAgentPath = (query: string): string =>
  `/vicidial/non_agent_api.php?source=bench&user=${WALLBOARD_API.login}&pass=${encodeURIComponent(WALLBOARD_API.secret)}&${query}`;

/** The gateway's answer to a request, which must not be a VICIdial error. */
async function capture(context: BenchContext, path: string): Promise<{ body: string; contentType: string }> {
  const response = await fetch(`${context.gatewayUrl}${path}`);
  const body = await response.text();
  if (!response.ok || body.startsWith('ERROR')) throw new Error(`${path} answered ${response.status}: ${body.slice(0, 200)}`);
  return { body, contentType: response.headers.get('content-type') ?? TEXT };
}

/** `logged_in_agents` of the wallboard's user group: 500 rows per answer. */
export async function loggedInAgentsScenario(context: BenchContext): Promise<ResultRow> {
  const path = nonAgentPath(`function=logged_in_agents&user_groups=${WALLBOARD_GROUP}&show_sub_status=YES`);
  const before = await capture(context, path);
  const rowsBefore = before.body.split('\n').filter((line) => line !== '').length;
  if (rowsBefore !== WALLBOARD_AGENTS) throw new Error(`logged_in_agents lists ${rowsBefore} of the ${WALLBOARD_AGENTS} wallboard agents`);
  const sameBody = await context.baselines.express(HTTP_CONNECTIONS, before.body, before.contentType, ', logged_in_agents body');
  const small = await context.baselines.express(HTTP_CONNECTIONS, BASELINE_BODY, TEXT);
  const result = await runLoad({ shape: 'fixed', settings: loadSettings(context, context.gatewayUrl, HTTP_CONNECTIONS, { serverPid: context.gatewayPid }), path, errors: 'vicidial' });
  // The board must be the same after the load (nobody else changes these agents).
  const after = await capture(context, path);
  const unchanged = after.body === before.body;
  return {
    id: 'logged-in-agents',
    name: `VICIdial logged_in_agents (${WALLBOARD_AGENTS} agents)`,
    kind: 'scenario',
    unit: 'req/s',
    rate: result.perSecond,
    connections: HTTP_CONNECTIONS,
    latencyMs: result.latencyMs,
    errors: totalErrors(result) + (unchanged ? 0 : 1),
    ratios: [ratio(sameBody, result.perSecond), ratio(small, result.perSecond)],
    notes: [`${rowsBefore} rows, ${before.body.length} bytes per answer; ${unchanged ? 'the same' : 'NOT the same'} answer after the load`],
    details: {
      requests: result.requests,
      elapsedSec: result.elapsedSec,
      errors: result.errors,
      errorSamples: result.errorSamples,
      rows: rowsBefore,
      bodyBytes: before.body.length,
      sameAnswerAfter: unchanged,
      ...result.extra,
    },
  };
}

/** `agent_status` of each wallboard agent in turn. */
export async function agentStatusScenario(context: BenchContext): Promise<ResultRow> {
  const paths = Array.from({ length: WALLBOARD_AGENTS }, (_, i) => nonAgentPath(`function=agent_status&agent_user=${wallboardAgentId(i)}`));
  const sample = await capture(context, paths[0]!);
  const sameBody = await context.baselines.express(HTTP_CONNECTIONS, sample.body, sample.contentType, ', agent_status body');
  const small = await context.baselines.express(HTTP_CONNECTIONS, BASELINE_BODY, TEXT);
  const result = await runLoad({ shape: 'rotating', settings: loadSettings(context, context.gatewayUrl, HTTP_CONNECTIONS, { serverPid: context.gatewayPid }), paths, errors: 'vicidial' });
  return {
    id: 'agent-status',
    name: `VICIdial agent_status (${WALLBOARD_AGENTS} agents in turn)`,
    kind: 'scenario',
    unit: 'req/s',
    rate: result.perSecond,
    connections: HTTP_CONNECTIONS,
    latencyMs: result.latencyMs,
    errors: totalErrors(result),
    ratios: [ratio(sameBody, result.perSecond), ratio(small, result.perSecond)],
    notes: [`${paths.length} agents in turn, ${sample.body.length} bytes per answer`],
    details: { requests: result.requests, elapsedSec: result.elapsedSec, errors: result.errors, errorSamples: result.errorSamples, bodyBytes: sample.body.length, ...result.extra },
  };
}
