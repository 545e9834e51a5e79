/// <reference types="jest" />
import type { LockoutPolicy } from '@pbx-gateway/core';
import type { QueueMember } from '@pbx-gateway/core';
import { agent, apiUser, extension, extensionGroup, queue, queueMember, trunk } from '../test-core/fixtures';
import { at, freshStore, type MakeStore } from './contract-store';

const POLICY: LockoutPolicy = { maxFailures: 3, windowMs: 15 * 60_000, window: 'since_last_failure' };
const VICIDIAL_POLICY: LockoutPolicy = { ...POLICY, window: 'since_count_restart' };

/** A queue member as stored after joining with the fixture's defaults. */
const storedMember = (agentId: string, overrides: Partial<QueueMember> = {}): QueueMember => ({
  agentId,
  penalty: 0,
  paused: false,
  membership: 'static',
  weight: 0,
  grade: 1,
  dailyLimit: null,
  callsToday: 0,
  callsTodayOn: null,
  ...overrides,
});

export function apiUserContract(makeStore: MakeStore): void {
  describe('API users', () => {
    const store = freshStore(makeStore);

    it('round-trips every field and finds a user by id and by realm and login', async () => {
      const user = apiUser('u1', { realm: 'voipsun', login: 'crm', permissions: ['Originate', 'Call list'], attributes: { user_level: '9' } });
      expect(await store().direct.apiUsers.upsert(user)).toEqual(user);
      expect(await store().direct.apiUsers.get('u1')).toEqual(user);
      expect(await store().direct.apiUsers.findByLogin('voipsun', 'crm')).toEqual(user);
      expect(await store().direct.apiUsers.findByLogin('vicidial', 'crm')).toBeNull();
      expect(await store().direct.apiUsers.get('nobody')).toBeNull();
    });

    it('replaces by realm and login, keeping the stored id', async () => {
      await store().direct.apiUsers.upsert(apiUser('u2', { login: 'same' }));
      const replaced = await store().direct.apiUsers.upsert(apiUser('u2-other', { login: 'same', active: false, permissions: [] }));
      expect(replaced).toMatchObject({ id: 'u2', active: false, permissions: [] });
      expect(await store().direct.apiUsers.get('u2')).toEqual(replaced);
      expect(await store().direct.apiUsers.get('u2-other')).toBeNull();
    });
  });
}

export function userGroupContract(makeStore: MakeStore): void {
  describe('user groups', () => {
    const store = freshStore(makeStore);

    it('round-trips a group that names its campaigns, groups and addresses, and one open to all', async () => {
      const named = { id: 'AGENTS', name: 'Agents', allowedCampaigns: ['TESTCAMP', 'OTHER'], viewableGroups: ['AGENTS'], apiAllowedIps: ['10.0.0.1'] };
      const open = { id: 'ADMIN', name: 'Administrators', allowedCampaigns: null, viewableGroups: null, apiAllowedIps: [] };
      await store().direct.userGroups.upsert(named);
      await store().direct.userGroups.upsert(open);
      expect(await store().direct.userGroups.get('AGENTS')).toEqual(named);
      expect(await store().direct.userGroups.get('ADMIN')).toEqual(open);
      expect(await store().direct.userGroups.get('NOBODY')).toBeNull();
    });

    it('replaces a group by its id', async () => {
      await store().direct.userGroups.upsert({ id: 'G', name: 'first', allowedCampaigns: null, viewableGroups: null, apiAllowedIps: [] });
      const replaced = { id: 'G', name: 'second', allowedCampaigns: [], viewableGroups: ['G'], apiAllowedIps: [] };
      await store().direct.userGroups.upsert(replaced);
      expect(await store().direct.userGroups.get('G')).toEqual(replaced);
    });
  });
}

