import { VoipsunClient } from '../load/voipsun-client';
import { VOIPSUN_API } from '../plan/bench-plan';
import { ratio, type ResultRow } from '../report/result-row';
import { loadSettings, runLoad, totalErrors, type BenchContext } from './bench-context';
import { BASELINE_BODY, HTTP_CONNECTIONS } from './http-scenarios';
import { countStandingCallsUp } from './standing-calls';

export const LISTED_CALLS = 500;

/**
 * VoIPSUN `listcalls` with 500 calls up: the live calls read from Postgres
 * and rendered per leg on every request. Compared with a bare Express route
 * answering the same (captured) body, and with the small fixed body.
 */
export async function listcallsScenario(context: BenchContext): Promise<ResultRow> {
  const standing = await context.standingCalls.ensure(LISTED_CALLS);
  const path = `/api/api.php?username=${VOIPSUN_API.login}&password=${encodeURIComponent(VOIPSUN_API.secret)}&action=listcalls`;
  const captured = await (await fetch(`${context.gatewayUrl}${path}`)).text();
  const legs = (JSON.parse(captured) as { results: Parameters<typeof countStandingCallsUp>[0] }).results;
  const listed = countStandingCallsUp(legs);
  if (listed < LISTED_CALLS) {
    throw new Error(`listcalls shows ${listed} of the ${LISTED_CALLS} standing calls up (${JSON.stringify(standing)})`);
  }
  const json = 'application/json; charset=utf-8';
  const sameBody = await context.baselines.express(HTTP_CONNECTIONS, captured, json, ', same body');
  const small = await context.baselines.express(HTTP_CONNECTIONS, BASELINE_BODY, 'text/html; charset=utf-8');
  const result = await runLoad({ shape: 'fixed', settings: loadSettings(context, context.gatewayUrl, HTTP_CONNECTIONS), path, errors: 'voipsun' });
  // The calls must still all be there after the load.
  const after = countStandingCallsUp(await new VoipsunClient(context.gatewayUrl, VOIPSUN_API.login, VOIPSUN_API.secret).listCalls());
  return {
    id: 'listcalls',
    name: `VoIPSUN listcalls (${LISTED_CALLS} calls up)`,
    kind: 'scenario',
    unit: 'req/s',
    rate: result.perSecond,
    connections: HTTP_CONNECTIONS,
    latencyMs: result.latencyMs,
    errors: totalErrors(result) + (after < LISTED_CALLS ? 1 : 0),
    ratios: [ratio(sameBody, result.perSecond), ratio(small, result.perSecond)],
    notes: [`${legs.length} legs listed, ${captured.length} bytes per answer; ${listed} calls up before, ${after} after`],
    details: {
      requests: result.requests,
      elapsedSec: result.elapsedSec,
      errors: result.errors,
      errorSamples: result.errorSamples,
      legsListed: legs.length,
      bodyBytes: captured.length,
      callsUpBefore: listed,
      callsUpAfter: after,
      standingSetup: standing,
    },
  };
}
