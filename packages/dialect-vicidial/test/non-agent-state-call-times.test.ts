import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// The hopper's local call time check with a state call time: campaign
// FLCAMP dials in `flnoon`, all day except for numbers of Florida, kept to
// noon–17:00. The clock runs from Wednesday 2026-07-15 14:00 UTC: 10:00 in
// Tampa (EDT, -4).

const STARTS_AT = Date.parse('2026-07-15T14:00:00Z');
const startedAt = Date.now();
const clock = { now: () => new Date(STARTS_AT + Date.now() - startedAt) };
const TAMPA = { countryCode: '1', areaCode: '727', state: 'FL', gmtOffset: -5, dst: true, dstRange: 'SSM-FSN', timeZoneCode: 'EST', country: 'USA' };
const gateway = sharedGateway({
  overrides: {
    clock,
    extraProvisioning: {
      ...NON_AGENT_PROVISIONING,
      phoneCodes: [TAMPA],
      stateCallTimes: [{ id: 'FL-noon', state: 'FL', defaultHours: { start: 1200, stop: 1700 } }],
      callTimes: [{ id: 'flnoon', defaultHours: { start: 0, stop: 2400 }, stateRules: ['FL-noon'] }],
      campaigns: [...(NON_AGENT_PROVISIONING.campaigns ?? []), { id: 'FLCAMP', settings: { local_call_time: 'flnoon' } }],
      lists: [...(NON_AGENT_PROVISIONING.lists ?? []), { id: 401, campaignId: 'FLCAMP' }],
    },
  },
});

const addLead = (query: string) => nonAgentGet(gateway(), `source=test&user=6666&pass=1234&function=add_lead&list_id=401&add_to_hopper=Y&hopper_local_call_time_check=Y&${query}`);
const leadIdOf = (text: string): string => /LEAD HAS BEEN ADDED - \d+\|401\|(\d+)\|/.exec(text)?.[1] ?? '';

test('a lead of Florida: outside its state\'s hours, not queued', async () => {
  const response = await addLead('phone_number=7275558101&state=FL');
  const leadId = leadIdOf(response.text);
  expectVicidialAnswer(response, `SUCCESS: add_lead LEAD HAS BEEN ADDED - 7275558101|401|${leadId}|-4|6666\nNOTICE: add_lead NOT ADDED TO HOPPER, OUTSIDE OF LOCAL TIME - 7275558101|${leadId}|-4.00|0|6666\n`);
  expect(await gateway().core.hopperEntryOfLead(Number(leadId))).toBeNull();
});

test.each([['GA'], ['']])('a lead of another state (%s) or none: the call time\'s own hours, queued', async (state) => {
  const response = await addLead(`phone_number=7275558102&state=${state}`);
  const leadId = leadIdOf(response.text);
  const entry = await gateway().core.hopperEntryOfLead(Number(leadId));
  expectVicidialAnswer(response, `SUCCESS: add_lead LEAD HAS BEEN ADDED - 7275558102|401|${leadId}|-4|6666\nNOTICE: add_lead ADDED TO HOPPER - 7275558102|${leadId}|${entry?.id}|6666\n`);
});
