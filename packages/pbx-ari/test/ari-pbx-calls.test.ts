import { PbxFailure } from '@pbx-gateway/core';
import type { PbxEvent } from '@pbx-gateway/core';
import { APP, RequestLedger, sleep, startHarness, timed } from './support/sim-harness';
import type { Harness } from './support/sim-harness';
import { waitFor } from '@pbx-gateway/test-support';

/**
 * Calls through the real ari-client against the simulator over HTTP and
 * WebSocket: what the adapter sends for each call command and what it makes
 * of the events that come back.
 */
// The fidelity tier checks every request the simulators received against Asterisk's own ARI description (ari-requests.fidelity.test.ts).
export const ledger = new RequestLedger();
let h: Harness;

const isEvent =
  <T extends PbxEvent['type']>(type: T, id: string) =>
  (event: PbxEvent): boolean =>
    event.type === type && 'legId' in event && event.legId === id;

beforeAll(async () => {
  h = await startHarness(ledger, {
    phones: [
      { resource: '1000', answerAfterMs: 300 },
      { resource: '1001', busy: true },
      { resource: '1002', answerAfterMs: null },
      { resource: '1003', answerAfterMs: 200 },
      { resource: '1004', registered: false },
    ],
    trunks: ['trunk'],
    numberRules: [
      { match: '0600000001', outcome: 'answer', ringMs: 200 },
      { match: '0600000002', outcome: 'busy', ringMs: 100 },
      { match: '0600000003', outcome: 'noanswer' },
      { match: '0600000004', outcome: 'answer', ringMs: 100, dtmf: '12#', dtmfAfterMs: 200, dtmfGapMs: 100 },
      { match: '0600000005', outcome: 'answer', ringMs: 100, hangupAfterMs: 300 },
    ],
  });
});

afterAll(async () => {
  await h.close();
});

