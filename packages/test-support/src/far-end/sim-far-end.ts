import type { NumberRule, PbxSim } from '@pbx-gateway/pbx-sim';
import type { FarEndBehaviour, FarEndControl } from './far-end-control';
import { PHONE_HOST } from '../asterisk/sip-registrar-client';

/** The gateway's Stasis application (its default `ARI_APP`). */
const GATEWAY_APP = 'pbx-gateway';

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function numberRule(match: string, behaviour: FarEndBehaviour): NumberRule {
  const outcome = behaviour.outcome === 'reject' ? 'rejected' : behaviour.outcome;
  return {
    match,
    outcome,
    ...(behaviour.ringMs !== undefined ? { ringMs: behaviour.ringMs } : {}),
    ...(behaviour.dtmf !== undefined ? { dtmf: behaviour.dtmf, dtmfAfterMs: behaviour.dtmfAfterMs ?? 500 } : {}),
    ...(behaviour.hangupAfterMs !== undefined ? { hangupAfterMs: behaviour.hangupAfterMs } : {}),
  };
}

/** The far ends on pbx-sim: its phones and number rules, and its control API for live calls. */
export function simFarEnd(sim: PbxSim): FarEndControl {
  const numbers = new Map<string, FarEndBehaviour>();
  let others: FarEndBehaviour = { outcome: 'answer', ringMs: 300 };
  const applyRules = (): Promise<void> =>
    sim.control.setNumberRules([...[...numbers].map(([number, behaviour]) => numberRule(escapeRegex(number), behaviour)), numberRule('.*', others)]);
  let nextPhonePort = 5070;
  return {
    engine: 'pbx-sim',
    phoneAddress: () => ({ host: '127.0.0.2', port: 5060 }),
    async registerPhone(resource, userAgent, credentials) {
      const from = { host: PHONE_HOST, port: nextPhonePort++, userAgent };
      await sim.control.registerPhone(resource, credentials ? { ...from, password: credentials.password } : from);
      return {
        host: from.host,
        port: from.port,
        contact: `sip:${resource}@${from.host}:${from.port}`,
        unregister: () => sim.control.dropRegistration(resource),
      };
    },
    async setPhone(resource, behaviour) {
      if (!['answer', 'busy', 'noanswer'].includes(behaviour.outcome) || behaviour.dtmf !== undefined || behaviour.hangupAfterMs !== undefined) {
        throw new Error(`pbx-sim phones only answer, are busy or ring: ${JSON.stringify(behaviour)}`);
      }
      await sim.control.setPhone({
        resource,
        registered: true,
        busy: behaviour.outcome === 'busy',
        answerAfterMs: behaviour.outcome === 'answer' ? behaviour.ringMs ?? 500 : null,
      });
    },
    async setNumber(number, behaviour) {
      numbers.set(number, behaviour);
      await applyRules();
    },
    async setOtherNumbers(behaviour) {
      others = behaviour;
      await applyRules();
    },
    answer: (legId) => sim.control.answer(legId),
    pressDtmf: (legId, digits) => sim.control.pressDtmf(legId, digits),
    heardDtmf: async (legId) => (await sim.control.heardDtmf(legId)).digits,
    hangup: (legId, cause = 16) => sim.control.hangup(legId, cause),
    async callIn(did, callerNumber) {
      // What the project's `from-trunk` context does with a carrier's call.
      const { channelId } = await sim.control.placeCall({ from: callerNumber, to: did, app: GATEWAY_APP, appArgs: `inbound,${did}`, trunk: 'upc' });
      return { hangup: () => sim.control.hangup(channelId, 16) };
    },
  };
}
