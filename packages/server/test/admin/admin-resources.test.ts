import Ajv2020 from 'ajv/dist/2020';
import { createPgStore, type PgStore } from '@pbx-gateway/store-pg';
import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';
import { ADMIN_API_PREFIX } from '../../src/admin/admin-api';
import { adminKeyCommand } from '../../src/admin/admin-key-cli';
import { hashAdminKey } from '../../src/admin/admin-key';
import { adminRoutes } from '../../src/admin/admin-routes';
import { openApiSchema } from '../../src/admin/openapi-document';

// The admin API's resources on the whole gateway (real Postgres, pbx-sim):
// each answer is checked against the schema the OpenAPI document gives for
// it, keys are scoped, and bad input of every kind is a 400, never a 500.

const KEY = 'test-admin-key-0123456789abcdef';
const READER = 'reader-key-0123456789abcdef-0123';
const PROVISIONER = 'provisioner-key-0123456789abcdef';

const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
const answers = new Map(adminRoutes().map((route) => [route.operationId, ajv.compile(openApiSchema(route.success.schema) as object)]));
const errorShape = ajv.compile({ type: 'object', additionalProperties: false, required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'] } } });

/** The body is what the document says the operation answers. */
function described(operationId: string, body: unknown): void {
  const check = answers.get(operationId);
  if (!check) throw new Error(`no operation ${operationId}`);
  expect(check(body) ? [] : check.errors).toEqual([]);
}

let gateway: TestGateway;
let store: PgStore;
beforeAll(async () => {
  gateway = await startTestGateway({
    adminApiKey: KEY,
    extraProvisioning: {
      adminKeys: [
        { name: 'reader', keySha256: hashAdminKey(READER), scopes: ['read'] },
        { name: 'provisioner', keySha256: hashAdminKey(PROVISIONER), scopes: ['read', 'provision'] },
      ],
    },
  });
  store = createPgStore({ connectionString: gateway.databaseUrl });
}, 60000);
afterAll(async () => {
  await store?.close();
  await gateway?.close();
});

const as = (key: string) => ({
  get: (path: string) => gateway.http.get(`${ADMIN_API_PREFIX}${path}`).set('Authorization', `Bearer ${key}`),
  put: (path: string, body: unknown) =>
    gateway.http.put(`${ADMIN_API_PREFIX}${path}`).set('Authorization', `Bearer ${key}`).set('Content-Type', 'application/json').send(JSON.stringify(body)),
  patch: (path: string, body: unknown) =>
    gateway.http.patch(`${ADMIN_API_PREFIX}${path}`).set('Authorization', `Bearer ${key}`).set('Content-Type', 'application/json').send(JSON.stringify(body)),
  post: (path: string, body: unknown) =>
    gateway.http.post(`${ADMIN_API_PREFIX}${path}`).set('Authorization', `Bearer ${key}`).set('Content-Type', 'application/json').send(JSON.stringify(body)),
});
const admin = as(KEY);

describe('agents, phones, queues', () => {
  test('agents page by id: limit and next; one agent shows no secret, only whether it has one', async () => {
    const first = await admin.get('/agents?limit=2');
    expect(first.status).toBe(200);
    described('listAgents', first.body);
    expect(first.body.page).toEqual({ offset: 0, limit: 2, next: 2 });
    const all = await admin.get('/agents?limit=500');
    expect(all.body.page.next).toBeNull();
    const ids = all.body.items.map((agent: { id: string }) => agent.id);
    expect(ids).toEqual([...ids].sort());
    expect(first.body.items).toEqual(all.body.items.slice(0, 2));
    const second = await admin.get('/agents?offset=2&limit=2');
    expect(second.body.items).toEqual(all.body.items.slice(2, 4));
    const agent = await admin.get('/agents/1000');
    described('getAgent', agent.body);
    expect(agent.body.agent).toMatchObject({ id: '1000', name: 'Demo Agent', device: 'PJSIP/1000', externalId: '876543', hasSecret: true });
    expect(JSON.stringify(agent.body)).not.toContain('secretHash');
    const missing = await admin.get('/agents/4242');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'AGENT_NOT_FOUND']);
  });

  test('PUT creates (201) then replaces (200) an agent as provisioning would; PATCH changes some fields; the agent then logs in', async () => {
    const created = await admin.put('/agents/2001', { name: 'New Agent', secret: 'pw-2001', device: 'PJSIP/2001' });
    expect(created.status).toBe(201);
    described('putAgent', created.body);
    expect(created.body.agent).toEqual({ id: '2001', name: 'New Agent', device: 'PJSIP/2001', active: true, externalId: null, hasSecret: true, attributes: {} });
    const replaced = await admin.put('/agents/2001', { name: 'Renamed' });
    expect([replaced.status, replaced.body.agent.name, replaced.body.agent.hasSecret, replaced.body.agent.device]).toEqual([200, 'Renamed', false, null]);
    const patched = await admin.patch('/agents/2001', { device: 'PJSIP/2001', attributes: { team: 'blue' } });
    expect(patched.status).toBe(200);
    described('updateAgent', patched.body);
    expect(patched.body.agent).toMatchObject({ name: 'Renamed', device: 'PJSIP/2001', attributes: { team: 'blue' } });
    expect((await admin.post('/sessions', { agentId: '2001', initialState: 'paused' })).status).toBe(201);
    expect((await admin.patch('/agents/4242', { name: 'x' })).body.error.code).toBe('AGENT_NOT_FOUND');
  });

  test.each([
    ['an unknown field', { name: 'x', colour: 'red' }, '/ must NOT have additional properties'],
    ['a name of the wrong type', { name: 42 }, '/name must be string'],
  ])('PUT an agent with %s: 400 INVALID_REQUEST naming it', async (_case, body, detail) => {
    const response = await admin.put('/agents/2002', body);
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({ code: 'INVALID_REQUEST', message: 'the request body is not valid', details: expect.arrayContaining([detail]) });
  });

  test('an external id another agent has is refused (422 INVALID_ARGUMENT), by PUT and PATCH alike; disagreeing ones are a bad request', async () => {
    const put = await admin.put('/agents/2004', { name: 'Twin', externalId: '876543' });
    expect([put.status, put.body.error]).toEqual([422, { code: 'INVALID_ARGUMENT', message: 'external id 876543 belongs to agent 1000' }]);
    expect((await admin.get('/agents/2004')).status).toBe(404);
    expect((await admin.put('/agents/2004', { externalId: '111', attributes: { custom_three: '222' } })).status).toBe(400);
    expect((await admin.put('/agents/2004', { attributes: { custom_three: '876543' } })).body.error.code).toBe('INVALID_ARGUMENT');
    expect((await admin.patch('/agents/102', { externalId: '876543' })).body.error.code).toBe('INVALID_ARGUMENT');
    expect((await admin.put('/agents/1000', { name: 'Demo Agent', secret: '1234', device: 'PJSIP/1000', externalId: '876543' })).status).toBe(200);
  });

  test('an agent id provisioning would refuse is refused in the path too', async () => {
    const response = await admin.put('/agents/a.b', { name: 'dotted' });
    expect([response.status, response.body.error.code]).toEqual([400, 'INVALID_REQUEST']);
    expect(response.body.error.details).toEqual(['/id must match pattern "^[A-Za-z0-9_-]{1,32}$"']);
  });

  test('phones: list, one, create', async () => {
    const list = await admin.get('/phones');
    described('listPhones', list.body);
    expect(list.body.items.length).toBeGreaterThan(0);
    const created = await admin.put('/phones/900', { internalNumber: '900', sipUsername: 'sip900' });
    expect(created.status).toBe(201);
    expect(created.body.phone).toEqual({ id: 900, internalNumber: '900', publicNumber: null, sipUsername: 'sip900', dialplan: 'default', endpoint: 'PJSIP/sip900', callerIdNumber: '900', callerIdName: '900', recordCalls: false });
    described('getPhone', (await admin.get('/phones/900')).body);
    expect((await admin.get('/phones/901')).body.error.code).toBe('EXTENSION_NOT_FOUND');
    expect((await admin.get('/phones/abc')).status).toBe(400);
  });

  test('queues: create with a member, read it, live view; an unknown member is refused before anything is written', async () => {
    const created = await admin.put('/queues/ADMINQ', { strategy: 'ringall', members: [{ agentId: '1000', penalty: 2 }] });
    expect(created.status).toBe(201);
    described('putQueue', created.body);
    expect(created.body.queue).toMatchObject({ name: 'ADMINQ', members: [{ agentId: '1000', penalty: 2, membership: 'static', paused: false }] });
    const refused = await admin.put('/queues/OTHERQ', { members: [{ agentId: '4242' }] });
    expect([refused.status, refused.body.error.code]).toEqual([404, 'AGENT_NOT_FOUND']);
    expect((await admin.get('/queues/OTHERQ')).body.error.code).toBe('QUEUE_NOT_FOUND');
    const live = await admin.get('/live/queues/ADMINQ');
    described('getLiveQueue', live.body);
    expect(live.body.queue).toEqual({ name: 'ADMINQ', active: true, waiting: [], agents: [{ agentId: '1000', paused: false, state: expect.stringMatching(/^(ready|paused|in_call|wrap_up)$/), campaign: 'TESTCAMP' }] });
    const all = await admin.get('/live/queues?limit=500');
    described('listLiveQueues', all.body);
    described('listQueues', (await admin.get('/queues')).body);
  });
});

