/// <reference types="jest" />
import { agentContract, apiUserContract, extensionContract, loginFailureContract, queueContract, trunkContract, userGroupContract } from './directory';
import { callContract, cdrContract, playbackContract } from './calls';
import type { MakeStore } from './contract-store';
import { diallingContract } from './dialling';
import { eventLogContract } from './event-log';
import { mailboxContract, outboxContract, tokenContract } from './messages';
import { listingContract } from './listings';
import { listCustomFieldContract } from './list-custom-fields';
import { leadArchiveContract } from './lead-archive';
import { liveAgentContract } from './live-agents';
import { lookupContract } from './lookups';
import { sessionContract } from './sessions';
import { agentStateSpanContract } from './agent-state-spans';
import { transactionContract } from './transactions';
import { voiceBroadcastContract } from './voice-broadcasts';
import { webhookContract } from './webhooks';
import { timeZoneContract } from './time-zones';

export type { ContractStore, MakeStore } from './contract-store';

/**
 * What every implementation of the Store port must do, as the core relies
 * on it: run against the in-memory store of the test core and against
 * Postgres, so that the core's tests on the one say something about the
 * gateway on the other. `makeStore` gives a fresh, empty store each time.
 */
export function storeContract(name: string, makeStore: MakeStore): void {
  describe(`Store contract: ${name}`, () => {
    apiUserContract(makeStore);
    userGroupContract(makeStore);
    loginFailureContract(makeStore);
    agentContract(makeStore);
    sessionContract(makeStore);
    agentStateSpanContract(makeStore);
    liveAgentContract(makeStore);
    extensionContract(makeStore);
    trunkContract(makeStore);
    queueContract(makeStore);
    callContract(makeStore);
    playbackContract(makeStore);
    cdrContract(makeStore);
    mailboxContract(makeStore);
    eventLogContract(makeStore);
    outboxContract(makeStore);
    listCustomFieldContract(makeStore);
    leadArchiveContract(makeStore);
    tokenContract(makeStore);
    diallingContract(makeStore);
    lookupContract(makeStore);
    listingContract(makeStore);
    transactionContract(makeStore);
    voiceBroadcastContract(makeStore);
    webhookContract(makeStore);
    timeZoneContract(makeStore);
  });
}
