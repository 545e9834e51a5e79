import type { StoreTransaction } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import type { Announce } from '../commit-notices';
import { createAccessTokenRepository } from './access-tokens';
import { createAgentSessionRepository, noTransactionFacts, type TransactionFacts } from './agent-sessions';
import { createAgentRepository } from './agents';
import { createApiUserRepository } from './api-users';
import { createLiveAgentReader } from './live-agents';
import { createCallRepository } from './calls';
import { createCdrRepository } from './cdrs';
import { createExtensionGroupRepository } from './extension-groups';
import { createExtensionRepository } from './extensions';
import { createMailboxRepository } from './mailbox';
import { createOutboxRepository } from './outbox';
import { createWebhookSubscriptionRepository } from './webhook-subscriptions';
import { createPlaybackRepository } from './playbacks';
import { createQueueRepository } from './queues';
import { createRecordingRepository } from './recordings';
import { createTrunkRepository } from './trunks';
import { createUserGroupRepository } from './user-groups';
import { createCallbackRepository } from './callbacks';
import { createCampaignRepository } from './campaigns';
import { createDncRepository } from './do-not-call';
import { createLeadCallRepository } from './lead-calls';
import { createAgentStateSpanRepository } from './agent-state-spans';
import { createLeadListRepository } from './lead-lists';
import { createListCustomFieldRepository } from './list-custom-fields';
import { createLeadRepository } from './leads';
import { createLeadArchiveRepository } from './archived-leads';
import { createCallbackArchiveRepository } from './archived-callbacks';
import { createLeadStatusRepository } from './lead-statuses';
import { createGroupAliasRepository } from './group-aliases';
import { createDidRepository } from './dids';
import { createSettingsContainerRepository } from './settings-containers';
import { createCallMenuRepository } from './call-menus';
import { createVoicemailBoxRepository } from './voicemail-boxes';
import { createPhoneAliasRepository, createPhoneRepository } from './phones';
import { createTimeZoneRepository } from './time-zones';
import { createCallTimeRepository } from './call-times';
import { createVoicemailMessageRepository } from './voicemail-messages';
import { createMultiDialRequestRepository } from './multi-dial-requests';
import { createAgentNotificationRepository } from './agent-notifications';
import { createManualDialQueueRepository } from './manual-dial-queue';
import { createHopperRepository } from './hopper';
import { createEventLogRepository } from './event-log';
import { createAdminKeyRepository } from './admin-keys';
import { createVoiceBroadcastQueueRepository } from './voice-broadcast-queue';

/**
 * All repositories over one executor: the pool (each call stands alone) or a transaction. `announce` is told
 * of every mailbox and event-log append; it must wake their readers only once the append has committed.
 */
export function createRepositories(db: Knex, announce: Announce, options: { inTransaction?: boolean } = {}): StoreTransaction {
  const facts: TransactionFacts | undefined = options.inTransaction ? noTransactionFacts() : undefined;
  return {
    apiUsers: createApiUserRepository(db),
    userGroups: createUserGroupRepository(db),
    agents: createAgentRepository(db),
    sessions: createAgentSessionRepository(db, { ...options, facts }),
    agentStateSpans: createAgentStateSpanRepository(db),
    liveAgents: createLiveAgentReader(db, options),
    extensions: createExtensionRepository(db),
    extensionGroups: createExtensionGroupRepository(db),
    trunks: createTrunkRepository(db),
    queues: createQueueRepository(db, facts),
    calls: createCallRepository(db),
    playbacks: createPlaybackRepository(db),
    recordings: createRecordingRepository(db),
    cdrs: createCdrRepository(db),
    mailbox: createMailboxRepository(db, announce),
    outbox: createOutboxRepository(db),
    tokens: createAccessTokenRepository(db),
    campaigns: createCampaignRepository(db),
    leadLists: createLeadListRepository(db),
    listCustomFields: createListCustomFieldRepository(db),
    leads: createLeadRepository(db),
    leadArchive: createLeadArchiveRepository(db),
    leadStatuses: createLeadStatusRepository(db),
    callbacks: createCallbackRepository(db),
    callbackArchive: createCallbackArchiveRepository(db),
    dnc: createDncRepository(db),
    leadCalls: createLeadCallRepository(db),
    groupAliases: createGroupAliasRepository(db),
    dids: createDidRepository(db),
    settingsContainers: createSettingsContainerRepository(db),
    callMenus: createCallMenuRepository(db),
    voicemailBoxes: createVoicemailBoxRepository(db),
    phones: createPhoneRepository(db),
    phoneAliases: createPhoneAliasRepository(db),
    timeZones: createTimeZoneRepository(db),
    callTimes: createCallTimeRepository(db),
    voicemailMessages: createVoicemailMessageRepository(db),
    multiDialRequests: createMultiDialRequestRepository(db),
    notifications: createAgentNotificationRepository(db),
    eventLog: createEventLogRepository(db, announce, facts),
    manualDialQueue: createManualDialQueueRepository(db, facts),
    hopper: createHopperRepository(db),
    adminKeys: createAdminKeyRepository(db),
    voiceBroadcasts: createVoiceBroadcastQueueRepository(db),
    webhooks: createWebhookSubscriptionRepository(db),
  };
}
