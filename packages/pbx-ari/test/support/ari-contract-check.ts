import { ariRequestProblems } from '@pbx-gateway/test-support';
import type { RequestLedger } from './sim-harness';

/**
 * Checks every ARI request the simulators of a test file received (the
 * adapter's, including the WebSocket upgrade) against Asterisk 22's own
 * description: method and path exist, every parameter is one Asterisk
 * knows, of the right type and allowed value, and required ones are there.
 * The API description downloads (`/ari/api-docs/...`) are not ARI
 * operations and are not logged by the simulator.
 */
export function expectRequestsAcceptedByAsterisk(ledger: RequestLedger): void {
  expect(ledger.requests.length).toBeGreaterThan(0);
  expect(ariRequestProblems(ledger.requests)).toEqual([]);
}
