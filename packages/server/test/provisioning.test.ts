import { createHash } from 'node:crypto';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createPgStore, type PgStore } from '@pbx-gateway/store-pg';
import { createTestDatabase, type TestDatabase } from '@pbx-gateway/test-support';
import {
  applyDirectory,
  checkProvisioningDocument,
  createScryptSecretHasher,
  demoProvisioning,
  ProvisioningError,
  readProvisioningFile,
} from '../src';

const hasher = createScryptSecretHasher({ N: 1024, r: 8, p: 1 });

describe('provisioning documents', () => {
  it('accepts the demo tenant', () => {
    const demo = demoProvisioning({ callbackUrl: 'http://127.0.0.1:8080/demo/callbacks', nodeIp: '127.0.0.1' });
    expect(checkProvisioningDocument(demo)).toBe(demo);
  });

  it.each([
    ['an unknown section', { handsets: [] }, /must NOT have additional properties/],
    ['a phone without its server', { phones: [{ extension: 'cc100', login: 'cc100', pass: 'x', registrationPassword: 'y' }] }, /serverIp/],
    ['an API user of an unknown dialect', { apiUsers: [{ realm: 'asterisk', login: 'a', secret: 'b' }] }, /realm/],
    ['an agent id with a dot (ids route engine events)', { agents: [{ id: '10.00' }] }, /agents\/0\/id/],
    ['an extension without SIP user', { extensions: [{ id: 5, internalNumber: '100' }] }, /sipUsername/],
    ['a trunk template without {number}', { trunks: [{ id: 1, name: 'upc', dialTemplate: 'PJSIP/upc' }] }, /dialTemplate/],
    ['a session through an unknown channel', { sessions: [{ agentId: '1000', via: 'telnet' }] }, /via/],
    ['a campaign id longer than the dialer keeps', { campaigns: [{ id: 'TESTCAMPAIGN' }] }, /campaigns\/0\/id/],
    ['a list without campaign', { lists: [{ id: 101 }] }, /campaignId/],
    ["a list's field hidden in a way the dialer does not know", { lists: [{ id: 101, campaignId: 'TESTCAMP', customFields: [{ label: 'card', showHide: 'LAST_5' }] }] }, /lists\/0\/customFields\/0\/showHide/],
    ['a lead whose name does not fit', { leads: [{ id: 1, listId: 101, phoneNumber: '7275551212', firstName: 'x'.repeat(31) }] }, /leads\/0\/firstName/],
    ['a do-not-call number with letters', { dnc: [{ phoneNumber: '727555CALL' }] }, /dnc\/0\/phoneNumber/],
    ['a status longer than six characters', { statuses: [{ status: 'CALLBACK', name: 'x' }] }, /statuses\/0\/status/],
  ])('refuses %s, saying where', (_why, document, message) => {
    expect(() => checkProvisioningDocument(document)).toThrow(ProvisioningError);
    expect(() => checkProvisioningDocument(document)).toThrow(message);
  });

  it('reads YAML files and reports a broken one by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pbxgw-provisioning-'));
    writeFileSync(join(dir, 'ok.yaml'), 'agents:\n  - id: "2000"\n    secret: "42"\n');
    writeFileSync(join(dir, 'broken.yaml'), 'agents: [\n');
    expect(readProvisioningFile(join(dir, 'ok.yaml'))).toEqual({ agents: [{ id: '2000', secret: '42' }] });
    expect(() => readProvisioningFile(join(dir, 'broken.yaml'))).toThrow(/broken\.yaml is not valid YAML/);
    expect(() => readProvisioningFile(join(dir, 'absent.yaml'))).toThrow(/cannot read .*absent\.yaml/);
  });
});

