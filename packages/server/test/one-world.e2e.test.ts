import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';

/**
 * One world seen through four dialects, on the whole gateway (Postgres, the
 * engine over ARI): an agent signed in through CC-Gateway and paused through
 * VICIdial is paused for VoIPSUN and Sip_Call; a Sip_Call MakeCall is a call
 * VoIPSUN lists and lets a supervisor listen to; its one CDR is the same for
 * Sip_Call's GetBill and VICIdial's Non-Agent API.
 */

const AGENT = '2001';
const PIN = '2468';
const AGENT_PHONE = '40038';
const QUEUE = 'WORLD';
const CUSTOMER = '13333333333';

const CCGATEWAY = '/agentgateway/resource';
const VICIDIAL_AUTH = 'source=test&user=6666&pass=1234';
const VOIPSUN_AUTH = 'username=voipsun&password=secretpwd';

interface ListedChannel {
  channelName: string;
  src: string;
  dst: string;
  status: string;
  accountCode: string;
  sourceType: string;
}

interface Bill {
  uuid: string;
  billsec: number;
  duration: number;
  extnumber: string;
  destnumber: string;
  customuuid: string;
}

let gw: TestGateway;
let token: string;

beforeAll(async () => {
  gw = await startTestGateway({
    extraProvisioning: {
      agents: [{ id: AGENT, name: 'World Agent', secret: PIN, device: `PJSIP/${AGENT_PHONE}` }],
      queues: [{ name: QUEUE, strategy: 'rrordered', members: [{ agentId: AGENT, penalty: 1 }] }],
    },
    dialects: { ccgateway: { pollWaitMs: 400 } },
  });
  await gw.farEnd.setPhone(AGENT_PHONE, { outcome: 'answer', ringMs: 300 });
  await gw.farEnd.setPhone('sip100', { outcome: 'answer', ringMs: 300 });
  await gw.farEnd.setPhone('sip101', { outcome: 'answer', ringMs: 300 });
  await gw.farEnd.setOtherNumbers({ outcome: 'answer', ringMs: 300 });
  const login = await gw.http.post('/').field('service', 'App.Sip_Auth.Login').field('appid', 'demoappid').field('accesskey', 'demoaccesskey');
  token = (JSON.parse(login.text) as { data: { result: { token: string } } }).data.result.token;
}, 60_000);

afterAll(async () => {
  await gw?.close();
});

const sipcall = async (fields: Record<string, string>): Promise<{ ret: number; data: { status: number; result?: unknown } }> => {
  let request = gw.http.post('/');
  for (const [name, value] of Object.entries({ token, ...fields })) request = request.field(name, value);
  return JSON.parse((await request).text) as { ret: number; data: { status: number; result?: unknown } };
};
const voipsun = async (query: string): Promise<string> => (await gw.http.get(`/api/api.php?${VOIPSUN_AUTH}&${query}`)).text;
const nonAgent = async (query: string): Promise<string> => (await gw.http.get(`/vicidial/non_agent_api.php?${VICIDIAL_AUTH}&${query}`)).text;

async function listcalls(): Promise<ListedChannel[]> {
  const body = JSON.parse(await voipsun('action=listcalls')) as { success: string; results: ListedChannel[] };
  if (body.success !== 'true') throw new Error(`listcalls failed: ${JSON.stringify(body)}`);
  // Other dialects' agent phones (the demo agent's, in its VICIdial conference) are no extension's or trunk's.
  return body.results.filter((channel) => channel.sourceType !== '');
}

/** A Beijing wall-clock second (Sip_Call's time zone), as GetBill takes its window. */
const beijing = (at: Date): string => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