describe('campaigns, lists, leads, API users and their rights', () => {
  test('a campaign, a list of it, a lead of the list; a list of an unknown campaign is refused', async () => {
    const campaign = await admin.put('/campaigns/ADMCAMP', { name: 'Admin campaign', dialMethod: 'MANUAL' });
    expect(campaign.status).toBe(201);
    described('putCampaign', campaign.body);
    const list = await admin.put('/lists/7001', { campaignId: 'ADMCAMP', name: 'Admin list' });
    expect(list.status).toBe(201);
    expect(list.body.list).toEqual({ id: 7001, name: 'Admin list', campaignId: 'ADMCAMP', active: true });
    const orphan = await admin.put('/lists/7002', { campaignId: 'NOCAMP' });
    expect([orphan.status, orphan.body.error.code]).toEqual([404, 'CAMPAIGN_NOT_FOUND']);
    described('listLists', (await admin.get('/lists')).body);
    described('listCampaigns', (await admin.get('/campaigns')).body);
    const lead = await admin.put('/leads/880001', { listId: 7001, phoneNumber: '3125550101', firstName: 'Ada' });
    expect(lead.status).toBe(201);
    described('putLead', lead.body);
    expect(lead.body.lead).toMatchObject({ id: 880001, listId: 7001, phoneNumber: '3125550101', firstName: 'Ada', status: 'NEW' });
    const changed = await admin.put('/leads/880001', { listId: 7001, phoneNumber: '3125550101', lastName: 'Lovelace' });
    expect([changed.status, changed.body.lead.firstName, changed.body.lead.lastName]).toEqual([200, 'Ada', 'Lovelace']);
    const moved = await admin.put('/leads/880001', { listId: 998, phoneNumber: '3125550101' });
    expect([moved.status, moved.body.error.code]).toEqual([422, 'INVALID_ARGUMENT']);
    const ofList = await admin.get('/leads?listId=7001');
    described('listLeads', ofList.body);
    expect(ofList.body.items.map((item: { id: number }) => item.id)).toEqual([880001]);
  });

  test('a lead archived and brought back; an archived lead is read apart and not changed by PUT', async () => {
    expect((await admin.put('/leads/880002', { listId: 7001, phoneNumber: '3125550102', firstName: 'Grace' })).status).toBe(201);
    const archived = await admin.post('/leads/880002/archive', {});
    expect(archived.status).toBe(200);
    described('archiveLead', archived.body);
    expect(archived.body).toMatchObject({ lead: { id: 880002, listId: 7001, firstName: 'Grace' }, callbacksArchived: 0 });
    expect((await admin.get('/leads/880002')).body.error.code).toBe('NOT_FOUND');
    const one = await admin.get('/archived-leads/880002');
    described('getArchivedLead', one.body);
    expect(one.body.lead).toEqual(archived.body.lead);
    const page = await admin.get('/archived-leads?listId=7001');
    described('listArchivedLeads', page.body);
    expect(page.body.items.map((item: { id: number }) => item.id)).toEqual([880002]);
    expect((await admin.get('/archived-leads?phoneNumber=3125550101')).body.items).toEqual([]);
    const changed = await admin.put('/leads/880002', { listId: 7001, phoneNumber: '3125550102', lastName: 'Hopper' });
    expect([changed.status, changed.body.error.code]).toEqual([422, 'INVALID_ARGUMENT']);
    expect((await admin.put('/leads/880002', { listId: 7001, phoneNumber: '3125550102', archived: true })).status).toBe(400);
    expect((await admin.post('/leads/880002/archive', {})).body.error.code).toBe('NOT_FOUND');
    expect((await as(READER).post('/archived-leads/880002/restore', {})).status).toBe(403);
    const restored = await admin.post('/archived-leads/880002/restore', {});
    expect(restored.status).toBe(200);
    described('restoreArchivedLead', restored.body);
    expect(restored.body.lead).toEqual(archived.body.lead);
    expect((await admin.get('/leads/880002')).body.lead).toEqual(archived.body.lead);
    expect((await admin.get('/archived-leads/880002')).body.error.code).toBe('NOT_FOUND');
    expect((await admin.post('/archived-leads/880002/restore', {})).body.error.code).toBe('NOT_FOUND');
    // A lead of that number among the leads as well (copied by hand): nothing is moved.
    expect((await admin.post('/leads/880002/archive', {})).status).toBe(200);
    await gateway.query('INSERT INTO leads SELECT * FROM archived_leads WHERE id = 880002');
    const twin = await admin.post('/archived-leads/880002/restore', {});
    expect([twin.status, twin.body.error.code]).toEqual([409, 'DUPLICATE_LEAD']);
    expect((await admin.get('/archived-leads/880002')).status).toBe(200);
  });

  test('an API user with its permissions, never its secret; a user group', async () => {
    const user = await admin.put('/api-users/voipsun/admincrm', { secret: 's3cret-value', permissions: ['Originate'] });
    expect(user.status).toBe(201);
    described('putApiUser', user.body);
    expect(user.body.apiUser).toMatchObject({ realm: 'voipsun', login: 'admincrm', active: true, permissions: ['Originate'], failedLogins: 0 });
    expect(JSON.stringify(user.body)).not.toContain('s3cret');
    const list = await admin.get('/api-users?limit=500');
    described('listApiUsers', list.body);
    expect(JSON.stringify(list.body)).not.toMatch(/secret/i);
    expect((await admin.get('/api-users/voipsun/nobody')).body.error.code).toBe('NOT_FOUND');
    expect((await admin.get('/api-users/asterisk/admincrm')).status).toBe(400);
    const group = await admin.put('/user-groups/ADMGROUP', { allowedCampaigns: ['ADMCAMP'] });
    expect(group.body.userGroup).toEqual({ id: 'ADMGROUP', name: 'ADMGROUP', allowedCampaigns: ['ADMCAMP'], viewableGroups: null, apiAllowedIps: [] });
    described('listUserGroups', (await admin.get('/user-groups')).body);
  });
});

