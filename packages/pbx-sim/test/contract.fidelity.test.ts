import { loadAriContract, type SwaggerParameter } from '@pbx-gateway/test-support';
import { startPbxSim, type PbxSim } from '@pbx-gateway/pbx-sim';
import { AriSession, field, sleep, type Json, type JsonObject } from './support/ari-session';

/**
 * The simulator's ARI against Asterisk 22's own description of it: the
 * description it serves, and every event it sends during a broad run.
 */
const contract = loadAriContract();

interface ServedOperation {
  httpMethod: string;
  nickname: string;
  responseClass: string;
  parameters: (SwaggerParameter & { defaultValue?: unknown })[];
}

interface ServedDeclaration {
  basePath: string;
  apis: { path: string; operations: ServedOperation[] }[];
  models: Record<string, { id: string; properties: Record<string, { type: string }> }>;
}

async function servedDeclarations(sim: PbxSim): Promise<Map<string, ServedDeclaration>> {
  const ari = new AriSession(sim.url);
  const listing = (await ari.expect(200, 'GET', '/api-docs/resources.json')) as { apis: { path: string }[] };
  const declarations = new Map<string, ServedDeclaration>();
  for (const api of listing.apis) {
    const name = api.path.replace('/api-docs/', '').replace('.{format}', '');
    declarations.set(name, (await ari.expect(200, 'GET', `/api-docs/${name}.json`)) as unknown as ServedDeclaration);
  }
  return declarations;
}

describe('ARI contract', () => {
  let sim: PbxSim;
  beforeAll(async () => {
    sim = await startPbxSim();
  });
  afterAll(() => sim.close());

  it('serves only operations Asterisk 22 has, with its paths, nicknames, parameters and allowed values', async () => {
    const declarations = await servedDeclarations(sim);
    let operations = 0;
    for (const [resource, declaration] of declarations) {
      expect(declaration.basePath).toBe(`${sim.url.replace('http://', 'http://')}/ari`);
      for (const api of declaration.apis) {
        for (const op of api.operations) {
          operations++;
          const asterisk = contract.operations.find((o) => o.path === api.path && o.method === op.httpMethod);
          expect([resource, op.httpMethod, api.path, asterisk !== undefined]).toEqual([resource, op.httpMethod, api.path, true]);
          if (!asterisk) continue;
          expect([api.path, op.nickname, op.responseClass]).toEqual([api.path, asterisk.nickname, asterisk.responseClass]);
          const mine = Object.fromEntries(op.parameters.map((p) => [p.name, p]));
          const theirs = Object.fromEntries(asterisk.parameters.map((p) => [p.name, p]));
          expect([op.httpMethod, api.path, Object.keys(mine).sort()]).toEqual([op.httpMethod, api.path, Object.keys(theirs).sort()]);
          for (const [name, param] of Object.entries(mine)) {
            const other = theirs[name];
            if (!other) continue;
            const describe = (p: SwaggerParameter) => ({
              name: p.name,
              paramType: p.paramType,
              dataType: p.dataType,
              allowableValues: p.allowableValues?.values ?? null,
              ...(typeof other.allowMultiple === 'boolean' ? { allowMultiple: p.allowMultiple } : {}),
              ...(typeof other.required === 'boolean' ? { required: p.required } : {}),
            });
            expect([api.path, describe(param)]).toEqual([api.path, describe(other)]);
          }
        }
      }
    }
    expect(operations).toBeGreaterThan(60);
  });

  it('declares only model fields Asterisk 22 has, with the same types, and only its event types', async () => {
    const declarations = await servedDeclarations(sim);
    let fields = 0;
    for (const declaration of declarations.values()) {
      for (const [name, model] of Object.entries(declaration.models)) {
        const asterisk = contract.models[name];
        expect([name, asterisk !== undefined]).toEqual([name, true]);
        for (const [property, spec] of Object.entries(model.properties)) {
          fields++;
          expect([name, property, spec.type]).toEqual([name, property, asterisk?.properties[property]?.type]);
        }
      }
    }
    expect(fields).toBeGreaterThan(100);
    const events = declarations.get('events');
    const eventTypes = (events?.models.Event as unknown as { subTypes: string[] }).subTypes;
    const asteriskTypes = (contract.models.Event as unknown as { subTypes: string[] }).subTypes;
    for (const type of eventTypes) expect([type, asteriskTypes.includes(type), events?.models[type] !== undefined]).toEqual([type, true, true]);
  });
});

