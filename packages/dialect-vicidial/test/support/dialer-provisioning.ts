import type { TestGatewayOptions } from '@pbx-gateway/test-support';
import { EXTRA_PROVISIONING } from './vicidial-test-kit';

/**
 * The test accounts and agents, plus agents in campaigns that test each
 * answer of the lead functions: 1003 in a campaign without a manual-dial
 * list, 1004 in one that uses TESTCAMP's do-not-call numbers, 1005 in an
 * auto-dial campaign; and do-not-call numbers (system: …0000 and …0002,
 * TESTCAMP: …0001 and …0002).
 */
export const DIALER_PROVISIONING: NonNullable<TestGatewayOptions['extraProvisioning']> = {
  ...EXTRA_PROVISIONING,
  agents: [
    ...(EXTRA_PROVISIONING.agents ?? []),
    { id: '1003', name: 'Agent without list', device: 'PJSIP/1003' },
    { id: '1004', name: 'Agent sharing DNC', device: 'PJSIP/1004' },
    { id: '1005', name: 'Agent dialling automatically', device: 'PJSIP/1005' },
  ],
  campaigns: [
    { id: 'NOLIST', manualDialListId: null },
    { id: 'OTHERDNC', manualDialListId: 300, useOtherCampaignDnc: 'TESTCAMP' },
    { id: 'AUTOCAMP', dialMethod: 'RATIO', manualDialListId: 400 },
  ],
  lists: [
    { id: 300, campaignId: 'OTHERDNC' },
    { id: 400, campaignId: 'AUTOCAMP' },
  ],
  dnc: [
    { phoneNumber: '7275550000' },
    { phoneNumber: '7275550001', campaignId: 'TESTCAMP' },
    { phoneNumber: '7275550002' },
    { phoneNumber: '7275550002', campaignId: 'TESTCAMP' },
  ],
  sessions: [
    ...(EXTRA_PROVISIONING.sessions ?? []),
    { agentId: '1003', via: 'vicidial', campaignId: 'NOLIST' },
    { agentId: '1004', via: 'vicidial', campaignId: 'OTHERDNC' },
    { agentId: '1005', via: 'vicidial', conferenceNumber: '8600055', campaignId: 'AUTOCAMP' },
  ],
};