describe('phone and postal codes', () => {
  test('the demo set is listed; a code is created, replaced and read by its key; a bad code or rule is a 400', async () => {
    const listed = await admin.get('/phone-codes?limit=500');
    described('listPhoneCodes', listed.body);
    expect(listed.body.items.map((code: { areaCode: string }) => code.areaCode)).toEqual(['213', '305', '602', '808', '2']);
    const tampa = { gmtOffset: -5, dst: true, dstRange: 'SSM-FSN', timeZoneCode: 'EST', country: 'USA', description: 'Tampa' };
    const created = await admin.put('/phone-codes/1/727/FL', tampa);
    expect(created.status).toBe(201);
    described('putPhoneCode', created.body);
    expect(created.body.phoneCode).toEqual({ countryCode: '1', areaCode: '727', state: 'FL', ...tampa });
    const replaced = await admin.put('/phone-codes/1/727/FL', { gmtOffset: -6 });
    expect(replaced.status).toBe(200);
    expect(replaced.body.phoneCode).toEqual({ countryCode: '1', areaCode: '727', state: 'FL', gmtOffset: -6, dst: false, dstRange: '', timeZoneCode: '', country: '', description: '' });
    described('getPhoneCode', (await admin.get('/phone-codes/1/727/FL')).body);
    expect((await admin.get('/phone-codes/1/727/GA')).body.error.code).toBe('NOT_FOUND');
    expect((await admin.put('/phone-codes/1/727/FL', { gmtOffset: -5, dst: true })).status).toBe(400);
    expect((await admin.put('/phone-codes/1/727/FL', { gmtOffset: -5, dst: true, dstRange: 'EVERY-DAY' })).status).toBe(400);
    expect((await admin.put('/phone-codes/one/727/FL', { gmtOffset: -5 })).status).toBe(400);
    expect((await as(READER).put('/phone-codes/1/727/FL', { gmtOffset: -5 })).status).toBe(403);

    const postal = await admin.put('/postal-codes/1/33701', { state: 'FL', gmtOffset: -5, dst: true, dstRange: 'SSM-FSN' });
    expect(postal.status).toBe(201);
    described('putPostalCode', postal.body);
    expect(postal.body.postalCode).toEqual({ countryCode: '1', postalCode: '33701', state: 'FL', gmtOffset: -5, dst: true, dstRange: 'SSM-FSN', country: '' });
    const postals = await admin.get('/postal-codes');
    described('listPostalCodes', postals.body);
    expect(postals.body.items.map((code: { postalCode: string }) => code.postalCode)).toEqual(['33101', '33701', '85001', '90001']);
    expect((await admin.put('/postal-codes/1/33701', { gmtOffset: 30 })).status).toBe(400);
  });

  test('call times: the standard ones are there; one is created with a day of its own; hours past 2400 are a 400', async () => {
    const listed = await admin.get('/call-times');
    described('listCallTimes', listed.body);
    expect(listed.body.items.map((callTime: { id: string }) => callTime.id)).toEqual(['12pm-5pm', '12pm-9pm', '24hours', '5pm-9pm', '9am-5pm', '9am-9pm', 'statelaw']);
    const created = await admin.put('/call-times/weekdays', { name: 'Weekdays', defaultHours: { start: 900, stop: 1700 }, days: { saturday: { start: 0, stop: 0 }, sunday: { start: 0, stop: 0 } } });
    expect(created.status).toBe(201);
    described('putCallTime', created.body);
    expect(created.body.callTime).toEqual({ id: 'weekdays', name: 'Weekdays', defaultHours: { start: 900, stop: 1700 }, days: { saturday: { start: 0, stop: 0 }, sunday: { start: 0, stop: 0 } }, stateRules: [] });
    described('getCallTime', (await admin.get('/call-times/24hours')).body);
    expect((await admin.put('/call-times/late', { defaultHours: { start: 900, stop: 2500 } })).status).toBe(400);
    expect((await admin.put('/call-times/late', { defaultHours: { start: 900, stop: 1700 }, days: { someday: { start: 0, stop: 0 } } })).status).toBe(400);
  });

  test('state call times: the demo\'s Florida rule; one is created and named by a call time; a state rule without a state is a 400', async () => {
    const listed = await admin.get('/state-call-times');
    described('listStateCallTimes', listed.body);
    expect(listed.body.items).toEqual([{ id: 'FL-8to8', state: 'FL', name: 'Florida 8am to 8pm', defaultHours: { start: 800, stop: 2000 }, days: {} }]);
    const created = await admin.put('/state-call-times/NY-9to5', { state: 'NY', defaultHours: { start: 900, stop: 1700 } });
    expect(created.status).toBe(201);
    described('putStateCallTime', created.body);
    expect(created.body.stateCallTime).toEqual({ id: 'NY-9to5', state: 'NY', name: '', defaultHours: { start: 900, stop: 1700 }, days: {} });
    described('getStateCallTime', (await admin.get('/state-call-times/NY-9to5')).body);
    const named = await admin.put('/call-times/ny-law', { defaultHours: { start: 800, stop: 2100 }, stateRules: ['NY-9to5'] });
    expect(named.body.callTime).toEqual({ id: 'ny-law', name: '', defaultHours: { start: 800, stop: 2100 }, days: {}, stateRules: ['NY-9to5'] });
    expect((await admin.get('/state-call-times/NOPE')).status).toBe(404);
    expect((await admin.put('/state-call-times/XX-rule', { defaultHours: { start: 900, stop: 1700 } })).status).toBe(400);
  });

  test('NANPA prefixes: the demo\'s ten; one is created; a prefix of other than three digits is a 400', async () => {
    const listed = await admin.get('/nanpa-prefixes');
    described('listNanpaPrefixes', listed.body);
    expect(listed.body.items.map((code: { areaCode: string; prefix: string }) => `${code.areaCode}-${code.prefix}`)).toEqual([
      '213-555', '213-556', '305-555', '305-556', '312-555', '602-555', '602-556', '727-555', '727-556', '808-555',
    ]);
    const created = await admin.put('/nanpa-prefixes/415/555', { gmtOffset: -8, dst: true, type: 'c', city: 'San Francisco', state: 'CA' });
    expect(created.status).toBe(201);
    described('putNanpaPrefix', created.body);
    expect(created.body.nanpaPrefix).toEqual({ areaCode: '415', prefix: '555', gmtOffset: -8, dst: true, type: 'C', city: 'San Francisco', state: 'CA' });
    described('getNanpaPrefix', (await admin.get('/nanpa-prefixes/415/555')).body);
    expect((await admin.get('/nanpa-prefixes/415/557')).status).toBe(404);
    expect((await admin.put('/nanpa-prefixes/415/5555', { gmtOffset: -8 })).status).toBe(400);
  });
});