describe('one agent, one call, four dialects', () => {
  test('signed in through CC-Gateway, paused through VICIdial: VoIPSUN and Sip_Call see it paused', async () => {
    const signIn = await gw.http
      .put(`${CCGATEWAY}/onlineagent/${AGENT}`)
      .set('Content-Type', 'application/json; charset=UTF-8')
      .send({ password: PIN, phonenum: AGENT_PHONE, status: '4', releasephone: 'false', agenttype: '4' });
    expect(JSON.parse(signIn.text)).toMatchObject({ message: '', retcode: '0', result: { workno: AGENT } });
    const guid = String(signIn.headers['set-guid']).slice('JSESSIONID='.length);

    // Not yet paused: CC-Gateway sees it idle, Sip_Call's seats show it ready.
    expect((await gw.http.get(`${CCGATEWAY}/onlineagent/${AGENT}/agentstatus`).set('Guid', guid)).text).toBe('{"message":"","retcode":"0","result":1}');
    expect(await voipsun(`action=agentstatus&agentNumber=${AGENT}&agentPin=${PIN}`)).toBe(`{"success":"true","reason":"Agent ${AGENT} is logged in. Line is free"}`);
    expect((await sipcall({ service: 'App.Sip_Queue.GetQueueSipStatus', queuename: QUEUE })).data.result).toEqual([{ seatsname: AGENT, queuename: QUEUE, status: 'ready' }]);

    const pause = await gw.http.get(`/agc/api.php?${VICIDIAL_AUTH}&function=external_pause&value=PAUSE&agent_user=${AGENT}`);
    expect(pause.text).toMatch(new RegExp(`^SUCCESS: external_pause function set - PAUSE\\|[0-9]{10}\\|${AGENT}\\n$`));

    // VoIPSUN: still logged in on a free line (agentstatus tells no pause), paused in its queue.
    expect(await voipsun(`action=agentstatus&agentNumber=${AGENT}&agentPin=${PIN}`)).toBe(`{"success":"true","reason":"Agent ${AGENT} is logged in. Line is free"}`);
    const queue = JSON.parse(await voipsun(`action=queuestatus&queueName=${QUEUE}`)) as { results: Array<{ members: Record<string, { paused: string; status: string }> }> };
    expect(queue.results[0]!.members['World Agent']).toMatchObject({ paused: '1' });
    // Sip_Call: the seat is paused.
    expect((await sipcall({ service: 'App.Sip_Queue.GetQueueSipStatus', queuename: QUEUE })).data.result).toEqual([{ seatsname: AGENT, queuename: QUEUE, status: 'paused' }]);
    // CC-Gateway, where it signed in, sees it busy (CTI status 7), no longer idle (1).
    expect((await gw.http.get(`${CCGATEWAY}/onlineagent/${AGENT}/agentstatus`).set('Guid', guid)).text).toBe('{"message":"","retcode":"0","result":7}');

    expect((await gw.http.delete(`${CCGATEWAY}/onlineagent/${AGENT}/logout`).set('Guid', guid)).text).toBe('{"message":"success","retcode":"0","result":{}}');
  });

  test('a Sip_Call MakeCall is listed by VoIPSUN, listened to through VoIPSUN spying, and its one CDR is reported alike by GetBill and the Non-Agent API', async () => {
    expect((await sipcall({ service: 'App.Sip_Call.MakeCall', extnumber: '100', destnumber: CUSTOMER, customuuid: 'world-1' })).data.status).toBe(0);
    const channels = await gw.waitFor(async () => {
      const listed = await listcalls();
      return listed.length === 2 && listed.every((channel) => channel.status === 'Up') ? listed : undefined;
    }, 10_000, 'both legs of the MakeCall up in listcalls');
    const extensionLeg = channels.find((channel) => channel.accountCode === 'SIP_5');
    expect(extensionLeg).toMatchObject({ sourceType: 'extension' });
    expect(channels.find((channel) => channel.accountCode !== 'SIP_5')).toMatchObject({ dst: CUSTOMER });

    // The supervisor at extension 101 listens to extension 100's call.
    expect(await voipsun('action=spying&srcExtenId=6&dstExtenId=5')).toBe('{"success":"true"}');
    await gw.waitFor(async () => {
      const legs = await gw.query<{ state: string; stage: string }>(
        "SELECT l.state, c.stage FROM legs l JOIN calls c ON c.id = l.call_id WHERE c.purpose = 'supervision' AND c.state <> 'ended'",
      );
      return legs.length === 2 && legs.every((leg) => leg.state === 'up' && leg.stage === 'supervising');
    }, 10_000, 'the supervisor listening');
    const engineChannels = await gw.engineChannels();
    const spied = engineChannels.find((channel) => channel.name === extensionLeg!.channelName)!;
    expect(engineChannels.some((channel) => channel.name.startsWith(`Snoop/${spied.id}-`))).toBe(true);

    // Sip_Call hangs it up; the call ends with one CDR.
    expect((await sipcall({ service: 'App.Sip_Call.HangupCall', extnumber: '100' })).data.status).toBe(0);
    const [call] = await gw.query<{ id: string }>("SELECT id FROM calls WHERE data->>'customuuid' = 'world-1'");
    const cdrs = await gw.waitFor(async () => {
      const rows = await gw.query<{ started_at: Date; ended_at: Date; billsec: number }>('SELECT started_at, ended_at, billsec FROM cdrs WHERE call_id = $1', [call!.id]);
      return rows.length === 1 ? rows : undefined;
    }, 10_000, 'the CDR of the MakeCall');
    await gw.waitFor(async () => (await listcalls()).length === 0, 10_000, 'no channel left');
    await gw.core.idle();
    expect(await gw.query('SELECT id FROM cdrs WHERE call_id = $1', [call!.id])).toHaveLength(1);

    const window = { starttime: beijing(cdrs[0]!.started_at), endtime: beijing(cdrs[0]!.ended_at) };
    const bills = (await sipcall({ service: 'App.Sip_Cdr.GetBill', ...window, syncflag: '3', direction: '3' })).data.result as Bill[];
    const bill = bills.find((each) => each.uuid === call!.id);
    expect(bill).toMatchObject({ extnumber: '100', destnumber: CUSTOMER, customuuid: 'world-1', billsec: cdrs[0]!.billsec });

    // The Non-Agent API knows the call GetBill names by the same id, with the same talk time.
    expect(await nonAgent(`function=callid_info&call_id=${encodeURIComponent(bill!.uuid)}`)).toBe(`${bill!.uuid}|${bill!.billsec}\n`);
  });
});
