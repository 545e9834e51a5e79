export { sharedDir, repositoryRoot, ariApiDocsDir, ariTracesDir, seedsDir } from './reference-data';
export { createTestDatabase, testServerUrl } from './test-database';
export type { TestDatabase } from './test-database';
export { startTcpProxy, type TcpProxy } from './tcp-proxy';
export { startCallbackReceiver } from './callback-receiver';
export { startExampleReceiver } from './example-receiver';
export type { ExampleReceiver, ExampleReceiverLine } from './example-receiver';
export type { CallbackReceiver, ReceivedCallback } from './callback-receiver';
export { waitFor } from './wait-for';
export { clearOfDayEnd, msToDayEnd, DAY_END_MARGIN_MS, DAY_END_WAIT_TIMEOUT_MS } from './day-boundary';
export { TEST_MEDIA } from './test-media';
export type { TestGateway, TestGatewayOptions, EngineChannel, EngineBridge } from './test-gateway';
export type { FarEndBehaviour, FarEndControl, FarEndOutcome, IncomingCall } from './far-end/far-end-control';
export { simFarEnd } from './far-end/sim-far-end';
export { asteriskFarEnd } from './far-end/asterisk-far-end';
import type { TestGateway, TestGatewayOptions } from './test-gateway';
// Loaded eagerly: it declares the afterAll that closes a file's leftover gateways while Jest collects the file.
export { closeLeftoverGateways, gatewaysLeft } from './gateway-leftovers';

/**
 * The whole gateway for one test file (see test-gateway.ts). Loaded on first
 * use, so that tests of a single package do not load every package.
 */
export function startTestGateway(options?: TestGatewayOptions): Promise<TestGateway> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const harness = require('./test-gateway') as typeof import('./test-gateway');
  return harness.startTestGateway(options);
}
export { ariRequestProblems, loadAriContract } from './ari-contract';
export type { AriContract, AriOperation, AriRequestToCheck, LoggedAriRequest, SwaggerModel, SwaggerParameter } from './ari-contract';
export { startGatewayProcess } from './gateway-process';
export type { GatewayProcess, GatewayProcessOptions, GatewayLogLine } from './gateway-process';
export { seededRandom, runSeed, type SeededRandom } from './seeded-random';
export { installAsterisk, AsteriskUnavailable, ASTERISK_BINARY } from './asterisk/install';
export { startAsterisk } from './asterisk/start';
export type { RunningAsterisk, StartAsteriskOptions } from './asterisk/start';
export { registerSipPhone, type SipRegistration, type RegisterOptions } from './asterisk/sip-registrar-client';

export { testEngine, type TestEngine } from './test-engine';

// The real core over the in-memory store, a scriptable engine, a fake clock and sequential ids.
export * from './test-core';

// What every Store implementation must do (jest describe blocks: call it from a test file).
export { storeContract, type ContractStore, type MakeStore } from './store-contract';
export { campaign, newLead } from './store-contract/rows';
/** The rows the contract writes, for a store's own tests. */
export * as storeRows from './store-contract/rows';
