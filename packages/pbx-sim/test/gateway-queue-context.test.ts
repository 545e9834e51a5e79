import { startPbxSim, type PbxSim } from '@pbx-gateway/pbx-sim';
import { AriSession, field, type EventStream } from './support/ari-session';

/**
 * The gateway's `gateway-queue` context (docker/asterisk/extensions.conf):
 * a Local channel originated into it with the gateway's variables sends its
 * `;2` half into the application with those variables as arguments, as
 * Asterisk copies the `;1` half's variables to the `;2` half when it dials it.
 */
describe('the gateway-queue context', () => {
  let sim: PbxSim;
  let ari: AriSession;
  let gateway: EventStream;

  beforeAll(async () => {
    sim = await startPbxSim({});
    ari = new AriSession(sim.url);
    gateway = await ari.events('pbx-gateway');
  });

  afterAll(async () => {
    ari.close();
    await sim.close();
  });

  const variables = { GATEWAY_QUEUE: 'CLOSERS', GATEWAY_LEAD: '7', GATEWAY_AGENT: '', GATEWAY_CALLER: '5550100' };

  it('hands the ;2 half to the application with the queue, lead, agent, caller and when to answer (unset: empty); its answer answers the ;1 half, which then enters Stasis', async () => {
    await ari.expect(200, 'POST', '/channels/q1', { endpoint: 'Local/s@gateway-queue', app: 'pbx-gateway', appArgs: 'originated', callerId: '2120289999' }, { variables });
    const arrived = await gateway.waitFor('StasisStart', 'q1;2');
    expect(arrived.args).toEqual(['queue', 'CLOSERS', '7', '', '5550100', '']);
    expect(field(arrived, 'channel', 'name')).toMatch(/^Local\/s@gateway-queue-[0-9a-f]+;2$/);
    expect(field(arrived, 'channel', 'dialplan', 'context')).toBe('gateway-queue');
    // The originate's caller id is ;1's caller and connected line; ;2 takes them the other way round.
    expect([field(arrived, 'channel', 'caller', 'number'), field(arrived, 'channel', 'connected', 'number')]).toEqual(['2120289999', '2120289999']);
    expect(gateway.types('q1;2').slice(0, 6)).toEqual(['ChannelVarset', 'ChannelVarset', 'ChannelVarset', 'ChannelVarset', 'ChannelCallerId', 'ChannelConnectedLine']);
    expect(gateway.ofChannel('q1;2').slice(0, 4).map((event) => event.variable)).toEqual(['GATEWAY_CALLER', 'GATEWAY_AGENT', 'GATEWAY_LEAD', 'GATEWAY_QUEUE']);
    // The ;1 half is not in the application until the ;2 half answers.
    expect(gateway.types('q1')).not.toContain('StasisStart');

    await ari.expect(204, 'POST', '/channels/q1;2/answer');
    const answered = await gateway.waitFor('StasisStart', 'q1');
    expect(answered.args).toEqual(['originated']);
    expect(field(answered, 'channel', 'state')).toBe('Up');

    // Hanging up the ;1 half ends the ;2 half.
    await ari.expect(204, 'DELETE', '/channels/q1');
    await gateway.waitFor('ChannelDestroyed', 'q1;2');
  });

  it('has only the extension s', async () => {
    const reply = await ari.call('POST', '/channels/q2', { endpoint: 'Local/100@gateway-queue', app: 'pbx-gateway' });
    if (reply.status === 200) await gateway.waitFor('ChannelDestroyed', 'q2');
    expect(gateway.types('q2')).not.toContain('StasisStart');
  });
});