describe('calls through ari-client against the simulator', () => {
  it('originates to a phone: ringing, answered, then ended with Normal Clearing after our hangup', async () => {
    const from = h.log.mark();
    const leg = await h.pbx.originate({
      legId: 'call-1.1',
      endpoint: 'PJSIP/1000',
      callerId: { name: 'Support', number: '0800123456' },
      timeoutSec: 20,
      variables: { CDR_CAMPAIGN: 'spring' },
    });
    expect(leg.legId).toBe('call-1.1');
    expect(leg.channelName).toMatch(/^PJSIP\/1000-[0-9a-f]{8}$/);
    expect(leg.state).toBe('down');
    await h.log.waitFor(isEvent('leg_answered', 'call-1.1'), 'leg_answered', 5000, from);
    await h.pbx.hangup('call-1.1', 'normal');
    await h.log.waitFor(isEvent('leg_ended', 'call-1.1'), 'leg_ended', 5000, from);
    expect(h.log.of('call-1.1', from)).toEqual(['leg_ringing', 'leg_answered', 'leg_ended:16:Normal Clearing']);
  });

  it('snoops on a leg: the snoop is answered at once, ends at its StasisEnd when hung up, and a second one ends with its target', async () => {
    const from = h.log.mark();
    await h.pbx.originate({ legId: 'call-20.1', endpoint: 'PJSIP/1003', timeoutSec: 20 });
    await h.log.waitFor(isEvent('leg_answered', 'call-20.1'), 'target answered', 5000, from);
    const snoop = await h.pbx.snoop({ legId: 'call-21.2', targetLegId: 'call-20.1', spy: 'both', whisper: 'none' });
    expect(snoop).toMatchObject({ legId: 'call-21.2', channelName: expect.stringMatching(/^Snoop\/call-20\.1-[0-9a-f]{8}$/), state: 'up' });
    await h.log.waitFor(isEvent('leg_answered', 'call-21.2'), 'snoop answered', 5000, from);
    await h.pbx.hangup('call-21.2', 'normal');
    await h.log.waitFor(isEvent('leg_ended', 'call-21.2'), 'snoop ended', 5000, from);
    await h.pbx.snoop({ legId: 'call-22.2', targetLegId: 'call-20.1', spy: 'both', whisper: 'out' });
    await h.log.waitFor(isEvent('leg_answered', 'call-22.2'), 'second snoop answered', 5000, from);
    await h.pbx.hangup('call-20.1', 'normal');
    await h.log.waitFor(isEvent('leg_ended', 'call-22.2'), 'second snoop ended', 5000, from);
    expect(h.log.of('call-21.2', from)).toEqual(['leg_answered', 'leg_ended:16:Normal Clearing']);
    expect(h.log.of('call-22.2', from)).toEqual(['leg_answered', 'leg_ended:16:Normal Clearing']);
    await expect(h.pbx.snoop({ legId: 'call-23.2', targetLegId: 'call-20.1', spy: 'both', whisper: 'none' })).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('reports a busy phone as ended with cause 17, never answered', async () => {
    const from = h.log.mark();
    await h.pbx.originate({ legId: 'call-2.1', endpoint: 'PJSIP/1001', timeoutSec: 10 });
    await h.log.waitFor(isEvent('leg_ended', 'call-2.1'), 'leg_ended', 5000, from);
    expect(h.log.of('call-2.1', from)).toEqual(['leg_ended:17:User busy']);
  });

  it('reports a phone nobody answers as ended with cause 19 once the originate timeout runs out', async () => {
    const from = h.log.mark();
    const started = Date.now();
    await h.pbx.originate({ legId: 'call-3.1', endpoint: 'PJSIP/1002', timeoutSec: 1 });
    await h.log.waitFor(isEvent('leg_ended', 'call-3.1'), 'leg_ended', 5000, from);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(h.log.of('call-3.1', from)).toEqual(['leg_ringing', 'leg_ended:19:User alerting, no answer']);
  });

  it('originates to external numbers through a trunk: answered, busy, unanswered', async () => {
    const from = h.log.mark();
    await h.pbx.originate({ legId: 'call-4.1', endpoint: 'PJSIP/0600000001@trunk', timeoutSec: 10 });
    await h.pbx.originate({ legId: 'call-4.2', endpoint: 'PJSIP/0600000002@trunk', timeoutSec: 10 });
    await h.pbx.originate({ legId: 'call-4.3', endpoint: 'PJSIP/0600000003@trunk', timeoutSec: 1 });
    await h.log.waitFor(isEvent('leg_answered', 'call-4.1'), 'answer of call-4.1', 5000, from);
    await h.log.waitFor(isEvent('leg_ended', 'call-4.2'), 'end of call-4.2', 5000, from);
    await h.log.waitFor(isEvent('leg_ended', 'call-4.3'), 'end of call-4.3', 5000, from);
    await h.pbx.hangup('call-4.1');
    await h.log.waitFor(isEvent('leg_ended', 'call-4.1'), 'end of call-4.1', 5000, from);
    expect(h.log.of('call-4.1', from)).toEqual(['leg_ringing', 'leg_answered', 'leg_ended:16:Normal Clearing']);
    expect(h.log.of('call-4.2', from).at(-1)).toBe('leg_ended:17:User busy');
    expect(h.log.of('call-4.2', from)).not.toContain('leg_answered');
    expect(h.log.of('call-4.3', from)).toEqual(['leg_ringing', 'leg_ended:19:User alerting, no answer']);
  });

  it('reports a far end that hangs up by itself', async () => {
    const from = h.log.mark();
    await h.pbx.originate({ legId: 'call-5.1', endpoint: 'PJSIP/0600000005@trunk', timeoutSec: 10 });
    await h.log.waitFor(isEvent('leg_ended', 'call-5.1'), 'leg_ended', 5000, from);
    expect(h.log.of('call-5.1', from)).toEqual(['leg_ringing', 'leg_answered', 'leg_ended:16:Normal Clearing']);
  });

  it('hears the DTMF keys the far end presses, in order, and sends keys to it', async () => {
    const from = h.log.mark();
    await h.pbx.originate({ legId: 'call-6.1', endpoint: 'PJSIP/0600000004@trunk', timeoutSec: 10 });
    await h.log.waitFor((event) => event.type === 'leg_dtmf' && event.legId === 'call-6.1' && event.digit === '#', 'the # key', 5000, from);
    await h.sim.control.pressDtmf('call-6.1', '9', { durationMs: 250 });
    const nine = await h.log.waitFor((event) => event.type === 'leg_dtmf' && event.legId === 'call-6.1' && event.digit === '9', 'the 9 key', 5000, from);
    expect(nine).toMatchObject({ durationMs: 250 });
    await expect(h.pbx.sendDtmf('call-6.1', '45*', { betweenMs: 100, durationMs: 120 })).resolves.toBeUndefined();
    await h.pbx.hangup('call-6.1');
    await h.log.waitFor(isEvent('leg_ended', 'call-6.1'), 'leg_ended', 5000, from);
    expect(h.log.of('call-6.1', from).filter((event) => event.startsWith('leg_dtmf'))).toEqual(['leg_dtmf:1', 'leg_dtmf:2', 'leg_dtmf:#', 'leg_dtmf:9']);
  });

  it('reports a call that arrives by itself as leg_arrived, rings it, and lists it in the snapshot', async () => {
    const from = h.log.mark();
    const { channelId } = await h.sim.control.placeCall({ from: '0611223344', to: '8000', app: APP, trunk: 'trunk' });
    const arrived = await h.log.waitFor(isEvent('leg_arrived', channelId), 'leg_arrived', 5000, from);
    expect(arrived).toMatchObject({ legId: channelId, callerNumber: '0611223344', dialed: '8000' });
    expect(arrived.type === 'leg_arrived' && arrived.channelName).toMatch(/^PJSIP\/trunk-/);
    await h.pbx.setRinging(channelId, true);
    await h.pbx.setRinging(channelId, false);
    const snapshot = await h.pbx.snapshot();
    expect(snapshot.legs).toContainEqual({ legId: channelId, channelName: expect.stringMatching(/^PJSIP\/trunk-/) as unknown, state: 'ring' });
    await h.pbx.hangup(channelId, 'busy');
    await h.log.waitFor(isEvent('leg_ended', channelId), 'leg_ended', 5000, from);
    expect(h.log.of(channelId, from)).toEqual(['leg_arrived', 'leg_ended:17:User busy']);
  });

  it('answers a call that arrived by itself and plays it music on hold, then stops the music', async () => {
    const from = h.log.mark();
    const { channelId } = await h.sim.control.placeCall({ from: '0611223344', to: '2125550100', app: APP, appArgs: 'inbound,2125550100', trunk: 'trunk' });
    const arrived = await h.log.waitFor(isEvent('leg_arrived', channelId), 'leg_arrived', 5000, from);
    expect(arrived).toMatchObject({ args: ['inbound', '2125550100'], dialed: '2125550100' });
    await h.pbx.answer(channelId);
    await h.pbx.setMusicOnHold(channelId, 'default');
    expect((await h.pbx.snapshot()).legs).toContainEqual(expect.objectContaining({ legId: channelId, state: 'up' }));
    await h.pbx.setMusicOnHold(channelId, null);
    await h.pbx.hangup(channelId);
    await h.log.waitFor(isEvent('leg_ended', channelId), 'leg_ended', 5000, from);
    // Stopping the music of a channel gone is what was asked for.
    await expect(h.pbx.setMusicOnHold(channelId, null)).resolves.toBeUndefined();
  });

  it('ends a call that arrived by itself when its far end hangs up, with the far end cause', async () => {
    const from = h.log.mark();
    const { channelId } = await h.sim.control.placeCall({ from: '1003', to: '8001', app: APP });
    await h.log.waitFor(isEvent('leg_arrived', channelId), 'leg_arrived', 5000, from);
    await h.sim.control.hangup(channelId, 16);
    await h.log.waitFor(isEvent('leg_ended', channelId), 'leg_ended', 5000, from);
    expect(h.log.of(channelId, from)).toEqual(['leg_arrived', 'leg_ended:16:Normal Clearing']);
  });

  it('sees only the ;1 half of a Local pair, once, with the busy cause its Dial reported', async () => {
    const from = h.log.mark();
    await h.pbx.originate({ legId: 'call-7.1', endpoint: 'Local/1000@oracle-answer', timeoutSec: 10 });
    await h.log.waitFor(isEvent('leg_answered', 'call-7.1'), 'leg_answered', 5000, from);
    // The `;2` half reaches Echo half a second after answering (as in
    // Asterisk); from then on it sends keys back: the `;2` half hears them,
    // then the leg.
    await sleep(1000);
    await h.pbx.sendDtmf('call-7.1', '7');
    await h.log.waitFor(isEvent('leg_dtmf', 'call-7.1'), 'the echoed key', 5000, from);
    await h.pbx.hangup('call-7.1');
    await h.log.waitFor(isEvent('leg_ended', 'call-7.1'), 'leg_ended', 5000, from);
    await h.pbx.originate({ legId: 'call-7.2', endpoint: 'Local/1000@oracle-busy', timeoutSec: 10 });
    await h.log.waitFor(isEvent('leg_ended', 'call-7.2'), 'leg_ended of the busy Local leg', 5000, from);
    const touched = h.log.events.slice(from).filter((event) => 'legId' in event).map((event) => ('legId' in event ? event.legId : ''));
    expect(new Set(touched)).toEqual(new Set(['call-7.1', 'call-7.2']));
    expect(h.log.of('call-7.1', from)).toEqual(['leg_answered', 'leg_dtmf:7', 'leg_ended:16:Normal Clearing']);
    expect(h.log.of('call-7.2', from)).toEqual(['leg_ended:17:User busy']);
  });

  it('lists endpoints with their reachability', async () => {
    const endpoints = await h.pbx.endpoints();
    expect(endpoints).toEqual(
      expect.arrayContaining([
        { endpoint: 'PJSIP/1000', technology: 'PJSIP', resource: '1000', online: true, channelIds: [] },
        { endpoint: 'PJSIP/1004', technology: 'PJSIP', resource: '1004', online: false, channelIds: [] },
      ]),
    );
  });

  it('reads a device’s contacts: its own registration first with its qualify’s round trip, then the configured address; none while unregistered; null for an unknown one', async () => {
    await h.sim.control.registerPhone('1003', { host: '192.0.2.10', port: 5062, userAgent: 'snom870/8.7.3.25.9' });
    try {
      // The round trip comes in an event (ContactStatusChange Reachable), a moment after the registration.
      await waitFor(async () => (await h.pbx.deviceContacts('1003'))?.contacts[0]?.roundtripUsec, 5000, 'the round trip');
      await expect(h.pbx.deviceContacts('1003')).resolves.toEqual({
        qualified: true,
        contacts: [
          { uri: 'sip:1003@192.0.2.10:5062', origin: 'registered', host: '192.0.2.10', port: 5062, uriHost: '192.0.2.10', userAgent: 'snom870/8.7.3.25.9', roundtripUsec: 1500 },
          { uri: 'sip:1003@127.0.0.2:5060', origin: 'configured', host: '127.0.0.2', port: 5060, uriHost: '127.0.0.2', userAgent: '' },
        ],
      });
    } finally {
      await h.sim.control.dropRegistration('1003');
    }
    await expect(h.pbx.deviceContacts('1004')).resolves.toEqual({ qualified: true, contacts: [] });
    await expect(h.pbx.deviceContacts('trunk')).resolves.toEqual({
      qualified: false,
      contacts: [{ uri: 'sip:carrier.example.net:5060', origin: 'configured', host: 'carrier.example.net', port: 5060, uriHost: 'carrier.example.net', userAgent: '' }],
    });
    await expect(h.pbx.deviceContacts('nosuch')).resolves.toBeNull();
  });

  it('puts a device (auth, AOR, endpoint through the dynamic configuration), changes it, and removes it', async () => {
    const credential = h.pbx.deviceCredential('7001', 'regpw');
    expect(credential).toMatch(/^[0-9a-f]{32}$/);
    await h.pbx.putDevice({ resource: '7001', username: '7001', credential });
    expect((await h.pbx.endpoints()).find((endpoint) => endpoint.resource === '7001')).toMatchObject({ endpoint: 'PJSIP/7001', online: false });
    await expect(h.pbx.deviceContacts('7001')).resolves.toEqual({ qualified: true, contacts: [] });
    // The phone registers with the password whose digest the engine keeps; another is refused.
    await expect(h.sim.control.registerPhone('7001', { host: '192.0.2.20', port: 5070, userAgent: 'desk', password: 'wrong' })).rejects.toThrow();
    await h.sim.control.registerPhone('7001', { host: '192.0.2.20', port: 5070, userAgent: 'desk', password: 'regpw' });
    await h.sim.control.dropRegistration('7001');
    // Put again with another credential: the endpoint is made again, the old password no longer registers.
    await h.pbx.putDevice({ resource: '7001', username: '7001', credential: h.pbx.deviceCredential('7001', 'newpw') });
    await expect(h.sim.control.registerPhone('7001', { host: '192.0.2.20', port: 5070, userAgent: 'desk', password: 'regpw' })).rejects.toThrow();
    await h.pbx.removeDevice('7001');
    expect((await h.pbx.endpoints()).some((endpoint) => endpoint.resource === '7001')).toBe(false);
    await expect(h.pbx.deviceContacts('7001')).resolves.toBeNull();
    // Removing it again is not an error; a device of the configuration cannot be put.
    await h.pbx.removeDevice('7001');
    await expect(h.pbx.putDevice({ resource: '1000', username: '1000', credential })).rejects.toMatchObject({ kind: 'rejected', status: 403 });
  });

  it('turns engine refusals into PbxFailures with the engine message', async () => {
    const unregistered = await timed(h.pbx.originate({ legId: 'call-8.1', endpoint: 'PJSIP/1004' }));
    expect(unregistered.error).toBeInstanceOf(PbxFailure);
    expect(unregistered.error).toMatchObject({ kind: 'rejected', status: 500 });
    expect((unregistered.error as Error).message).toContain('Allocation failed');

    const nonsense = await timed(h.pbx.originate({ legId: 'call-8.2', endpoint: 'nonsense' }));
    expect(nonsense.error).toMatchObject({ kind: 'rejected', status: 400 });

    const unknownLeg = await timed(h.pbx.sendDtmf('no-such-leg', '1'));
    expect(unknownLeg.error).toMatchObject({ kind: 'not_found', status: 404 });

    // Our ids make a second originate with the same id a conflict, not a second call.
    await h.pbx.originate({ legId: 'call-8.3', endpoint: 'PJSIP/1002', timeoutSec: 5 });
    const twice = await timed(h.pbx.originate({ legId: 'call-8.3', endpoint: 'PJSIP/1002', timeoutSec: 5 }));
    expect(twice.error).toMatchObject({ kind: 'conflict', status: 409 });
    await h.pbx.hangup('call-8.3');

    // Ringing tone is for a leg inside the application; one still ringing out is not.
    await h.pbx.originate({ legId: 'call-8.4', endpoint: 'PJSIP/1002', timeoutSec: 5 });
    const notInStasis = await timed(h.pbx.setRinging('call-8.4', true));
    expect(notInStasis.error).toBeInstanceOf(PbxFailure);
    expect((notInStasis.error as PbxFailure).kind).toBe('conflict');
    await h.pbx.hangup('call-8.4');
  });

  it('takes hanging up a leg that is gone as done', async () => {
    await expect(h.pbx.hangup('call-1.1')).resolves.toBeUndefined();
    await expect(h.pbx.hangup('never-existed', 'congestion')).resolves.toBeUndefined();
  });

  it('mutes and unmutes an answered leg; unmuting a leg that is gone is done, muting it is not', async () => {
    const from = h.log.mark();
    const { channelId } = await h.sim.control.placeCall({ from: '0611223344', to: '2125550100', app: APP, appArgs: 'inbound,2125550100', trunk: 'trunk' });
    await h.log.waitFor(isEvent('leg_arrived', channelId), 'leg_arrived', 5000, from);
    await h.pbx.answer(channelId);
    await expect(h.pbx.setMuted(channelId, true)).resolves.toBeUndefined();
    await expect(h.pbx.setMuted(channelId, false)).resolves.toBeUndefined();
    await h.pbx.hangup(channelId);
    await h.log.waitFor(isEvent('leg_ended', channelId), 'leg_ended', 5000, from);
    await expect(h.pbx.setMuted(channelId, false)).resolves.toBeUndefined();
    const muting = await timed(h.pbx.setMuted(channelId, true));
    expect(muting.error).toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('takes stopping the ringing tone of a leg that is gone as done, but not starting it', async () => {
    await expect(h.pbx.setRinging('call-1.1', false)).resolves.toBeUndefined();
    const ringing = await timed(h.pbx.setRinging('call-1.1', true));
    expect(ringing.error).toMatchObject({ kind: 'not_found', status: 404 });
  });
});
