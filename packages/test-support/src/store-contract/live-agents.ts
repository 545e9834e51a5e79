/// <reference types="jest" />
import type { CallOf } from '@pbx-gateway/core';
import { agent } from '../test-core/fixtures';
import { freshStore, type MakeStore } from './contract-store';
import { call, campaign, newLead, session } from './rows';

export function liveAgentContract(makeStore: MakeStore): void {
  describe('live agents', () => {
    const store = freshStore(makeStore);

    it('reads each logged-in agent with its session, lead and call; none for an agent without a session', async () => {
      const { direct } = store();
      for (const id of ['lv-b', 'lv-a', 'lv-c', 'lv-out']) await direct.agents.upsert(agent(id, { name: `Agent ${id}`, attributes: { user_group: 'G1' } }));
      await direct.campaigns.upsert(campaign('LIVECAMP'));
      await direct.leadLists.upsert({ id: 40, name: 'Live', campaignId: 'LIVECAMP', active: true });
      const lead = await direct.leads.insert(newLead({ listId: 40, phoneNumber: '7275550199', vendorLeadCode: 'V-199' }));
      const customerCall: CallOf<'agent_customer'> = {
        ...call('lv-b.c1', { agentId: 'lv-b' }),
        purpose: 'agent_customer',
        progress: { stage: 'connected', customerEndpoint: 'PJSIP/7275550199@upc', trunkId: 1, leadId: lead.id, parkedLegIds: ['lv-b.c1.2'] },
      };
      await direct.calls.insert(customerCall);
      const onCall = session('lv-b', { state: 'in_call', currentCallId: customerCall.id, lead: { leadId: lead.id, callId: customerCall.id }, campaignId: 'LIVECAMP' });
      const ready = session('lv-a');
      // A session whose call row is missing: the call reads as none.
      const lost = session('lv-c', { state: 'in_call', currentCallId: 'gone' });
      for (const item of [onCall, ready, lost]) await direct.sessions.insert(item);

      const listed = await direct.liveAgents.list();
      expect(listed.map((live) => live.agent.id)).toEqual(['lv-a', 'lv-b', 'lv-c']);
      expect(listed[0]).toEqual({ agent: await direct.agents.get('lv-a'), session: ready, lead: null, call: null });
      expect(listed[1]).toEqual({
        agent: await direct.agents.get('lv-b'),
        session: onCall,
        lead: { phoneNumber: '7275550199', vendorLeadCode: 'V-199' },
        call: { id: customerCall.id, purpose: 'agent_customer', progress: customerCall.progress },
      });
      expect(listed[2]).toMatchObject({ session: lost, lead: null, call: null });

      expect(await direct.liveAgents.get('lv-b')).toEqual(listed[1]);
      expect(await direct.liveAgents.get('lv-out')).toBeNull();
      expect(await direct.liveAgents.get('nobody')).toBeNull();
    });
  });
}
