import type { PbxSim } from '@pbx-gateway/pbx-sim';
import { loadAriContract } from '@pbx-gateway/test-support';
import type { RequestLedger } from './sim-harness';

/**
 * Checks every ARI request the simulators of a test file received (the
 * adapter's, including the WebSocket upgrade) against Asterisk 22's own
 * description: method and path exist, every parameter is one Asterisk
 * knows, of the right type and allowed value, and required ones are there.
 * The API description downloads (`/ari/api-docs/...`) are not ARI
 * operations and are not logged by the simulator.
 */
export async function expectRequestsAcceptedByAsterisk(ledger: RequestLedger, sim?: PbxSim): Promise<void> {
  if (sim) await ledger.collect(sim);
  const contract = loadAriContract();
  expect(ledger.requests.length).toBeGreaterThan(0);
  const problems = ledger.requests.flatMap((request) => {
    const found = contract.checkRequest({ method: request.method, path: request.path, query: request.query, body: request.body });
    if (request.rawBody !== undefined) found.push(`a body that is not JSON: ${request.rawBody.slice(0, 80)}`);
    return found.map((problem) => `${request.method} ${request.path} ${JSON.stringify(request.query)}: ${problem}`);
  });
  expect(problems).toEqual([]);
}
