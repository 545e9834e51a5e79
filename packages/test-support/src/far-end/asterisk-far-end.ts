import type { RunningAsterisk } from '../asterisk/start';
import { waitFor } from '../wait-for';
import type { FarEndBehaviour, FarEndControl } from './far-end-control';
import { registerSipPhone } from '../asterisk/sip-registrar-client';
import { configuredPhones } from '../asterisk/project-config';

/** Dialplan variable names take letters and digits (far-end-extensions.conf filters the same way). */
const key = (text: string): string => text.replace(/[^0-9a-zA-Z]/g, '');
/** Channels of the far ends themselves (the `far-end` endpoint of the run's site file). */
export const FAR_END_CHANNEL = 'PJSIP/far-end-';

const tenths = (ms: number): string => String(Math.max(1, Math.round(ms / 100)));

/** The far ends of the gateway's calls on the real Asterisk: its `far-end` context, steered through global variables. */
export async function asteriskFarEnd(asterisk: RunningAsterisk): Promise<FarEndControl> {
  const setGlobal = async (variable: string, value: string): Promise<void> => {
    const answer = await asterisk.ari('POST', '/asterisk/variable', { variable, value });
    if (answer.status !== 204) throw new Error(`setting ${variable} on Asterisk: ${answer.status} ${JSON.stringify(answer.body)}`);
  };
  const readGlobal = async (variable: string): Promise<string> =>
    ((await asterisk.ari('GET', '/asterisk/variable', { variable })).body as { value?: string } | undefined)?.value ?? '';

  const behave = async (suffix: string, behaviour: FarEndBehaviour): Promise<void> => {
    await setGlobal(`FAR_MODE${suffix}`, behaviour.outcome);
    await setGlobal(`FAR_RING${suffix}`, ((behaviour.ringMs ?? 300) / 1000).toFixed(3));
    await setGlobal(`FAR_DTMF${suffix}`, behaviour.dtmf ?? '');
    await setGlobal(`FAR_DTMFAT${suffix}`, tenths(behaviour.dtmfAfterMs ?? 500));
    await setGlobal(`FAR_HANGUP${suffix}`, behaviour.hangupAfterMs === undefined ? '0' : tenths(behaviour.hangupAfterMs));
  };

  /** The SIP call of a leg, as the far end's variables name it. */
  const sipCall = async (legId: string): Promise<string> => {
    const callId = await asterisk.ari('GET', `/channels/${encodeURIComponent(legId)}/variable`, { variable: 'CHANNEL(pjsip,call-id)' });
    const value = (callId.body as { value?: string } | undefined)?.value;
    if (callId.status !== 200 || !value) throw new Error(`leg ${legId} has no SIP call on Asterisk (${callId.status} ${JSON.stringify(callId.body)})`);
    return key(value);
  };

  /** One action for the far end of a leg; resolves once the far end has taken it. */
  const ask = async (legId: string, action: string): Promise<void> => {
    const variable = `FAR_DO_${await sipCall(legId)}`;
    await setGlobal(variable, action);
    await waitFor(async () => (await readGlobal(variable)) === '', 5000, `the far end of ${legId} to ${action}`);
  };

  let callsIn = 0;
  // Phones answer after 500 ms of ringing, as on pbx-sim, whatever other numbers do.
  for (const phone of asterisk.phones) await behave(`_${key(phone)}`, { outcome: 'answer', ringMs: 500 });
  await behave('', { outcome: 'answer', ringMs: 300 });

  return {
    engine: 'asterisk',
    phoneAddress: () => ({ host: asterisk.addresses.farEndHost, port: asterisk.addresses.farEndSipPort }),
    async registerPhone(resource, userAgent, credentials) {
      const phone = credentials ?? configuredPhones().find((candidate) => candidate.resource === resource);
      if (!phone) throw new Error(`pjsip.conf has no phone ${resource}`);
      const registration = await registerSipPhone({
        registrarHost: '127.0.0.1',
        registrarPort: asterisk.addresses.sipPort,
        user: phone.username,
        password: phone.password,
        userAgent,
      });
      return {
        host: registration.host,
        port: registration.port,
        contact: registration.contact,
        async unregister() {
          await registration.unregister();
          registration.close();
        },
      };
    },
    setPhone: (resource, behaviour) => behave(`_${key(resource)}`, behaviour),
    setNumber: (number, behaviour) => behave(`_${key(number)}`, behaviour),
    setOtherNumbers: (behaviour) => behave('', behaviour),
    answer: (legId) => ask(legId, 'answer'),
    pressDtmf: (legId, digits) => ask(legId, `dtmf:${digits}`),
    heardDtmf: async (legId) => readGlobal(`FAR_HEARD_${await sipCall(legId)}`),
    hangup: (legId, cause = 16) => ask(legId, `hangup:${cause}`),
    async callIn(did, callerNumber) {
      // The far end sends the INVITE to the project's transport, where it is the carrier (`upc`, context from-trunk).
      callsIn += 1;
      const channelId = `far-end-caller-${callsIn}-${Date.now()}`;
      const { sipPort } = asterisk.addresses;
      const placed = await asterisk.ari('POST', '/channels', {
        endpoint: `PJSIP/far-end/sip:${did}@127.0.0.1:${sipPort}`,
        context: 'far-end-caller',
        extension: 's',
        callerId: callerNumber,
        channelId,
      });
      if (placed.status !== 200) throw new Error(`calling ${did} in: ${placed.status} ${JSON.stringify(placed.body)}`);
      return {
        async hangup() {
          await asterisk.ari('DELETE', `/channels/${encodeURIComponent(channelId)}`);
        },
      };
    },
  };
}
