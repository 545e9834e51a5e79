import { expectRequestsAcceptedByAsterisk } from './support/ari-contract-check';
import type { RequestLedger } from './support/sim-harness';

/**
 * The adapter's scenarios against the simulator, the same files the base
 * tier runs, with every ARI request they sent checked against Asterisk 22's
 * own description (reference data beside the repository). Each file is
 * loaded inside its own describe so that its hooks stay its own; the check
 * runs after the file's last hook, once its simulators are closed and their
 * request logs collected.
 */
const scenarioFiles = [
  './ari-pbx-calls.test',
  './ari-pbx-media.test',
  './ari-pbx-connection.test',
  './keep-alive-regression.test',
  './rest-connection-reuse.test',
];

for (const file of scenarioFiles) {
  describe(`${file}: every request sent is one Asterisk 22 accepts`, () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ledger } = require(file) as { ledger: RequestLedger };
    afterAll(() => expectRequestsAcceptedByAsterisk(ledger));
  });
}
