import { VoipsunClient } from '../load/voipsun-client';
import { SETUP_EXTENSIONS, setupDestination, setupExtensionId, VOIPSUN_API } from '../plan/bench-plan';
import { ratio, type ResultRow } from '../report/result-row';
import { loadSettings, runLoad, totalErrors, type BenchContext } from './bench-context';

/** Calls set up at once, by the CRM and by the ari-client baseline alike. */
export const CALL_CONCURRENCY = 20;

interface CdrCount {
  marker: string;
  n: number;
}

/**
 * Call setup through VoIPSUN (originate → listcalls → hangupcall) against
 * the bare ari-client rate; afterwards every call placed must have exactly
 * one CDR.
 */
export async function callSetupScenario(context: BenchContext): Promise<ResultRow> {
  const ari = await context.baselines.ari(CALL_CONCURRENCY);
  const extensions = Array.from({ length: SETUP_EXTENSIONS }, (_, i) => ({ id: setupExtensionId(i), destination: setupDestination(i) }));
  const marker = `cs${Date.now().toString(36)}`;
  const result = await runLoad({
    shape: 'call-setup',
    settings: loadSettings(context, context.gatewayUrl, CALL_CONCURRENCY),
    username: VOIPSUN_API.login,
    password: VOIPSUN_API.secret,
    extensions,
    marker,
  });
  const placed = result.extra.placedMarkers as string[];
  const callsPerSecond = result.extra.callsPerSecond as number;

  // Anything still up on these extensions is hung up now, so that every call placed has ended.
  const voipsun = new VoipsunClient(context.gatewayUrl, VOIPSUN_API.login, VOIPSUN_API.secret);
  const leftOver = await voipsun.hangUpExtensions(new Set(extensions.map((line) => line.id)));
  const cdrs = await waitForCdrs(context, placed, 60000);
  const found = cdrs.filter((row) => row.n >= 1).length;
  const duplicates = cdrs.filter((row) => row.n > 1).reduce((sum, row) => sum + row.n - 1, 0);
  const missing = placed.length - found;
  const checkErrors = missing + duplicates;
  return {
    id: 'call-setup',
    name: context.options.engine === 'asterisk' ? 'VoIPSUN call setup on Asterisk' : 'VoIPSUN call setup',
    kind: 'scenario',
    unit: 'calls/s',
    rate: callsPerSecond,
    connections: CALL_CONCURRENCY,
    latencyMs: result.extra.callCycleMs as ResultRow['latencyMs'],
    errors: totalErrors(result) + checkErrors,
    ratios: [ratio(ari, callsPerSecond)],
    notes: [
      'one call = originate → listcalls → hangupcall; latency is per call',
      `calls placed ${placed.length}, CDRs found ${found}, missing ${missing}, duplicates ${duplicates}`,
    ],
    details: {
      requests: result.requests,
      requestsPerSecond: result.perSecond,
      requestLatencyMs: result.latencyMs,
      elapsedSec: result.elapsedSec,
      errors: result.errors,
      errorSamples: result.errorSamples,
      callsPlaced: placed.length,
      cdrsFound: found,
      cdrsMissing: missing,
      cdrDuplicates: duplicates,
      hangups: result.extra.hangups,
      notListed: result.extra.notListed,
      hungUpBetweenRuns: result.extra.cleanedUp,
      hungUpAfterwards: leftOver.length,
    },
  };
}

/** CDRs per marker (customCDR1), waiting until every call placed has one or the time is up. */
async function waitForCdrs(context: BenchContext, markers: string[], timeoutMs: number): Promise<CdrCount[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await context.database.query<CdrCount>(
      `SELECT data->>'customCDR1' AS marker, count(*)::int AS n FROM cdrs WHERE data->>'customCDR1' = ANY($1::text[]) GROUP BY 1`,
      [markers],
    );
    if (rows.length >= markers.length || Date.now() > deadline) return rows;
    await new Promise((done) => setTimeout(done, 500));
  }
}
