import { newDid } from '@pbx-gateway/core';
import type { Agent, ApiUser, Extension, ExtensionGroup, QueueMembership, QueueSettings, StoreTransaction, Trunk } from '@pbx-gateway/core';
import { hashOf } from './fake-hasher';

/** The secret every fixture account is created with. */
export const SECRET = 'pa55word';

export function agent(id: string, overrides: Partial<Agent> = {}): Agent {
  return {
    id,
    name: `Agent ${id}`,
    secretHash: hashOf(SECRET),
    device: `PJSIP/${id}`,
    active: true,
    externalId: null,
    attributes: {},
    ...overrides,
  };
}

export function extension(id: number, internalNumber: string, overrides: Partial<Extension> = {}): Extension {
  return {
    id,
    internalNumber,
    publicNumber: null,
    sipUsername: `sip${internalNumber}`,
    dialplan: 'default',
    endpoint: `PJSIP/sip${internalNumber}`,
    callerIdNumber: internalNumber,
    callerIdName: `Extension ${internalNumber}`,
    recordCalls: false,
    ...overrides,
  };
}

export function trunk(id: number, overrides: Partial<Trunk> = {}): Trunk {
  return { id, name: `trunk${id}`, dialTemplate: 'PJSIP/{number}@upc', callerIdPool: ['2120280001', '2120280002'], ...overrides };
}

export function extensionGroup(name: string, extensionIds: readonly number[], overrides: Partial<ExtensionGroup> = {}): ExtensionGroup {
  return { name, tenant: null, extensionIds, ringTimeoutSec: 20, ...overrides };
}

export function apiUser(id: string, overrides: Partial<ApiUser> = {}): ApiUser {
  return {
    id,
    realm: 'vicidial',
    login: id,
    secretHash: hashOf(SECRET),
    active: true,
    permissions: ['*'],
    attributes: {},
    failedLogins: 0,
    lastFailedLoginAt: null,
    ...overrides,
  };
}

export function queueMember(agentId: string, overrides: Partial<QueueMembership> = {}): QueueMembership {
  return { agentId, penalty: 0, membership: 'static', ...overrides };
}

export function queue(name: string, overrides: Partial<QueueSettings> = {}): QueueSettings {
  return { name, strategy: 'ringall', active: true, mohClass: 'default', maxWaitSec: null, ...overrides };
}

export interface Directory {
  agents?: Agent[];
  extensions?: Extension[];
  trunks?: Trunk[];
  groups?: ExtensionGroup[];
  apiUsers?: ApiUser[];
  queues?: Array<Pick<QueueSettings, 'name' | 'strategy'> & Partial<QueueSettings> & { members?: QueueMembership[] }>;
  /** Public numbers routed to a queue (IN_GROUP DIDs). */
  didRoutes?: Array<{ did: string; queueName: string }>;
}

/** Writes provisioning data straight into a store. */
export async function seed(repositories: StoreTransaction, directory: Directory): Promise<void> {
  for (const row of directory.agents ?? []) await repositories.agents.upsert(row);
  for (const row of directory.extensions ?? []) await repositories.extensions.upsert(row);
  for (const row of directory.trunks ?? []) await repositories.trunks.upsert(row);
  for (const row of directory.groups ?? []) await repositories.extensionGroups.upsert(row);
  for (const row of directory.apiUsers ?? []) await repositories.apiUsers.upsert(row);
  for (const entry of directory.queues ?? []) {
    const { members, ...settings } = entry;
    await repositories.queues.upsert(queue(settings.name, settings));
    for (const member of members ?? []) await repositories.queues.putMember(settings.name, member);
  }
  for (const route of directory.didRoutes ?? []) await repositories.dids.upsert(newDid(route.did, { route: 'IN_GROUP', queueName: route.queueName }));
}