describe('events of a broad scenario', () => {
  it('all validate against the Asterisk 22 event models, and every request is one Asterisk accepts', async () => {
    const sim = await startPbxSim({
      recordTraffic: true,
      media: { 'hello-world': 150, beep: 100 },
      phones: [{ resource: '1000', answerAfterMs: 50 }, { resource: '1001', answerAfterMs: null }, { resource: '1002' }],
      numberRules: [
        { match: '555.*', outcome: 'answer', ringMs: 40, dtmf: '12', dtmfAfterMs: 40, dtmfGapMs: 20, hangupAfterMs: 400 },
        { match: '666', outcome: 'busy', ringMs: 30 },
        { match: '777', outcome: 'congestion' },
      ],
    });
    const ari = new AriSession(sim.url);
    try {
      const app = await ari.events('contract');
      const all = await ari.events('everything', { subscribeAll: true });
      await ari.expect(200, 'POST', '/applications/contract/subscription', { eventSource: 'endpoint:PJSIP/1002' });

      const phone = (await ari.expect(200, 'POST', '/channels', { endpoint: 'PJSIP/1000', app: 'contract', callerId: 'Agent <200>' })) as JsonObject;
      await app.waitFor('StasisStart', String(phone.id));
      const trunk = (await ari.expect(200, 'POST', '/channels', {}, { endpoint: 'PJSIP/5551234@trunk', app: 'contract', variables: { LEAD: '42' } })) as JsonObject;
      await app.waitFor('ChannelDtmfReceived', String(trunk.id));
      await ari.expect(200, 'POST', '/channels', { endpoint: 'PJSIP/666@trunk', app: 'contract' });
      await ari.expect(200, 'POST', '/channels', { endpoint: 'PJSIP/777@trunk', app: 'contract' });

      await ari.expect(200, 'POST', '/channels/contract-local', { endpoint: 'Local/1000@oracle-answer', app: 'contract', appArgs: 'a,b', callerId: 'Bob <300>' });
      await app.waitFor('StasisStart', 'contract-local');
      await ari.expect(201, 'POST', '/channels/contract-local/play/pb-list', { media: 'sound:hello-world,sound:beep' });
      await ari.expect(201, 'POST', '/channels/contract-local/play', { media: 'sound:no-such-sound' });
      await ari.expect(201, 'POST', '/channels/contract-local/record', { name: 'contract-rec', format: 'wav' });
      await app.next((e) => e.type === 'RecordingStarted');
      await sleep(100);
      await ari.expect(204, 'POST', '/recordings/live/contract-rec/stop');
      await ari.expect(204, 'POST', '/channels/contract-local/variable', { variable: 'SHOWN', value: 'yes', report_events: true });
      await ari.expect(204, 'POST', '/channels/contract-local/variable', { variable: 'CALLERID(num)', value: '5550000' });
      await ari.expect(204, 'POST', '/channels/contract-local/dtmf', { dtmf: '5' });
      await ari.expect(204, 'POST', '/events/user/Ping', { application: 'contract', source: 'channel:contract-local' }, { variables: { k: 'v' } });

      const bridge = (await ari.expect(200, 'POST', '/bridges', { type: 'mixing', name: 'contract' })) as JsonObject;
      const bridgeId = String(bridge.id);
      await ari.expect(204, 'POST', `/bridges/${bridgeId}/addChannel`, { channel: `${String(phone.id)},contract-local` });
      await ari.expect(201, 'POST', `/bridges/${bridgeId}/play`, { media: 'sound:beep' });
      await app.next((e) => e.type === 'PlaybackFinished' && field(e, 'playback', 'target_uri') === `bridge:${bridgeId}`);
      await ari.expect(204, 'POST', `/bridges/${bridgeId}/removeChannel`, { channel: String(phone.id) });
      await ari.expect(200, 'POST', `/channels/${String(phone.id)}/snoop`, { spy: 'both', app: 'contract' });
      await ari.expect(204, 'DELETE', `/bridges/${bridgeId}`);

      const created = (await ari.expect(200, 'POST', '/channels/create', { endpoint: 'Local/1000@oracle-ring', app: 'contract' })) as JsonObject;
      await app.waitFor('StasisStart', String(created.id));
      await ari.expect(204, 'POST', `/channels/${String(created.id)}/dial`, { timeout: 1 });
      await app.waitFor('ChannelDestroyed', String(created.id), 4000);

      const inbound = await sim.control.placeCall({ from: '1001', to: '800', app: 'contract' });
      await app.waitFor('StasisStart', inbound.channelId);
      await ari.expect(204, 'POST', `/channels/${inbound.channelId}/answer`);
      await sim.control.unregisterPhone('1002');
      await sim.control.registerPhone('1002');

      for (const channel of (await ari.expect(200, 'GET', '/channels')) as JsonObject[]) {
        await ari.call('DELETE', `/channels/${String(channel.id)}`);
      }
      await app.waitFor('ChannelDestroyed', 'contract-local');
      await ari.events('contract');
      await app.waitFor('ApplicationReplaced');
      await sleep(200);

      const events = await sim.control.events();
      const problems = events.flatMap(({ event }) => contract.checkEvent(event));
      expect(problems).toEqual([]);
      const types = new Set(events.map((e) => String(e.event.type)));
      for (const type of [
        'StasisStart', 'StasisEnd', 'ChannelCreated', 'ChannelDestroyed', 'ChannelStateChange', 'ChannelDialplan', 'ChannelVarset',
        'ChannelHangupRequest', 'ChannelDtmfReceived', 'ChannelCallerId', 'ChannelConnectedLine', 'ChannelEnteredBridge', 'ChannelLeftBridge',
        'BridgeCreated', 'BridgeDestroyed', 'Dial', 'PlaybackStarted', 'PlaybackContinuing', 'PlaybackFinished', 'RecordingStarted',
        'RecordingFinished', 'ChannelUserevent', 'EndpointStateChange', 'ApplicationReplaced',
      ]) {
        expect([type, types.has(type)]).toEqual([type, true]);
      }
      // What the WebSockets received is what the log says was sent.
      expect(app.received.length + all.received.length).toBeGreaterThan(100);
      for (const event of [...app.received, ...all.received]) expect(contract.checkEvent(event as unknown)).toEqual([]);

      const requests = await sim.control.requests();
      expect(requests.length).toBeGreaterThan(25);
      for (const request of requests) {
        expect([request.method, request.path, contract.checkRequest({ method: request.method, path: request.path, query: request.query, body: request.body as Json })]).toEqual([
          request.method,
          request.path,
          [],
        ]);
      }
    } finally {
      ari.close();
      await sim.close();
    }
  });
});