export function loginFailureContract(makeStore: MakeStore): void {
  describe('login failures (API users and agents alike)', () => {
    const store = freshStore(makeStore);
    const t0 = at('2024-05-01T10:00:00.000Z');
    const later = (ms: number): Date => new Date(t0.getTime() + ms);

    it('counts each attempt, refuses while locked, and counts afresh once the window is over', async () => {
      await store().direct.apiUsers.upsert(apiUser('lock-1'));
      const repo = store().direct.apiUsers;
      for (let i = 0; i < 3; i += 1) expect(await repo.reserveLoginAttempt('lock-1', later(i), POLICY)).toBe(true);
      expect(await repo.get('lock-1')).toMatchObject({ failedLogins: 3, lastFailedLoginAt: later(2) });
      expect(await repo.reserveLoginAttempt('lock-1', later(10), POLICY)).toBe(false);
      expect(await repo.get('lock-1')).toMatchObject({ failedLogins: 3, lastFailedLoginAt: later(2) });
      expect(await repo.reserveLoginAttempt('lock-1', later(2 + POLICY.windowMs), POLICY)).toBe(true);
      expect(await repo.get('lock-1')).toMatchObject({ failedLogins: 1, lastFailedLoginAt: later(2 + POLICY.windowMs) });
    });

    it('releases an attempt by one, or clears them all; a reset clears them too', async () => {
      await store().direct.apiUsers.upsert(apiUser('lock-2'));
      const repo = store().direct.apiUsers;
      await repo.reserveLoginAttempt('lock-2', t0, POLICY);
      await repo.reserveLoginAttempt('lock-2', later(1), POLICY);
      await repo.releaseLoginAttempt('lock-2', false, later(1));
      expect(await repo.get('lock-2')).toMatchObject({ failedLogins: 1, lastFailedLoginAt: later(1) });
      // Clearing starts a window: nothing is locked by it, the count being 0.
      await repo.releaseLoginAttempt('lock-2', true, later(2));
      expect(await repo.get('lock-2')).toMatchObject({ failedLogins: 0, lastFailedLoginAt: later(2) });
      await repo.reserveLoginAttempt('lock-2', later(3), POLICY);
      await repo.resetFailedLogins('lock-2', later(4));
      expect(await repo.get('lock-2')).toMatchObject({ failedLogins: 0, lastFailedLoginAt: later(4) });
    });

    it('with the window from the count’s restart (VICIdial’s rule): failures below the maximum do not move it', async () => {
      await store().direct.apiUsers.upsert(apiUser('lock-5'));
      const repo = store().direct.apiUsers;
      await repo.resetFailedLogins('lock-5', t0);
      for (let i = 1; i <= 3; i += 1) expect(await repo.reserveLoginAttempt('lock-5', later(i * 60_000), VICIDIAL_POLICY)).toBe(true);
      expect(await repo.get('lock-5')).toMatchObject({ failedLogins: 3, lastFailedLoginAt: t0 });
      // Locked until the window that started at t0 is over, however recent the last failure.
      expect(await repo.reserveLoginAttempt('lock-5', later(POLICY.windowMs - 1), VICIDIAL_POLICY)).toBe(false);
      expect(await repo.reserveLoginAttempt('lock-5', later(POLICY.windowMs + 1), VICIDIAL_POLICY)).toBe(true);
      expect(await repo.get('lock-5')).toMatchObject({ failedLogins: 1, lastFailedLoginAt: later(POLICY.windowMs + 1) });
    });

    it('with VICIdial’s rule, locks an account whose window started long ago only when its count reaches the maximum again', async () => {
      await store().direct.apiUsers.upsert(apiUser('lock-6'));
      const repo = store().direct.apiUsers;
      for (let i = 0; i < 3; i += 1) expect(await repo.reserveLoginAttempt('lock-6', later(i), VICIDIAL_POLICY)).toBe(true);
      expect(await repo.get('lock-6')).toMatchObject({ failedLogins: 3, lastFailedLoginAt: null });
      // At the maximum with no window running: not locked; this attempt starts the count over, and the window.
      expect(await repo.reserveLoginAttempt('lock-6', later(3), VICIDIAL_POLICY)).toBe(true);
      expect(await repo.get('lock-6')).toMatchObject({ failedLogins: 1, lastFailedLoginAt: later(3) });
      expect(await repo.reserveLoginAttempt('lock-6', later(4), VICIDIAL_POLICY)).toBe(true);
      expect(await repo.reserveLoginAttempt('lock-6', later(5), VICIDIAL_POLICY)).toBe(true);
      expect(await repo.reserveLoginAttempt('lock-6', later(6), VICIDIAL_POLICY)).toBe(false);
    });

    it('refuses an attempt for an API user that does not exist', async () => {
      expect(await store().direct.apiUsers.reserveLoginAttempt('nobody', t0, POLICY)).toBe(false);
      expect(await store().direct.apiUsers.get('nobody')).toBeNull();
    });

    it('counts guesses sent in parallel one by one', async () => {
      await store().direct.apiUsers.upsert(apiUser('lock-3'));
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => store().direct.apiUsers.reserveLoginAttempt('lock-3', later(i), POLICY)));
      expect(answers.filter(Boolean)).toHaveLength(3);
    });

    it('locks agents by the same rule, and refuses an agent that does not exist', async () => {
      await store().direct.agents.upsert(agent('lock-a'));
      const repo = store().direct.agents;
      for (let i = 0; i < 3; i += 1) expect(await repo.reserveLoginAttempt('lock-a', later(i), POLICY)).toBe(true);
      expect(await repo.reserveLoginAttempt('lock-a', later(3), POLICY)).toBe(false);
      await repo.releaseLoginAttempt('lock-a', true, later(3));
      expect(await repo.reserveLoginAttempt('lock-a', later(4), POLICY)).toBe(true);
      expect(await repo.reserveLoginAttempt('nobody', t0, POLICY)).toBe(false);
    });

    it('keeps failed logins when an agent is provisioned again', async () => {
      await store().direct.agents.upsert(agent('lock-b'));
      for (let i = 0; i < 3; i += 1) await store().direct.agents.reserveLoginAttempt('lock-b', later(i), POLICY);
      await store().direct.agents.upsert(agent('lock-b', { name: 'Renamed' }));
      expect(await store().direct.agents.reserveLoginAttempt('lock-b', later(5), POLICY)).toBe(false);
    });
  });
}

