import { newCall, newLeg } from '../calls/call-factory';
import { dialLeg } from '../calls/call-primitives';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { newCallId } from '../kernel/ids';
import { requireEngine } from '../kernel/engine';
import { findExtension } from '../directory/extension-lookup';
import { findSupervisedLeg } from './supervised-leg';
import { SUPERVISOR_ORDINAL, supervisionCall } from './supervision-flow';
import type { SupervisionRequest } from './supervision';

/**
 * Rings the supervisor's phone; once it answers, it joins the supervised leg
 * as the mode says (supervision-flow). The supervisor is found before the
 * supervised party, each as the directory finds extensions; a supervised
 * party that is in no call is LEG_NOT_FOUND.
 */
export async function startSupervision(ctx: CoreContext, request: SupervisionRequest): Promise<{ callId: string }> {
  // Without the engine the live legs the gateway has recorded cannot be trusted to be there.
  requireEngine(ctx, 'supervise');
  const supervisorExtension = await findExtension(ctx.store.direct, request.supervisor.selector, request.supervisor.dialplan);
  const supervised = await findSupervisedLeg(ctx, request.supervised);
  const callId = newCallId(ctx.ids, null);
  return ctx.queue.run(callId, () =>
    inTransaction(ctx, async (uow) => {
      const { tx, now } = uow;
      const extension = await findExtension(tx, { by: 'id', value: String(supervisorExtension.id) }, null);
      const call = newCall(
        {
          id: callId,
          purpose: 'supervision',
          progress: { stage: 'ringing_supervisor', mode: request.mode, targetLegId: supervised.id, targetChannelName: supervised.channelName ?? '' },
          agentId: null,
          fromNumber: request.callerId.number,
          toNumber: extension.internalNumber,
          extension: extension.internalNumber,
          origin: request.origin,
          data: request.data,
        },
        now,
      );
      const supervisor = newLeg(call, SUPERVISOR_ORDINAL, 'supervisor', extension.endpoint, request.callerId, now, {
        dialedNumber: extension.internalNumber,
        account: { kind: 'extension', id: extension.id },
      });
      await tx.calls.insert(call);
      await tx.calls.insertLeg(supervisor);
      dialLeg(ctx, uow, supervisor, {
        what: 'ring supervisor',
        timeoutSec: request.ringSec ?? ctx.config.agentRingTimeoutSec,
        flow: supervisionCall,
        refusal: 'reported',
      });
      return { callId };
    }),
  );
}
