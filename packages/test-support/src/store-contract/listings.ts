/// <reference types="jest" />
import { agent, apiUser } from '../test-core/fixtures';
import { at, freshStore, type MakeStore } from './contract-store';
import { campaign, newLead } from './rows';

/** Listings page by page in a stable order: what the admin API shows. */
export function listingContract(makeStore: MakeStore): void {
  describe('listings by page', () => {
    const store = freshStore(makeStore);

    it('pages agents, API users and user groups by id', async () => {
      const tx = store().direct;
      for (const id of ['1002', '1000', '1001']) await tx.agents.upsert(agent(id));
      expect((await tx.agents.list({ offset: 0, limit: 2 })).map((row) => row.id)).toEqual(['1000', '1001']);
      expect(await tx.agents.list({ offset: 2, limit: 2 })).toEqual([agent('1002')]);
      expect(await tx.agents.list({ offset: 3, limit: 2 })).toEqual([]);
      for (const id of ['b', 'a']) await tx.apiUsers.upsert(apiUser(id, { login: `login-${id}` }));
      expect((await tx.apiUsers.list({ offset: 0, limit: 10 })).map((row) => row.id)).toEqual(['a', 'b']);
      expect((await tx.apiUsers.list({ offset: 1, limit: 10 })).map((row) => row.login)).toEqual(['login-b']);
      for (const id of ['SUPERVISORS', 'AGENTS']) await tx.userGroups.upsert({ id, name: id, allowedCampaigns: null, viewableGroups: null, apiAllowedIps: [] });
      expect((await tx.userGroups.list({ offset: 0, limit: 1 })).map((row) => row.id)).toEqual(['AGENTS']);
    });

    it('pages lead lists by id, and leads from an offset', async () => {
      const tx = store().direct;
      await tx.campaigns.upsert(campaign('PAGECAMP'));
      for (const id of [302, 301, 303]) await tx.leadLists.upsert({ id, name: `List ${id}`, campaignId: 'PAGECAMP', active: true });
      expect((await tx.leadLists.list({ offset: 1, limit: 1 })).map((row) => row.id)).toEqual([302]);
      const added = [];
      for (const phoneNumber of ['5550001', '5550002', '5550003']) added.push(await tx.leads.insert(newLead({ listId: 301, phoneNumber })));
      const found = await tx.leads.search({ listIds: [301], offset: 1 }, 5);
      expect(found.map((lead) => lead.id)).toEqual([added[1]!.id, added[2]!.id]);
    });

    it('keeps admin keys by name, finds one by the hash of its key, replaces and removes it', async () => {
      const tx = store().direct;
      const key = { name: 'crm-reader', keySha256: 'a'.repeat(64), scopes: ['read' as const], createdAt: at('2026-12-06T10:00:00Z') };
      await tx.adminKeys.upsert(key);
      await tx.adminKeys.upsert({ ...key, name: 'provisioner', keySha256: 'b'.repeat(64), scopes: ['read', 'provision'] });
      expect(await tx.adminKeys.findBySha256('a'.repeat(64))).toEqual(key);
      expect(await tx.adminKeys.findBySha256('c'.repeat(64))).toBeNull();
      expect(await tx.adminKeys.get('provisioner')).toMatchObject({ scopes: ['read', 'provision'] });
      expect((await tx.adminKeys.list({ offset: 0, limit: 5 })).map((row) => row.name)).toEqual(['crm-reader', 'provisioner']);
      await tx.adminKeys.upsert({ ...key, keySha256: 'd'.repeat(64), scopes: ['control'] });
      expect(await tx.adminKeys.findBySha256('a'.repeat(64))).toBeNull();
      expect(await tx.adminKeys.get('crm-reader')).toMatchObject({ keySha256: 'd'.repeat(64), scopes: ['control'] });
      expect(await tx.adminKeys.delete('crm-reader')).toBe(true);
      expect(await tx.adminKeys.delete('crm-reader')).toBe(false);
      expect(await tx.adminKeys.get('crm-reader')).toBeNull();
    });
  });
}
