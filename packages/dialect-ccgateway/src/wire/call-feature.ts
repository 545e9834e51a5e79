import type { Call } from '@pbx-gateway/core';

/** Huawei's call type of an internal call (`INTER_CALL`, "Description of Call Types"). */
export const INTERNAL_CALL_FEATURE = 6;
/** An ordinary inbound call (a skill call). */
const INBOUND_CALL_FEATURE = 0;
/** An outbound call (an agent's callout). */
const OUTBOUND_CALL_FEATURE = 7;

/**
 * Huawei's call type ("Description of Call Types") of an agent's call, as the
 * call events carry it (`feature`) and the call-information queries answer
 * it (`callfeature`): one mapping, so both always agree.
 */
export function callFeature(call: Call): number {
  if (call.purpose === 'inbound') return INBOUND_CALL_FEATURE;
  return call.purpose === 'agent_internal' ? INTERNAL_CALL_FEATURE : OUTBOUND_CALL_FEATURE;
}
