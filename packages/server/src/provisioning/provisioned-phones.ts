import { isDomainError, type CallControl, type Pbx } from '@pbx-gateway/core';
import type { Logger } from 'pino';
import type { ProvisioningDocument } from './provisioning-document';

/**
 * A session provisioned with `connectPhone` has its phone in its conference
 * after every reconnection to the engine, as after every start of the
 * gateway (startProvisionedSessions): the engine may have restarted and
 * forgotten the phone, and the gateway cannot tell that from the phone being
 * hung up while it was not listening. Once the core has reconciled (a phone
 * the engine no longer has is ended then), the phone is rung again.
 */
export function keepProvisionedPhonesConnected(
  core: CallControl,
  pbx: Pick<Pbx, 'onEvent'>,
  documents: readonly ProvisioningDocument[],
  logger: Logger,
): void {
  const agentIds = documents.flatMap((document) => document.sessions ?? []).filter((entry) => entry.connectPhone).map((entry) => entry.agentId);
  if (agentIds.length === 0) return;
  pbx.onEvent((event) => {
    if (event.type !== 'pbx_connected') return;
    // The core hears the event first and is reconciling by now.
    void core.idle().then(() => reconnectPhones(core, agentIds, logger));
  });
}

async function reconnectPhones(core: CallControl, agentIds: readonly string[], logger: Logger): Promise<void> {
  for (const agentId of agentIds) {
    try {
      const { rung } = await core.connectAgentPhone({ agentId });
      if (rung) logger.info({ agentId }, 'provisioned phone rung into its conference again after reconnecting to the engine');
    } catch (error) {
      // A session logged out (or without a conference) since it was provisioned has no phone to keep.
      if (isDomainError(error, 'AGENT_NOT_LOGGED_IN') || isDomainError(error, 'SESSION_HAS_NO_CONFERENCE')) continue;
      logger.warn({ agentId, error: error instanceof Error ? error.message : String(error) }, 'could not ring a provisioned phone into its conference');
    }
  }
}
