import type { NumberRule, PbxSimOptions, PhoneConfig } from '@pbx-gateway/pbx-sim';
import * as plan from './bench-plan';

function range<T>(count: number, item: (i: number) => T): T[] {
  return Array.from({ length: count }, (_, i) => item(i));
}

/** Every phone the bench provisions, answering quickly. */
export function benchPhones(): PhoneConfig[] {
  const resources = [
    ...range(plan.PAUSE_AGENTS, plan.pauseAgentPhone),
    ...range(plan.CC_AGENTS, plan.ccAgentPhoneNumber),
    ...range(plan.SETUP_EXTENSIONS, plan.setupExtensionSip),
    ...range(plan.STANDING_EXTENSIONS, plan.standingExtensionSip),
    ...range(plan.SIPCALL_GROUPS, plan.sipcallExtensionSip),
    ...range(plan.BASELINE_PHONES, plan.baselinePhone),
  ];
  return resources.map((resource) => ({ resource, answerAfterMs: plan.PHONE_ANSWER_MS }));
}

/** How dialled numbers behave: call setup and standing calls stay up; Sip_Call customers press 1 and hang up. */
export function benchNumberRules(): NumberRule[] {
  return [
    {
      match: '6660\\d+',
      outcome: 'answer',
      ringMs: plan.NUMBER_RING_MS,
      dtmf: '1',
      dtmfAfterMs: plan.SIPCALL_KEY_AFTER_MS,
      hangupAfterMs: plan.SIPCALL_TALK_MS,
    },
    { match: '\\d+', outcome: 'answer', ringMs: plan.NUMBER_RING_MS },
  ];
}

export function benchSimOptions(): PbxSimOptions {
  return {
    host: '127.0.0.1',
    port: 0,
    users: { [plan.ARI.user]: plan.ARI.password, [plan.BASELINE_ARI.user]: plan.BASELINE_ARI.password },
    phones: benchPhones(),
    trunks: [plan.TRUNK.name],
    numberRules: benchNumberRules(),
    media: { [plan.CC_MEDIA]: plan.PROMPT_MS, 'hello-world': 800 },
    remoteMediaMs: plan.PROMPT_MS,
  };
}