describe('live calls, CDRs and recordings', () => {
  test('the demo agent\'s phone call is live, its conference recorded; once the agent is logged out with force the call is a CDR, found by its start time', async () => {
    const session = await gateway.waitFor(async () => (await admin.get('/sessions/1000')).body.session ?? false, 15000, 'agent 1000 logged in');
    expect(session.conference).toBe('8600051');
    const calls = await gateway.waitFor(async () => {
      const response = await admin.get('/calls');
      return response.body.items.length > 0 ? response : false;
    }, 15000, 'a live call');
    described('listCalls', calls.body);
    const call = calls.body.items.find((item: { agentId: string | null }) => item.agentId === '1000');
    expect(call).toBeDefined();
    described('getCall', (await admin.get(`/calls/${call.id}`)).body);

    // A recording of the agent's conference, started and stopped through VICIdial, is listed by its time and agent.
    const vicidial = (value: string) => gateway.http.get(`/agc/api.php?source=test&user=6666&pass=1234&agent_user=1000&function=recording&value=${value}`);
    expect((await vicidial('START')).text).toMatch(/^SUCCESS: recording function sent/);
    const since = encodeURIComponent(call.createdAt);
    const started = await gateway.waitFor(async () => (await admin.get(`/recordings?agentId=1000&from=${since}`)).body.items[0] ?? false, 15000, 'the recording listed');
    expect(started).toMatchObject({ agentId: '1000', format: 'wav' });
    expect((await vicidial('STOP')).text).toMatch(/^SUCCESS: recording function sent/);
    const finished = await gateway.waitFor(async () => {
      const response = await admin.get(`/recordings/${encodeURIComponent(started.id)}`);
      return response.body.recording.state === 'finished' ? response : false;
    }, 15000, 'the recording finished');
    described('getRecording', finished.body);
    const listed = await admin.get(`/recordings?agentId=1000&from=${since}`);
    described('listRecordings', listed.body);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([started.id]);
    expect((await admin.get(`/recordings?agentId=1000&to=${since}`)).body.items).toEqual([]);

    expect((await admin.post('/sessions/1000/logout', { whenInCall: 'force' })).status).toBe(200);
    const cdrs = await gateway.waitFor(async () => {
      const response = await admin.get(`/cdrs?from=${encodeURIComponent(call.createdAt)}`);
      return response.body.items.some((cdr: { callId: string }) => cdr.callId === call.id) ? response : false;
    }, 15000, 'the call\'s CDR');
    described('listCdrs', cdrs.body);
    const cdr = cdrs.body.items.find((item: { callId: string }) => item.callId === call.id);
    described('getCdr', (await admin.get(`/cdrs/${cdr.id}`)).body);
    const before = new Date(new Date(call.createdAt).getTime() - 1000).toISOString();
    expect((await admin.get(`/cdrs?to=${encodeURIComponent(before)}`)).body.items.map((item: { callId: string }) => item.callId)).not.toContain(call.id);
    expect((await admin.get(`/calls/${call.id}`)).body.error.code).toBe('NOT_FOUND');
  });

  test('a time window without recordings is an empty page; an unknown recording is NOT_FOUND', async () => {
    const response = await admin.get('/recordings?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z');
    expect(response.status).toBe(200);
    described('listRecordings', response.body);
    expect(response.body).toEqual({ items: [], page: { offset: 0, limit: 50, next: null } });
    expect((await admin.get('/recordings/nothing')).body.error.code).toBe('NOT_FOUND');
  });
});

