import type { ProvisioningDocument } from './provisioning-document';
import { STANDARD_LEAD_STATUSES } from './standard-lead-statuses';

/**
 * The demo tenant: the accounts, agents and lines the vendor documents'
 * example URLs name (agent 1000 in campaign TESTCAMP, with its manual-dial
 * list, a few leads and the standard lead statuses), so that they work as written against `npm start`.
 * `callbackUrl` receives the Sip_Call callbacks (the demo inbox by default).
 */
export function demoProvisioning(options: { callbackUrl: string; nodeIp: string }): ProvisioningDocument {
  return {
    apiUsers: [
      {
        realm: 'vicidial',
        login: '6666',
        secret: '1234',
        permissions: ['*'],
        attributes: {
          full_name: 'API User',
          user_level: '9',
          user_group: 'ADMIN',
          api_allowed_functions: ' ALL_FUNCTIONS ',
          vdc_agent_api_access: '1',
          change_agent_campaign: '1',
          modify_campaigns: '1',
          modify_leads: '1',
          modify_users: '1',
          delete_users: '1',
          modify_same_user_level: '1',
          modify_lists: '1',
          delete_from_dnc: '1',
          view_reports: '1',
          api_list_restrict: '0',
          ast_admin_access: '1',
        },
      },
      { realm: 'voipsun', login: 'voipsun', secret: 'secretpwd', permissions: ['*'] },
      {
        realm: 'sipcall',
        login: 'demoappid',
        secret: 'demoaccesskey',
        permissions: ['*'],
        attributes: {
          companycode: '2028',
          companyname: 'test',
          statusCallbackUrl: options.callbackUrl,
          cdrCallbackUrl: options.callbackUrl,
          nodeIp: options.nodeIp,
        },
      },
    ],
    // The seed's add_user example puts its new user in AGENTS.
    userGroups: [
      { id: 'ADMIN', name: 'Administrators' },
      { id: 'AGENTS', name: 'Agents', allowedCampaigns: ['TESTCAMP'], viewableGroups: ['AGENTS'] },
    ],
    agents: [
      { id: '1000', name: 'Demo Agent', secret: '1234', device: 'PJSIP/1000', externalId: '876543', attributes: { agentcall_manual: '1' } },
      { id: '101', name: 'Agent 101', secret: '', device: 'PJSIP/101' },
      { id: '102', name: 'Agent 102', secret: 'Agent@102', device: 'PJSIP/102' },
    ],
    extensions: [
      { id: 5, internalNumber: '100', publicNumber: '299299000', sipUsername: 'sip100', dialplan: 'default' },
      { id: 6, internalNumber: '101', publicNumber: '299299001', sipUsername: 'sip101', dialplan: 'default' },
      { id: 7, internalNumber: '102', publicNumber: '299299555', sipUsername: 'sip102', dialplan: 'default' },
    ],
    extensionGroups: [{ name: 'extGroup-1', tenant: '2028', extensions: [5, 6], ringTimeoutSec: 30 }],
    trunks: [{ id: 1, name: 'upc', dialTemplate: 'PJSIP/{number}@upc', callerIdPool: ['2120280001', '2120280002'] }],
    queues: [
      { name: 'FrontaIT', strategy: 'rrordered', members: [{ agentId: '1000', penalty: 1 }] },
      // VICIdial in-groups of the seed document's examples (FAKE_IN is the one that does not exist).
      { name: 'TEST_IN', strategy: 'longest_wait_time', mohClass: 'default' },
      { name: 'TEST_IN2', strategy: 'longest_wait_time' },
      { name: 'SALESLINE', strategy: 'inbound_group_rank' },
      // Every VICIdial system has it: transfers to one agent go through it.
      { name: 'AGENTDIRECT', strategy: 'longest_wait_time' },
    ],
    didRoutes: [{ did: '2125550100', queue: 'TEST_IN' }],
    // List 101 takes the leads agents add, as in the seed's external_add_lead answer; its agents may take in-group calls.
    campaigns: [{ id: 'TESTCAMP', name: 'Test campaign', dialMethod: 'MANUAL', allowInbound: true, manualDialListId: 101, apiManualDial: 'STANDARD', dialPrefix: '' }],
    lists: [{ id: 101, name: 'Test campaign list', campaignId: 'TESTCAMP' }],
    leads: [
      { id: 1, listId: 101, phoneNumber: '7275551212', firstName: 'Bob', lastName: 'Smith', city: 'Tampa', state: 'FL', vendorLeadCode: 'DEMO-1' },
      { id: 2, listId: 101, phoneNumber: '7275551213', firstName: 'Alice', lastName: 'Jones', city: 'Orlando', state: 'FL', vendorLeadCode: 'DEMO-2' },
      { id: 3, listId: 101, phoneNumber: '7275551214', firstName: 'Carol', lastName: 'White', city: 'Miami', state: 'FL', vendorLeadCode: 'DEMO-3' },
    ],
    statuses: [...STANDARD_LEAD_STATUSES],
    groupAliases: [{ id: 'TESTALIAS', callerIdNumber: '7275550000', callerIdName: 'Test Alias' }],
    // A few time zones to try check_phone_number and new leads' offsets with (the full tables are the operator's to load).
    phoneCodes: [
      { countryCode: '1', areaCode: '213', state: 'CA', gmtOffset: -8, dst: true, dstRange: 'SSM-FSN', timeZoneCode: 'PST', country: 'USA', description: 'Los Angeles' },
      { countryCode: '1', areaCode: '305', state: 'FL', gmtOffset: -5, dst: true, dstRange: 'SSM-FSN', timeZoneCode: 'EST', country: 'USA', description: 'Miami' },
      { countryCode: '1', areaCode: '602', state: 'AZ', gmtOffset: -7, dst: false, timeZoneCode: 'MST', country: 'USA', description: 'Phoenix' },
      { countryCode: '1', areaCode: '808', state: 'HI', gmtOffset: -10, dst: false, timeZoneCode: 'HST', country: 'USA', description: 'Hawaii' },
      { countryCode: '61', areaCode: '2', state: 'NSW', gmtOffset: 10, dst: true, dstRange: 'FSO-FSA', timeZoneCode: 'AEST', country: 'AUS', description: 'New South Wales' },
    ],
    postalCodes: [
      { countryCode: '1', postalCode: '33101', state: 'FL', gmtOffset: -5, dst: true, dstRange: 'SSM-FSN', country: 'USA' },
      { countryCode: '1', postalCode: '85001', state: 'AZ', gmtOffset: -7, dst: false, country: 'USA' },
      { countryCode: '1', postalCode: '90001', state: 'CA', gmtOffset: -8, dst: true, dstRange: 'SSM-FSN', country: 'USA' },
    ],
    // Made-up exchanges (555 and 556 of the demo area codes, and Chicago's 312, which no phone code above holds),
    // ten or more so that the dialer counts the NANPA prefix data as loaded.
    nanpaPrefixes: [
      { areaCode: '213', prefix: '555', gmtOffset: -8, dst: true, type: 'S', city: 'Los Angeles', state: 'CA' },
      { areaCode: '213', prefix: '556', gmtOffset: -8, dst: true, type: 'C', city: 'Los Angeles', state: 'CA' },
      { areaCode: '305', prefix: '555', gmtOffset: -5, dst: true, type: 'S', city: 'Miami', state: 'FL' },
      { areaCode: '305', prefix: '556', gmtOffset: -5, dst: true, type: 'C', city: 'Miami', state: 'FL' },
      { areaCode: '312', prefix: '555', gmtOffset: -6, dst: true, type: 'S', city: 'Chicago', state: 'IL' },
      { areaCode: '602', prefix: '555', gmtOffset: -7, dst: false, type: 'S', city: 'Phoenix', state: 'AZ' },
      { areaCode: '602', prefix: '556', gmtOffset: -7, dst: false, type: 'C', city: 'Phoenix', state: 'AZ' },
      { areaCode: '727', prefix: '555', gmtOffset: -5, dst: true, type: 'S', city: 'Tampa', state: 'FL' },
      { areaCode: '727', prefix: '556', gmtOffset: -5, dst: true, type: 'C', city: 'Tampa', state: 'FL' },
      { areaCode: '808', prefix: '555', gmtOffset: -10, dst: false, type: 'S', city: 'Honolulu', state: 'HI' },
    ],
    // A state's own hours: numbers of Florida kept to 8:00–20:00 by the call time that names the rule.
    stateCallTimes: [{ id: 'FL-8to8', state: 'FL', name: 'Florida 8am to 8pm', defaultHours: { start: 800, stop: 2000 } }],
    callTimes: [{ id: 'statelaw', name: '9am to 9pm, Florida 8 to 8', defaultHours: { start: 900, stop: 2100 }, stateRules: ['FL-8to8'] }],
    sessions: [{ agentId: '1000', via: 'vicidial', conferenceNumber: '8600051', connectPhone: true, campaignId: 'TESTCAMP', queues: ['TEST_IN'] }],
  };
}

/** Settings that go with the demo tenant: where its audio comes from and how sessions look. */
export const demoCoreSettings = {
  serverIp: '10.10.10.15',
  media: {
    pathMappings: [{ prefix: 'Y:/', media: 'sound:recordings/' }],
    urlHosts: ['wwww.baidu.com', 'www.baidu.com', '127.0.0.1', 'localhost'],
  },
};

/** Phones and media the in-process simulator offers for the demo tenant. */
export const demoSimulatorPhones = ['1000', '101', '102', '40038', 'sip100', 'sip101', 'sip102'];

/** The trunk endpoints it has, as docker/asterisk/pjsip.conf has them (listed online, like a trunk Asterisk reaches). */
export const demoSimulatorTrunks = ['upc'];

export const demoSimulatorMedia: Record<string, number> = {
  'ss-noservice': 6000,
  'demo-congrats': 4000,
  'hello-world': 2000,
  'recordings/1/0/20180621/105/1406470': 8000,
};