export function agentContract(makeStore: MakeStore): void {
  describe('agents', () => {
    const store = freshStore(makeStore);

    it('round-trips every field, nulls included, and replaces on upsert', async () => {
      const full = agent('1000', { externalId: 'crm-1000', attributes: { team: 'north' } });
      const bare = agent('1001', { secretHash: null, device: null, active: false });
      await store().direct.agents.upsert(full);
      await store().direct.agents.upsert(bare);
      expect(await store().direct.agents.get('1000')).toEqual(full);
      expect(await store().direct.agents.get('1001')).toEqual(bare);
      expect(await store().direct.agents.get('9999')).toBeNull();
      const changed = agent('1000', { name: 'Renamed', device: 'PJSIP/2000', externalId: null, attributes: {} });
      await store().direct.agents.upsert(changed);
      expect(await store().direct.agents.get('1000')).toEqual(changed);
    });

    it('finds the agents holding an attribute value, by id', async () => {
      await store().direct.agents.upsert(agent('2102', { attributes: { ccgateway_inspector: '1', skills: '1;2' } }));
      await store().direct.agents.upsert(agent('2101', { attributes: { ccgateway_inspector: '1' } }));
      await store().direct.agents.upsert(agent('2103', { attributes: { ccgateway_inspector: '0' } }));
      expect((await store().direct.agents.findByAttribute('ccgateway_inspector', '1')).map((found) => found.id)).toEqual(['2101', '2102']);
      expect(await store().transaction(async (tx) => (await tx.agents.findByAttribute('skills', '1;2')).map((found) => found.id))).toEqual(['2102']);
      expect(await store().direct.agents.findByAttribute('ccgateway_inspector', '')).toEqual([]);
      expect(await store().direct.agents.findByAttribute('"quoted', 'x')).toEqual([]);
    });

    it('finds an agent by external id, which no two agents share', async () => {
      await store().direct.agents.upsert(agent('2001', { externalId: 'crm-7' }));
      await store().direct.agents.upsert(agent('2002'));
      expect((await store().direct.agents.findByExternalId('crm-7'))?.id).toBe('2001');
      expect(await store().direct.agents.findByExternalId('crm')).toBeNull();
      await expect(store().direct.agents.upsert(agent('2002', { externalId: 'crm-7' }))).rejects.toThrow(/agents_external_id_key/);
      await expect(store().transaction((tx) => tx.agents.upsert(agent('2002', { externalId: 'crm-7' })))).rejects.toThrow(/agents_external_id_key/);
      expect((await store().direct.agents.get('2002'))?.externalId).toBeNull();
    });
  });
}