describe('bad input is a 400 in the one error shape, never a 500', () => {
  test.each([
    ['/agents?limit=0', '/limit must be >= 1'],
    ['/agents?limit=501', '/limit must be <= 500'],
    ['/agents?limit=ten', '/limit must be integer'],
    ['/agents?offset=-1', '/offset must be >= 0'],
    ['/agents?limit=1&limit=2', '/limit must be integer'],
    ['/agents?colour=red', '/ must NOT have additional properties'],
    ['/cdrs?from=yesterday', '/from must match pattern'],
    ['/cdrs?from=2026-13-45T00:00:00Z', '/from must be a date-time'],
    ['/cdrs?direction=sideways', '/direction must be equal to one of the allowed values'],
    ['/cdrs/abc', '/cdrId must be integer'],
    ['/cdrs/0', '/cdrId must be >= 1'],
    ['/lists/99999999999', '/listId must be <= 2147483647'],
    ['/calls/bad%20id', '/callId must match pattern'],
  ])('GET %s', async (path, detail) => {
    const response = await admin.get(path);
    expect(response.status).toBe(400);
    expect(errorShape(response.body)).toBe(true);
    expect(response.body.error.code).toBe('INVALID_REQUEST');
    expect(response.body.error.details.join('\n')).toContain(detail);
  });

  test('every operation of the table, with hostile paths, queries and bodies: 4xx in the error shape, never a 500', async () => {
    const hostilePath = ['%00', '%E0%A4%A', 'x'.repeat(300), '-1', '99999999999999999999', '%2E%2E', 'a%20b'];
    const hostileQuery = ['', '?offset=abc', '?limit=%00', '?from=%00', '?from[]=1', '?agentId=%00', '?callId=%00', '?phoneNumber=%00', '?listId=1e3'];
    const hostileBody = ['[]', 'null', '"text"', '{}', '{"name":"a\\u0000b"}', '{"members":[{"agentId":"1000","penalty":1e12}]}', '{"listId":1,"phoneNumber":"1","rank":1e40}', '{"__proto__":{"x":1}}'];
    const statuses = new Map<number, number>();
    for (const route of adminRoutes()) {
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
      const paths = names.length === 0 ? [route.path] : hostilePath.map((value) => route.path.replace(/\{\w+\}/g, value));
      for (const path of paths) {
        for (const query of route.method === 'get' ? hostileQuery : ['']) {
          for (const body of route.body ? hostileBody : [undefined]) {
            const request = gateway.http[route.method](`${ADMIN_API_PREFIX}${path}${query}`).set('Authorization', `Bearer ${KEY}`);
            const response = body === undefined ? await request : await request.set('Content-Type', 'application/json').send(body);
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            if (response.status >= 500 || (response.status >= 400 && !errorShape(response.body))) {
              throw new Error(`${route.method.toUpperCase()} ${path}${query} ${body ?? ''}: ${response.status} ${response.text}`);
            }
          }
        }
      }
    }
    expect(statuses.get(400)).toBeGreaterThan(100);
  }, 120000);

  test('what the database could not store is refused with its place: a NUL character, a number past 32 bits', async () => {
    const nul = await admin.put('/agents/2005', { name: 'a\u0000b' });
    expect([nul.status, nul.body.error.details]).toEqual([400, ['/name must not contain NUL characters']]);
    const big = await admin.put('/queues/BIGQ', { members: [{ agentId: '1000', penalty: 1e12 }] });
    expect([big.status, big.body.error.details]).toEqual([400, ['/members/0/penalty must be between -2147483648 and 2147483647']]);
    expect((await admin.get('/queues/BIGQ')).status).toBe(404);
  });

  test('a body that is not JSON, or too large', async () => {
    const notJson = await gateway.http.put(`${ADMIN_API_PREFIX}/agents/2003`).set('Authorization', `Bearer ${KEY}`).set('Content-Type', 'application/json').send('{"name":');
    expect([notJson.status, notJson.body.error.code]).toEqual([400, 'INVALID_REQUEST']);
    const large = await admin.put('/agents/2003', { name: 'x'.repeat(70 * 1024) });
    expect([large.status, large.body.error.code]).toEqual([400, 'INVALID_REQUEST']);
  });
});

