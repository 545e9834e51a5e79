import { deviceCredential } from '@pbx-gateway/pbx-ari';
import { isDomainError, newDid, type CallControl, type DidChanges, type SecretHasher, type Store } from '@pbx-gateway/core';
import { agentExternalId, checkExternalIdsDistinct } from './agent-external-id';
import { ProvisioningError, type ProvisioningDocument } from './provisioning-document';
import { applyDialerSections, type DialerApplied } from './apply-dialer';

export interface ProvisioningResult extends DialerApplied {
  apiUsers: number;
  userGroups: number;
  agents: number;
  extensions: number;
  extensionGroups: number;
  phones: number;
  phoneAliases: number;
  trunks: number;
  queues: number;
  didRoutes: number;
  adminKeys: number;
  sessionsStarted: string[];
}

/**
 * Writes the directory part of a document (accounts, agents, extensions,
 * phones, groups, trunks, queues, the dialer sections) in one transaction: a document applies whole or
 * not at all. Re-applying the same document changes nothing but hashes.
 * Phones' devices reach the engine when the gateway connects to it
 * (reconciliation), so provisioning needs no engine.
 */
export async function applyDirectory(store: Store, hasher: SecretHasher, document: ProvisioningDocument): Promise<Omit<ProvisioningResult, 'sessionsStarted'>> {
  const apiUsers = await Promise.all(
    (document.apiUsers ?? []).map(async (entry) => ({ entry, secretHash: await hasher.hash(entry.secret) })),
  );
  checkExternalIdsDistinct(document.agents ?? []);
  const agents = await Promise.all(
    (document.agents ?? []).map(async (entry) => ({ entry, secretHash: entry.secret === undefined ? null : await hasher.hash(entry.secret) })),
  );
  const phones = await Promise.all((document.phones ?? []).map(async (entry) => ({ entry, passHash: await hasher.hash(entry.pass) })));
  const dialer = await store.transaction(async (tx) => {
    for (const { entry, secretHash } of apiUsers) {
      const existing = await tx.apiUsers.findByLogin(entry.realm, entry.login);
      await tx.apiUsers.upsert({
        id: existing?.id ?? `${entry.realm}:${entry.login}`,
        realm: entry.realm,
        login: entry.login,
        secretHash,
        active: entry.active ?? true,
        permissions: entry.permissions ?? ['*'],
        attributes: entry.attributes ?? {},
        failedLogins: 0,
        lastFailedLoginAt: null,
      });
    }
    for (const entry of document.userGroups ?? []) {
      await tx.userGroups.upsert({
        id: entry.id,
        name: entry.name ?? entry.id,
        allowedCampaigns: entry.allowedCampaigns ?? null,
        viewableGroups: entry.viewableGroups ?? null,
        apiAllowedIps: entry.apiAllowedIps ?? [],
      });
    }
    for (const { entry, secretHash } of agents) {
      await tx.agents.upsert({
        id: entry.id,
        name: entry.name ?? entry.id,
        secretHash,
        device: entry.device ?? null,
        active: entry.active ?? true,
        ...agentExternalId(entry),
      });
    }
    for (const entry of document.extensions ?? []) {
      await tx.extensions.upsert({
        id: entry.id,
        internalNumber: entry.internalNumber,
        publicNumber: entry.publicNumber ?? null,
        sipUsername: entry.sipUsername,
        dialplan: entry.dialplan ?? 'default',
        endpoint: entry.endpoint ?? `PJSIP/${entry.sipUsername}`,
        callerIdNumber: entry.callerIdNumber ?? entry.publicNumber ?? entry.internalNumber,
        callerIdName: entry.callerIdName ?? entry.internalNumber,
        recordCalls: entry.recordCalls ?? false,
      });
    }
    for (const { entry, passHash } of phones) {
      await tx.phones.upsert({
        extension: entry.extension,
        serverIp: entry.serverIp,
        dialplanNumber: entry.dialplanNumber ?? entry.extension,
        voicemailId: entry.voicemailId ?? entry.extension,
        login: entry.login,
        passHash,
        protocol: entry.protocol ?? 'SIP',
        registrationCredential: entry.registrationPassword === '' ? '' : deviceCredential(entry.extension, entry.registrationPassword),
        fullName: entry.fullName ?? entry.extension,
        email: entry.email ?? '',
        context: entry.context ?? 'default',
        outboundCid: entry.outboundCid ?? '',
        active: entry.active ?? true,
        userGroup: entry.userGroup ?? '---ALL---',
        attributes: entry.attributes ?? {},
      });
    }
    for (const entry of document.phoneAliases ?? []) {
      await tx.phoneAliases.upsert({ id: entry.id, name: entry.name, logins: entry.logins });
    }
    for (const entry of document.extensionGroups ?? []) {
      await tx.extensionGroups.upsert({
        name: entry.name,
        tenant: entry.tenant ?? null,
        extensionIds: entry.extensions,
        ringTimeoutSec: entry.ringTimeoutSec ?? 30,
      });
    }
    for (const entry of document.trunks ?? []) {
      await tx.trunks.upsert({ id: entry.id, name: entry.name, dialTemplate: entry.dialTemplate, callerIdPool: entry.callerIdPool ?? [] });
    }
    for (const entry of document.queues ?? []) {
      await tx.queues.upsert({
        name: entry.name,
        strategy: entry.strategy ?? 'ringall',
        active: entry.active ?? true,
        mohClass: entry.mohClass ?? 'default',
        maxWaitSec: entry.maxWaitSec ?? null,
      });
      for (const member of entry.members ?? []) {
        await tx.queues.putMember(entry.name, {
          agentId: member.agentId,
          penalty: member.penalty ?? 0,
          membership: 'static',
          weight: member.weight ?? 0,
          grade: member.grade ?? 1,
          dailyLimit: member.dailyLimit ?? null,
        });
      }
    }
    for (const entry of document.didRoutes ?? []) {
      for (const queue of [entry.queue, entry.agentQueue]) {
        if (queue !== undefined && !(await tx.queues.get(queue))) throw new ProvisioningError(`invalid provisioning document: did ${entry.did} routes to unknown queue ${queue}`);
      }
      if (entry.agent !== undefined && !(await tx.agents.get(entry.agent))) throw new ProvisioningError(`invalid provisioning document: did ${entry.did} routes to unknown agent ${entry.agent}`);
      if (entry.agent === undefined && entry.queue === undefined) throw new ProvisioningError(`invalid provisioning document: did ${entry.did} routes to no queue and no agent`);
      // A DID already there keeps its other settings (those add_did and update_did set).
      const routing: DidChanges =
        entry.agent === undefined
          ? { route: 'IN_GROUP', queueName: entry.queue }
          : {
              route: 'AGENT',
              agentUser: entry.agent,
              agentRouteQueue: entry.agentQueue ?? 'AGENTDIRECT',
              agentUnavailableAction: entry.whenAgentUnavailable ?? 'VOICEMAIL',
              ...(entry.queue === undefined ? {} : { queueName: entry.queue }),
            };
      if (!(await tx.dids.update(entry.did, routing))) await tx.dids.insert(newDid(entry.did, routing));
    }
    for (const entry of document.adminKeys ?? []) {
      const existing = await tx.adminKeys.get(entry.name);
      await tx.adminKeys.upsert({ name: entry.name, keySha256: entry.keySha256, scopes: entry.scopes, createdAt: existing?.createdAt ?? new Date() });
    }
    return applyDialerSections(tx, document, new Date());
  });
  return {
    apiUsers: apiUsers.length,
    userGroups: document.userGroups?.length ?? 0,
    agents: agents.length,
    extensions: document.extensions?.length ?? 0,
    extensionGroups: document.extensionGroups?.length ?? 0,
    phones: phones.length,
    phoneAliases: document.phoneAliases?.length ?? 0,
    trunks: document.trunks?.length ?? 0,
    queues: document.queues?.length ?? 0,
    didRoutes: document.didRoutes?.length ?? 0,
    adminKeys: document.adminKeys?.length ?? 0,
    ...dialer,
  };
}

/**
 * Logs in the agents the document wants logged in, unless they already are:
 * sessions survive restarts, and provisioning must not reset them. A session
 * that wants its phone in its conference gets it rung again when the phone
 * is gone (an engine that restarted forgets it).
 */
export async function startProvisionedSessions(core: CallControl, document: ProvisioningDocument): Promise<string[]> {
  const started: string[] = [];
  for (const entry of document.sessions ?? []) {
    const existing = await core.getAgentSession(entry.agentId);
    if (existing) {
      if (entry.connectPhone && existing.conference) await core.connectAgentPhone({ agentId: entry.agentId });
      continue;
    }
    try {
      await core.loginAgent({
        agentId: entry.agentId,
        via: entry.via,
        phoneNumber: entry.phoneNumber ?? null,
        conferenceNumber: entry.conferenceNumber ?? null,
        connectPhone: entry.connectPhone ?? false,
        campaignId: entry.campaignId ?? null,
        initialState: entry.initialState ?? 'ready',
        queues: entry.queues ?? [],
        blended: entry.blended ?? true,
      });
      started.push(entry.agentId);
    } catch (error) {
      if (!isDomainError(error, 'AGENT_ALREADY_LOGGED_IN')) throw error;
    }
  }
  return started;
}