export function extensionContract(makeStore: MakeStore): void {
  describe('extensions', () => {
    const store = freshStore(makeStore);
    beforeAll(async () => {
      await store().direct.extensions.upsert(extension(6, '101', { publicNumber: '299299001', dialplan: 'sales' }));
      await store().direct.extensions.upsert(extension(5, '100', { publicNumber: '299299000', recordCalls: true }));
      await store().direct.extensions.upsert(extension(7, '100', { sipUsername: 'other', endpoint: 'PJSIP/other' }));
    });

    it('round-trips every field and lists by id', async () => {
      expect(await store().direct.extensions.get(5)).toEqual(extension(5, '100', { publicNumber: '299299000', recordCalls: true }));
      expect(await store().direct.extensions.get(99)).toBeNull();
      expect((await store().direct.extensions.list()).map((row) => row.id)).toEqual([5, 6, 7]);
    });

    it('finds by internal number, public number, SIP user (all matches, by id) and endpoint', async () => {
      expect((await store().direct.extensions.findByInternalNumber('100')).map((row) => row.id)).toEqual([5, 7]);
      expect((await store().direct.extensions.findByPublicNumber('299299001')).map((row) => row.id)).toEqual([6]);
      expect((await store().direct.extensions.findBySipUsername('other')).map((row) => row.id)).toEqual([7]);
      expect(await store().direct.extensions.findByInternalNumber('999')).toEqual([]);
      expect((await store().direct.extensions.findByEndpoint('PJSIP/sip101'))?.id).toBe(6);
      expect(await store().direct.extensions.findByEndpoint('PJSIP/none')).toBeNull();
    });

    it('knows which dialplans are in use', async () => {
      expect(await store().direct.extensions.dialplanExists('sales')).toBe(true);
      expect(await store().direct.extensions.dialplanExists('default')).toBe(true);
      expect(await store().direct.extensions.dialplanExists('nowhere')).toBe(false);
    });

    it('replaces on upsert', async () => {
      await store().direct.extensions.upsert(extension(8, '108'));
      const changed = extension(8, '118', { publicNumber: '5550108', callerIdName: 'Changed' });
      await store().direct.extensions.upsert(changed);
      expect(await store().direct.extensions.get(8)).toEqual(changed);
    });
  });

  describe('extension groups', () => {
    const store = freshStore(makeStore);

    it('keeps the extensions in their order, and replaces them on upsert', async () => {
      for (const id of [1, 2, 3]) await store().direct.extensions.upsert(extension(id, String(100 + id)));
      const group = extensionGroup('g1', [3, 1], { tenant: '2028' });
      await store().direct.extensionGroups.upsert(group);
      expect(await store().direct.extensionGroups.get('g1')).toEqual(group);
      const changed = extensionGroup('g1', [2], { tenant: null, ringTimeoutSec: 5 });
      await store().direct.extensionGroups.upsert(changed);
      expect(await store().direct.extensionGroups.get('g1')).toEqual(changed);
      expect(await store().direct.extensionGroups.get('g2')).toBeNull();
    });

    it('refuses a group naming an extension that does not exist, keeping what it had', async () => {
      await expect(store().direct.extensionGroups.upsert(extensionGroup('g1', [2, 99]))).rejects.toThrow();
      expect((await store().direct.extensionGroups.get('g1'))?.extensionIds).toEqual([2]);
    });
  });
}

export function trunkContract(makeStore: MakeStore): void {
  describe('trunks', () => {
    const store = freshStore(makeStore);

    it('has no preferred trunk while there is none', async () => {
      expect(await store().direct.trunks.preferred()).toBeNull();
      expect(await store().direct.trunks.preferredRoute()).toBeNull();
    });

    it('round-trips, finds by id and name, and prefers the lowest id', async () => {
      const second = trunk(2, { name: 'upc', callerIdPool: ['111', '222'] });
      const first = trunk(1, { name: 'o2', dialTemplate: 'PJSIP/{number}@o2', callerIdPool: [] });
      await store().direct.trunks.upsert(second);
      await store().direct.trunks.upsert(first);
      expect(await store().direct.trunks.get(2)).toEqual(second);
      expect(await store().direct.trunks.findByName('o2')).toEqual(first);
      expect(await store().direct.trunks.findByName('none')).toBeNull();
      expect(await store().direct.trunks.preferred()).toEqual(first);
      expect(await store().direct.trunks.preferredRoute()).toEqual({ id: 1, name: 'o2', dialTemplate: 'PJSIP/{number}@o2' });
      expect(await store().direct.trunks.listRoutes()).toEqual([
        { id: 1, name: 'o2', dialTemplate: 'PJSIP/{number}@o2' },
        { id: 2, name: 'upc', dialTemplate: second.dialTemplate },
      ]);
    });

    it('refuses a second trunk with a name another trunk has', async () => {
      await expect(store().direct.trunks.upsert(trunk(4, { name: 'upc' }))).rejects.toThrow(/trunks_name_key/);
      expect(await store().direct.trunks.get(4)).toBeNull();
    });

    it('replaces the caller-id pool on upsert, keeping its order', async () => {
      await store().direct.trunks.upsert(trunk(3, { name: 't3', callerIdPool: ['1', '2', '3'] }));
      await store().direct.trunks.upsert(trunk(3, { name: 't3', callerIdPool: ['9', '1'] }));
      expect((await store().direct.trunks.get(3))?.callerIdPool).toEqual(['9', '1']);
    });
  });
}

