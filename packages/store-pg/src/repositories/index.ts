import type { StoreTransaction } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { createAccessTokenRepository } from './access-tokens';
import { createAgentSessionRepository } from './agent-sessions';
import { createAgentRepository } from './agents';
import { createApiUserRepository } from './api-users';
import { createCallRepository } from './calls';
import { createCdrRepository } from './cdrs';
import { createExtensionGroupRepository } from './extension-groups';
import { createExtensionRepository } from './extensions';
import { createMailboxRepository } from './mailbox';
import { createOutboxRepository } from './outbox';
import { createPlaybackRepository } from './playbacks';
import { createQueueRepository } from './queues';
import { createRecordingRepository } from './recordings';
import { createTrunkRepository } from './trunks';

/** All repositories over one executor: the pool (each call stands alone) or a transaction. */
export function createRepositories(db: Knex, options: { inTransaction?: boolean } = {}): StoreTransaction {
  return {
    apiUsers: createApiUserRepository(db),
    agents: createAgentRepository(db),
    sessions: createAgentSessionRepository(db, options),
    extensions: createExtensionRepository(db),
    extensionGroups: createExtensionGroupRepository(db),
    trunks: createTrunkRepository(db),
    queues: createQueueRepository(db),
    calls: createCallRepository(db),
    playbacks: createPlaybackRepository(db),
    recordings: createRecordingRepository(db),
    cdrs: createCdrRepository(db),
    mailbox: createMailboxRepository(db),
    outbox: createOutboxRepository(db),
    tokens: createAccessTokenRepository(db),
  };
}