describe('applying the directory to Postgres', () => {
  let database: TestDatabase;
  let store: PgStore;

  beforeEach(async () => {
    database = await createTestDatabase();
    store = createPgStore({ connectionString: database.url });
    await store.migrate();
  });

  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it('stores settings containers, listed by type; provisioning one again replaces it', async () => {
    await applyDirectory(store, hasher, {
      settingsContainers: [
        { id: 'REMINDERS', type: 'AGENT_CALLBACK_REMINDER', notes: 'Callback reminders', content: 'x' },
        { id: 'ABC', type: 'OTHER', userGroup: 'AGENTS' },
      ],
    });
    await applyDirectory(store, hasher, { settingsContainers: [{ id: 'ABC', type: 'OTHER', notes: 'Changed' }] });
    expect(await store.direct.settingsContainers.listOfType('OTHER')).toEqual([{ id: 'ABC', type: 'OTHER', notes: 'Changed', userGroup: '---ALL---', content: '' }]);
    expect(await store.direct.settingsContainers.listOfType('AGENT_CALLBACK_REMINDER')).toEqual([
      { id: 'REMINDERS', type: 'AGENT_CALLBACK_REMINDER', notes: 'Callback reminders', userGroup: '---ALL---', content: 'x' },
    ]);
    expect(await store.direct.settingsContainers.listOfType('NONE')).toEqual([]);
  });

  it('stores voicemail boxes, by id', async () => {
    await applyDirectory(store, hasher, { voicemailBoxes: [{ id: '8501', fullName: 'Sales box', email: 'sales@example.com' }, { id: '8500', active: false, userGroup: 'AGENTS' }] });
    expect(await store.direct.voicemailBoxes.list()).toEqual([
      { id: '8500', fullName: '', email: '', active: false, userGroup: 'AGENTS' },
      { id: '8501', fullName: 'Sales box', email: 'sales@example.com', active: true, userGroup: '---ALL---' },
    ]);
  });

  it('stores phones with their passwords hashed (the registration one as the engine\'s digest), and their aliases', async () => {
    await applyDirectory(store, hasher, {
      phones: [{ extension: 'cc100', serverIp: '10.10.10.15', login: 'cc100', pass: 'loginpw', registrationPassword: 'regpw', fullName: 'Desk' }],
      phoneAliases: [{ id: 'desks', name: 'All desks', logins: ['cc100'] }],
    });
    const phone = (await store.direct.phones.get('cc100', '10.10.10.15'))!;
    expect(phone).toMatchObject({ extension: 'cc100', dialplanNumber: 'cc100', voicemailId: 'cc100', login: 'cc100', protocol: 'SIP', fullName: 'Desk', context: 'default', active: true, userGroup: '---ALL---' });
    // HTTP digest HA1 of cc100:asterisk:regpw, what the engine's auth checks.
    expect(phone.registrationCredential).toBe(createHash('md5').update('cc100:asterisk:regpw').digest('hex'));
    expect(await hasher.verify('loginpw', phone.passHash)).toBe(true);
    expect(await store.direct.phoneAliases.get('desks')).toEqual({ id: 'desks', name: 'All desks', logins: ['cc100'] });
  });

  it('stores phone and postal codes; one without daylight saving keeps no rule, one with it must name its rule', async () => {
    await applyDirectory(store, hasher, {
      phoneCodes: [
        { countryCode: '1', areaCode: '727', state: 'FL', gmtOffset: -5, dst: true, dstRange: 'SSM-FSN', timeZoneCode: 'EST', country: 'USA', description: 'Tampa' },
        { countryCode: '91', areaCode: '11', state: 'DL', gmtOffset: 5.5, dstRange: 'SSM-FSN' },
      ],
      postalCodes: [{ countryCode: '1', postalCode: '33701', state: 'FL', gmtOffset: -5, dst: true, dstRange: 'SSM-FSN' }],
    });
    expect(await store.direct.timeZones.getPhoneCode('1', '727', 'FL')).toEqual({ countryCode: '1', areaCode: '727', state: 'FL', gmtOffset: -5, dst: true, dstRange: 'SSM-FSN', timeZoneCode: 'EST', country: 'USA', description: 'Tampa' });
    expect(await store.direct.timeZones.getPhoneCode('91', '11', 'DL')).toEqual({ countryCode: '91', areaCode: '11', state: 'DL', gmtOffset: 5.5, dst: false, dstRange: '', timeZoneCode: '', country: '', description: '' });
    expect(await store.direct.timeZones.findPostalCode('1', '337')).toEqual({ countryCode: '1', postalCode: '33701', state: 'FL', gmtOffset: -5, dst: true, dstRange: 'SSM-FSN', country: '' });
    await expect(applyDirectory(store, hasher, { phoneCodes: [{ countryCode: '1', areaCode: '212', state: 'NY', gmtOffset: -5, dst: true }] })).rejects.toThrow('names its rule');
    expect(() => checkProvisioningDocument({ phoneCodes: [{ countryCode: '1', areaCode: '212', state: 'NY', gmtOffset: -5, dst: true, dstRange: 'XYZ-ABC' }] })).toThrow(/dstRange/);
    expect(() => checkProvisioningDocument({ postalCodes: [{ countryCode: '1', postalCode: '10001', gmtOffset: -5.1 }] })).toThrow(/gmtOffset/);
  });

  it('stores call menus, by id; provisioning one again replaces it', async () => {
    await applyDirectory(store, hasher, { callMenus: [{ id: 'SUPPORT_IVR', name: 'Support', prompt: 'support-menu', userGroup: 'AGENTS' }, { id: 'MAIN_IVR' }] });
    await applyDirectory(store, hasher, { callMenus: [{ id: 'MAIN_IVR', name: 'Main menu' }] });
    expect(await store.direct.callMenus.list()).toEqual([
      { id: 'MAIN_IVR', name: 'Main menu', prompt: '', userGroup: '---ALL---' },
      { id: 'SUPPORT_IVR', name: 'Support', prompt: 'support-menu', userGroup: 'AGENTS' },
    ]);
  });

  it('stores every entity of the demo tenant, secrets only as hashes', async () => {
    const demo = demoProvisioning({ callbackUrl: 'http://127.0.0.1:8080/demo/callbacks', nodeIp: '127.0.0.1' });
    const applied = await applyDirectory(store, hasher, demo);
    expect(applied).toEqual({ apiUsers: 3, userGroups: 2, agents: 3, extensions: 3, extensionGroups: 1, trunks: 1, queues: 5, didRoutes: 1, adminKeys: 0, campaigns: 1, lists: 1, leads: 3, statuses: 36, dnc: 0, groupAliases: 1, settingsContainers: 0, callMenus: 0, voicemailBoxes: 0, phones: 0, phoneAliases: 0, phoneCodes: 5, postalCodes: 3, callTimes: 1, stateCallTimes: 1, nanpaPrefixes: 10 });
    expect(await store.direct.dids.get('2125550100')).toMatchObject({ pattern: '2125550100', route: 'IN_GROUP', queueName: 'TEST_IN', active: true });

    const vicidial = await store.direct.apiUsers.findByLogin('vicidial', '6666');
    expect(vicidial).toMatchObject({ active: true, permissions: ['*'], attributes: { user_level: '9', api_allowed_functions: ' ALL_FUNCTIONS ' } });
    expect(vicidial!.secretHash).not.toContain('1234');
    expect(await hasher.verify('1234', vicidial!.secretHash)).toBe(true);

    const agent = await store.direct.agents.get('101');
    expect(agent).toMatchObject({ device: 'PJSIP/101', active: true });
    expect(await hasher.verify('', agent!.secretHash!)).toBe(true);

    expect(await store.direct.extensions.findByPublicNumber('299299000')).toMatchObject([
      { id: 5, internalNumber: '100', sipUsername: 'sip100', endpoint: 'PJSIP/sip100', dialplan: 'default', callerIdNumber: '299299000' },
    ]);
    expect(await store.direct.extensionGroups.get('extGroup-1')).toEqual({ name: 'extGroup-1', tenant: '2028', extensionIds: [5, 6], ringTimeoutSec: 30 });
    expect(await store.direct.trunks.preferred()).toMatchObject({ id: 1, name: 'upc', dialTemplate: 'PJSIP/{number}@upc' });
    expect(await store.direct.groupAliases.get('TESTALIAS')).toEqual({ id: 'TESTALIAS', callerIdNumber: '7275550000', callerIdName: 'Test Alias', active: true });
    expect(await store.direct.agents.get('1000')).toMatchObject({ attributes: { agentcall_manual: '1' } });
    expect((await store.direct.queues.get('FrontaIT'))?.members).toEqual([
      { agentId: '1000', penalty: 1, paused: false, membership: 'static', weight: 0, grade: 1, dailyLimit: null, callsToday: 0, callsTodayOn: null },
    ]);
    expect(await store.direct.queues.get('TEST_IN')).toMatchObject({ strategy: 'longest_wait_time', active: true, mohClass: 'default', maxWaitSec: null });
    expect(await store.direct.userGroups.get('ADMIN')).toEqual({ id: 'ADMIN', name: 'Administrators', allowedCampaigns: null, viewableGroups: null, apiAllowedIps: [] });
    expect(await store.direct.userGroups.get('AGENTS')).toEqual({ id: 'AGENTS', name: 'Agents', allowedCampaigns: ['TESTCAMP'], viewableGroups: ['AGENTS'], apiAllowedIps: [] });
  });

  it('is idempotent: applying the same document again changes nothing but the hashes', async () => {
    const document = checkProvisioningDocument({
      apiUsers: [{ realm: 'voipsun', login: 'crm', secret: 'first' }],
      agents: [{ id: '2000', secret: '11' }],
      queues: [{ name: 'Sales', members: [{ agentId: '2000', penalty: 2 }] }],
    });
    await applyDirectory(store, hasher, document);
    const first = await store.direct.apiUsers.findByLogin('voipsun', 'crm');
    await applyDirectory(store, hasher, document);
    const second = await store.direct.apiUsers.findByLogin('voipsun', 'crm');
    expect(second!.id).toBe(first!.id);
    expect((await store.direct.queues.get('Sales'))?.members).toHaveLength(1);
    expect(await countRows(database.url, 'api_users')).toBe(1);
  });

  it('provisions in-groups with their settings and members\' facts, and routes DIDs to them', async () => {
    const document = checkProvisioningDocument({
      agents: [{ id: '2100' }],
      queues: [{ name: 'INB', strategy: 'inbound_group_grade', active: false, mohClass: 'jazz', maxWaitSec: 120, members: [{ agentId: '2100', weight: 3, grade: 7, dailyLimit: 50 }] }],
      didRoutes: [{ did: '+12125550111', queue: 'INB' }],
    });
    await applyDirectory(store, hasher, document);
    expect(await store.direct.queues.get('INB')).toEqual({
      name: 'INB',
      strategy: 'inbound_group_grade',
      active: false,
      mohClass: 'jazz',
      maxWaitSec: 120,
      members: [{ agentId: '2100', penalty: 0, paused: false, membership: 'static', weight: 3, grade: 7, dailyLimit: 50, callsToday: 0, callsTodayOn: null }],
    });
    expect(await store.direct.dids.get('+12125550111')).toMatchObject({ pattern: '+12125550111', route: 'IN_GROUP', queueName: 'INB' });
  });

  it('refuses a DID routed to a queue that does not exist, and a DID that is no number', async () => {
    const unknown = checkProvisioningDocument({ agents: [{ id: '2200' }], didRoutes: [{ did: '5550199', queue: 'NOPE' }] });
    await expect(applyDirectory(store, hasher, unknown)).rejects.toThrow('did 5550199 routes to unknown queue NOPE');
    expect(await store.direct.agents.get('2200')).toBeNull();
    expect(() => checkProvisioningDocument({ didRoutes: [{ did: 'abc', queue: 'INB' }] })).toThrow('/didRoutes/0/did must match pattern');
  });

  it('routes a DID to an agent, with its agent queue and its fallback while the agent is not signed in', async () => {
    const document = checkProvisioningDocument({
      agents: [{ id: '2300' }],
      queues: [{ name: 'INB2', strategy: 'longest_wait_time' }, { name: 'DIRECT2', strategy: 'longest_wait_time' }],
      didRoutes: [
        { did: '5550301', agent: '2300', agentQueue: 'DIRECT2', whenAgentUnavailable: 'IN_GROUP', queue: 'INB2' },
        { did: '5550302', agent: '2300' },
      ],
    });
    await applyDirectory(store, hasher, document);
    expect(await store.direct.dids.get('5550301')).toMatchObject({ route: 'AGENT', agentUser: '2300', agentRouteQueue: 'DIRECT2', agentUnavailableAction: 'IN_GROUP', queueName: 'INB2' });
    expect(await store.direct.dids.get('5550302')).toMatchObject({ route: 'AGENT', agentUser: '2300', agentRouteQueue: 'AGENTDIRECT', agentUnavailableAction: 'VOICEMAIL', queueName: null });
  });

  it('refuses a DID routed to an agent that does not exist, to no queue and no agent, or with an unknown fallback', async () => {
    await expect(applyDirectory(store, hasher, checkProvisioningDocument({ didRoutes: [{ did: '5550303', agent: 'nobody' }] }))).rejects.toThrow('did 5550303 routes to unknown agent nobody');
    await expect(applyDirectory(store, hasher, checkProvisioningDocument({ didRoutes: [{ did: '5550304' }] }))).rejects.toThrow('did 5550304 routes to no queue and no agent');
    expect(() => checkProvisioningDocument({ didRoutes: [{ did: '5550305', agent: '2300', whenAgentUnavailable: 'CALLMENU' }] })).toThrow('/didRoutes/0/whenAgentUnavailable must be equal to one of the allowed values');
  });

  it("gives the demo agent's campaign its manual-dial list, leads and the standard statuses", async () => {
    await applyDirectory(store, hasher, demoProvisioning({ callbackUrl: 'http://127.0.0.1:8080/demo/callbacks', nodeIp: '127.0.0.1' }));
    expect(await store.direct.campaigns.get('TESTCAMP')).toMatchObject({ dialMethod: 'MANUAL', manualDialListId: 101, apiManualDial: 'STANDARD' });
    expect(await store.direct.leadLists.get(101)).toEqual({ id: 101, name: 'Test campaign list', campaignId: 'TESTCAMP', active: true, settings: {} });
    expect(await store.direct.leads.get(1)).toMatchObject({ listId: 101, status: 'NEW', phoneNumber: '7275551212', firstName: 'Bob' });
    expect(await store.direct.leadStatuses.find('CALLBK', 'TESTCAMP')).toMatchObject({ campaignId: null, scheduledCallback: true, selectable: true });
    expect(await store.direct.leadStatuses.find('SALE', null)).toMatchObject({ sale: true, scheduledCallback: false });
  });

  it('leaves stored leads as they are when applied again; lists and statuses take the document, numbers are only added', async () => {
    const document = checkProvisioningDocument({
      campaigns: [{ id: 'CAMP1', manualDialListId: 500, useOtherCampaignDnc: 'CAMP2' }],
      lists: [{ id: 500, campaignId: 'CAMP1' }],
      leads: [{ id: 40, listId: 500, phoneNumber: '7275550040', comments: `it's "quoted"` }],
      statuses: [{ status: 'HOT', campaignId: 'CAMP1', name: 'Hot lead', scheduledCallback: true }],
      dnc: [{ phoneNumber: '7275559999' }, { phoneNumber: '7275558888', campaignId: 'CAMP2' }],
    });
    await applyDirectory(store, hasher, document);
    const lead = (await store.direct.leads.get(40))!;
    await store.direct.leads.update({ ...lead, status: 'SALE' });
    await applyDirectory(store, hasher, document);
    expect(await store.direct.leads.get(40)).toMatchObject({ status: 'SALE', comments: `it's "quoted"` });
    expect((await store.direct.leads.insert({ ...lead, phoneNumber: '7275550041' })).id).toBe(41);
    expect(await store.direct.campaigns.get('CAMP1')).toMatchObject({ manualDialListId: 500, useOtherCampaignDnc: 'CAMP2', dialMethod: 'MANUAL' });
    expect(await store.direct.leadStatuses.find('HOT', 'CAMP1')).toMatchObject({ scheduledCallback: true, selectable: true });
    expect(await store.direct.dnc.contains({ kind: 'system' }, '7275559999')).toBe(true);
    expect(await store.direct.dnc.contains({ kind: 'campaign', campaignId: 'CAMP2' }, '7275558888')).toBe(true);
    expect(await countRows(database.url, 'do_not_call')).toBe(2);
    expect(await countRows(database.url, 'lead_statuses')).toBe(1);
  });

  it('keeps an archived lead in the lead archive; applied again, a lead stays where it was moved since, and new leads number after archived ones', async () => {
    const document = checkProvisioningDocument({
      campaigns: [{ id: 'ARCH1' }],
      lists: [{ id: 600, campaignId: 'ARCH1' }],
      leads: [
        { id: 60, listId: 600, phoneNumber: '7275550060', firstName: 'Kept', archived: true },
        { id: 61, listId: 600, phoneNumber: '7275550061', archived: false },
        { id: 62, listId: 600, phoneNumber: '7275550062' },
      ],
    });
    await applyDirectory(store, hasher, document);
    expect(await store.direct.leads.get(60)).toBeNull();
    expect(await store.direct.leadArchive.get(60)).toMatchObject({ id: 60, listId: 600, entryListId: 600, status: 'NEW', firstName: 'Kept' });
    expect(await store.direct.leads.get(61)).toMatchObject({ id: 61 });
    expect(await store.direct.leadArchive.get(61)).toBeNull();
    // Lead 60 brought back and 62 archived since: provisioning again moves neither.
    await store.transaction(async (tx) => {
      await tx.leads.put((await tx.leadArchive.get(60))!);
      await tx.leadArchive.delete(60);
      await tx.leadArchive.put((await tx.leads.get(62))!);
      await tx.leads.delete(62);
    });
    await applyDirectory(store, hasher, document);
    expect([await store.direct.leads.get(60), await store.direct.leadArchive.get(60)].map((lead) => lead?.id ?? null)).toEqual([60, null]);
    expect([await store.direct.leads.get(62), await store.direct.leadArchive.get(62)].map((lead) => lead?.id ?? null)).toEqual([null, 62]);
    expect((await store.direct.leads.insert({ ...(await store.direct.leads.get(61))!, phoneNumber: '7275550064' })).id).toBeGreaterThan(62);
    expect(() => checkProvisioningDocument({ leads: [{ id: 63, listId: 600, phoneNumber: '7275550063', archived: 'yes' }] })).toThrow('/leads/0/archived must be boolean');
  });

  it("stores an agent's external id, reading VICIdial's custom_three attribute as one", async () => {
    await applyDirectory(
      store,
      hasher,
      checkProvisioningDocument({
        agents: [
          { id: '4000', externalId: 'crm-4000' },
          { id: '4001', attributes: { custom_three: '876543', team: 'north' } },
          { id: '4002', externalId: 'crm-4002', attributes: { custom_three: 'crm-4002' } },
          { id: '4003' },
        ],
      }),
    );
    expect(await store.direct.agents.get('4000')).toMatchObject({ externalId: 'crm-4000', attributes: {} });
    expect(await store.direct.agents.get('4001')).toMatchObject({ externalId: '876543', attributes: { team: 'north' } });
    expect(await store.direct.agents.get('4002')).toMatchObject({ externalId: 'crm-4002', attributes: {} });
    expect(await store.direct.agents.get('4003')).toMatchObject({ externalId: null });
    expect((await store.direct.agents.findByExternalId('876543'))?.id).toBe('4001');
  });

  it.each([
    ['two agents with one external id', [{ id: '5000', externalId: 'x1' }, { id: '5001', attributes: { custom_three: 'x1' } }], /agents 5000 and 5001 have the same external id x1/],
    ['an external id and a custom_three that disagree', [{ id: '5000', externalId: 'x1', attributes: { custom_three: 'x2' } }], /agent 5000: externalId x1 and attributes.custom_three x2 disagree/],
  ])('refuses %s, writing nothing', async (_why, agents, message) => {
    await expect(applyDirectory(store, hasher, checkProvisioningDocument({ agents }))).rejects.toThrow(message);
    expect(await store.direct.agents.get('5000')).toBeNull();
  });

  it('applies a document whole or not at all', async () => {
    const broken = checkProvisioningDocument({
      agents: [{ id: '3000' }],
      // A member that is no agent breaks the queue's foreign key after the agent was written.
      queues: [{ name: 'Broken', members: [{ agentId: 'nobody' }] }],
    });
    await expect(applyDirectory(store, hasher, broken)).rejects.toThrow();
    expect(await store.direct.agents.get('3000')).toBeNull();
    expect(await store.direct.queues.get('Broken')).toBeNull();
  });
});

async function countRows(url: string, table: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(`select count(*)::int as n from ${table}`);
    return (result.rows[0] as { n: number }).n;
  } finally {
    await client.end();
  }
}