export function queueContract(makeStore: MakeStore): void {
  describe('queues', () => {
    const store = freshStore(makeStore);
    beforeAll(async () => {
      for (const id of ['q1', 'q2', 'q3']) await store().direct.agents.upsert(agent(id));
    });

    it('keeps members in join order; upsert changes settings, not members', async () => {
      await store().direct.queues.upsert(queue('Sales', { strategy: 'ringall' }));
      await store().direct.queues.putMember('Sales', queueMember('q2', { penalty: 2 }));
      await store().direct.queues.putMember('Sales', queueMember('q1', { membership: 'dynamic' }));
      await store().direct.queues.upsert(queue('Sales', { strategy: 'leastrecent' }));
      expect(await store().direct.queues.get('Sales')).toEqual({
        ...queue('Sales', { strategy: 'leastrecent' }),
        members: [storedMember('q2', { penalty: 2 }), storedMember('q1', { membership: 'dynamic' })],
      });
      expect(await store().direct.queues.get('None')).toBeNull();
    });

    it('re-adding a member updates penalty and membership, keeping its place and its pause', async () => {
      await store().direct.queues.upsert(queue('Support', { strategy: 'ringall' }));
      await store().direct.queues.putMember('Support', queueMember('q1'));
      await store().direct.queues.putMember('Support', queueMember('q2'));
      await store().direct.queues.setPausedForAgent('q1', true);
      await store().direct.queues.putMember('Support', queueMember('q1', { penalty: 5, membership: 'dynamic' }));
      expect((await store().direct.queues.get('Support'))?.members).toEqual([
        storedMember('q1', { penalty: 5, paused: true, membership: 'dynamic' }),
        storedMember('q2'),
      ]);
      await store().direct.queues.setPausedForAgent('q1', false);
    });

    it('removes members, saying whether there was one', async () => {
      await store().direct.queues.upsert(queue('Billing', { strategy: 'ringall' }));
      await store().direct.queues.putMember('Billing', queueMember('q3'));
      expect(await store().direct.queues.removeMember('Billing', 'q3')).toBe(true);
      expect(await store().direct.queues.removeMember('Billing', 'q3')).toBe(false);
      expect((await store().direct.queues.get('Billing'))?.members).toEqual([]);
    });

    it('refuses a member of a queue or an agent that does not exist', async () => {
      await expect(store().direct.queues.putMember('None', queueMember('q1'))).rejects.toThrow();
      await expect(store().direct.queues.putMember('Billing', queueMember('nobody'))).rejects.toThrow();
      expect(await store().direct.queues.queuesOfAgent('nobody')).toEqual([]);
    });

    it("pauses an agent in all its queues, lists an agent's queues by name, and lists queues by name", async () => {
      await store().direct.queues.setPausedForAgent('q2', true);
      expect((await store().direct.queues.get('Sales'))?.members.find((member) => member.agentId === 'q2')?.paused).toBe(true);
      expect((await store().direct.queues.get('Support'))?.members.find((member) => member.agentId === 'q2')?.paused).toBe(true);
      expect(await store().direct.queues.queuesOfAgent('q2')).toEqual(['Sales', 'Support']);
      expect(await store().direct.queues.queuesOfAgent('q3')).toEqual([]);
      expect((await store().direct.queues.list()).map((queue) => queue.name)).toEqual(['Billing', 'Sales', 'Support']);
    });
  });
}
