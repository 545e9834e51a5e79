/** The telephony engine of a test run: `PBX_GATEWAY_ENGINE=asterisk` for the real Asterisk, pbx-sim otherwise. */
export type TestEngine = 'pbx-sim' | 'asterisk';

export function testEngine(): TestEngine {
  return process.env.PBX_GATEWAY_ENGINE === 'asterisk' ? 'asterisk' : 'pbx-sim';
}
