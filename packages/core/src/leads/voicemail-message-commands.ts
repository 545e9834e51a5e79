import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { agentOwner } from '../kernel/ids';
import { inTransaction } from '../kernel/unit-of-work';
import { resolveMediaList } from '../playback/media-resolution';

/** A voicemail message for the lead on an agent's screen; `leadId`, when given, must be that lead. */
export interface VoicemailMessageRequest {
  agentId: string;
  leadId: number | null;
  files: string[];
}

/**
 * Sets the message the voicemail drop of the lead on the agent's screen
 * leaves. Refused without a lead on the screen (NO_ACTIVE_LEAD) and for
 * another lead than that one (INVALID_ARGUMENT), and for files the gateway
 * would not play (MEDIA_NOT_ALLOWED). The lead it was set for.
 */
export async function setLeadVoicemailMessage(ctx: CoreContext, request: VoicemailMessageRequest): Promise<{ leadId: number }> {
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const session = await uow.tx.sessions.lock(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      const leadId = session.lead?.leadId ?? null;
      if (leadId === null) throw new DomainError('NO_ACTIVE_LEAD', `agent ${request.agentId} has no lead on the screen`);
      if (request.leadId !== null && request.leadId !== leadId) {
        throw new DomainError('INVALID_ARGUMENT', `lead ${request.leadId} is not the lead on the screen`, { leadId: request.leadId });
      }
      // Checked now, so that the drop does not find it unplayable later.
      resolveMediaList(request.files.map((name) => ({ kind: 'sound' as const, name })), ctx.config.media);
      await uow.tx.voicemailMessages.put({ leadId, files: [...request.files], setBy: request.agentId, setAt: uow.now });
      return { leadId };
    }),
  );
}