describe('scoped keys', () => {
  test('a read key reads, and is refused (403 FORBIDDEN) what provisions or controls', async () => {
    const reader = as(READER);
    expect((await reader.get('/agents')).status).toBe(200);
    expect((await reader.get('/openapi.json')).status).toBe(200);
    const put = await reader.put('/agents/2010', { name: 'no' });
    expect([put.status, put.body.error]).toEqual([403, { code: 'FORBIDDEN', message: 'the key has no provision scope' }]);
    const login = await reader.post('/sessions', { agentId: '1000' });
    expect([login.status, login.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await admin.get('/agents/2010')).body.error.code).toBe('AGENT_NOT_FOUND');
  });

  test('a provision key provisions but does not log agents in', async () => {
    const provisioner = as(PROVISIONER);
    expect((await provisioner.put('/agents/2011', { name: 'Provisioned' })).status).toBe(201);
    expect((await provisioner.post('/sessions', { agentId: '2011' })).status).toBe(403);
  });

  test('pbx-gateway admin-key: a created key works at once with its scopes, is stored only as its hash, and stops working when revoked', async () => {
    const out: string[] = [];
    const io = { out: (text: string) => void out.push(text), err: (text: string) => void out.push(text) };
    expect(await adminKeyCommand(['create', 'ops', '--scope', 'read,control'], store.direct.adminKeys, io, new Date())).toBe(0);
    const created = JSON.parse(out.pop()!) as { name: string; scopes: string[]; key: string };
    expect(created).toEqual({ name: 'ops', scopes: ['read', 'control'], key: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const rows = await gateway.query<{ key_sha256: string }>('SELECT key_sha256 FROM admin_keys WHERE name = $1', ['ops']);
    expect(rows).toEqual([{ key_sha256: hashAdminKey(created.key) }]);
    const ops = as(created.key);
    expect((await ops.get('/sessions')).status).toBe(200);
    expect((await ops.put('/agents/2012', { name: 'no' })).status).toBe(403);
    expect(await adminKeyCommand(['create', 'ops', '--scope', 'read'], store.direct.adminKeys, io, new Date())).toBe(1);
    expect(await adminKeyCommand(['create', 'x', '--scope', 'everything'], store.direct.adminKeys, io, new Date())).toBe(2);
    expect(await adminKeyCommand(['list'], store.direct.adminKeys, io, new Date())).toBe(0);
    expect(out.pop()).not.toContain(created.key);
    expect(await adminKeyCommand(['revoke', 'ops'], store.direct.adminKeys, io, new Date())).toBe(0);
    const refused = await ops.get('/sessions');
    expect([refused.status, refused.body.error.code]).toEqual([401, 'UNAUTHORIZED']);
  });
});
