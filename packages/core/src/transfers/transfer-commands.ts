import { endAgentCallRecordings } from '../recording/agent-call-recordings-end';
import { DomainError } from '../errors/domain-error';
import type { Leg } from '../calls/call';
import type { CoreContext } from '../kernel/context';
import { ownerOf } from '../kernel/owner-queue';
import type { TrackWork } from '../kernel/tracked-work';
import { inTransaction, type UnitOfWork } from '../kernel/unit-of-work';
import { hangupRequestedLeg } from '../calls/leg-hangup';
import { releaseAgentFromCall } from '../calls/call-lifecycle';
import type { AgentSession } from '../agents/agent';
import { agentLeavesCall } from './agent-leaves';
import { connectedCustomer, customerRoleOf, isLiveCustomerCall, liveLegOf, lockAgentTalk, type AgentTalk, type CustomerCall } from './agent-call';
import { grabLeg, isParked, parkLeg } from './park';
import { leaveMessage } from './customer-message';
import { resolveMediaList, type MediaRequest } from '../playback/media-resolution';
import { addThirdPartyLeg, type ThirdPartyRequest } from './third-party';
import { setAgentMuted } from './agent-mute';
import { addQueueThirdPartyLeg, type QueueThirdPartyRequest } from './queue-third-party';
import { startTransferOnAnswer, type TransferOnAnswerRequest } from './transfer-on-answer';
import { transferCustomerToQueue, type QueueTransferRequest } from './queue-transfer';
import { dispositionNamedCall } from '../leads/call-disposition';
import { recordMultiDialRequest } from './multi-dial';
import type { MultiDialOutcome } from './multi-dial-request';
import { extensionPartyRoleOf, isExtensionCall, type ExtensionCall, type TransferableCall } from './extension-call';
import { extensionLeavesCall } from './extension-leaves';
import { dialHelperAgent } from './helper-agent';
import { dialQueueHelper } from './skill-helper';
import { releaseCustomerByNumber } from './customer-release';

/** A party of an agent's customer call other than the agent. */
export type CallParty = 'customer' | 'third_party';

/** Third parties, transfers and parking on an agent's customer call. */
export interface TransferCommands {
  /**
   * Dials a third party into the agent's call while the customer stays
   * (3-way call, consultation); with `parkCustomer` the customer is parked
   * first, so agent and third party talk alone until the customer is grabbed.
   */
  dialThirdParty(request: { agentId: string; parkCustomer?: boolean } & ThirdPartyRequest): Promise<{ legId: string }>;
  /**
   * Dials a queue as the third party (transfers/queue-third-party.ts): the
   * queue's agent takes it as a queued call of its own and joins agent and
   * customer; with `parkCustomer` the customer is parked first, as above.
   */
  dialQueueThirdParty(request: { agentId: string; parkCustomer?: boolean } & QueueThirdPartyRequest): Promise<{ legId: string }>;
  /**
   * Rings another agent's phone into the agent's call to help (transfers/helper-agent.ts):
   * the helping agent's session is in the call while its phone is; with
   * `parkCustomer` the customer is held first, so the two agents talk alone.
   */
  dialHelperAgent(request: { agentId: string; helperAgentId: string; parkCustomer: boolean }): Promise<{ callId: string; legId: string }>;
  /**
   * The same with the queue's next available agent as the helper, in the
   * order the queue offers its calls (transfers/skill-helper.ts).
   */
  dialQueueHelper(request: { agentId: string; queueName: string; parkCustomer: boolean }): Promise<{ callId: string; legId: string; helperAgentId: string }>;
  /**
   * Hangs up the third party only; agent and customer talk on (a parked
   * customer stays parked). With `number`, only a third party dialled to that
   * number: false when the call has none.
   */
  hangupThirdParty(request: { agentId: string; number?: string }): Promise<{ hungUp: boolean }>;
  /**
   * Releases the customer of the agent's callout, named by its number, while
   * the agent talks with a third party it dialled: the call goes on between
   * agent and party (transfers/customer-release.ts). False when there is no
   * such customer to release.
   */
  releaseCustomer(request: { agentId: string; number: string }): Promise<{ released: boolean }>;
  /**
   * A helping agent leaves the call it helps in: its phone is hung up (its
   * session leaves the call as the leg ends). False when the agent helps in
   * no call.
   */
  leaveHelp(request: { agentId: string }): Promise<{ left: boolean }>;
  /** Hangs up customer (of a callout, or the caller of a queued call the agent took) and third party; the agent goes to after-call work. */
  hangupCallParties(request: { agentId: string }): Promise<void>;
  /**
   * The agent leaves its 3-way call (or its consultation, the customer parked):
   * customer and third party talk on without it, a parked customer back in
   * the call's bridge. The agent's session goes to `agentAfterCall` (default
   * after-call work). With a `tag` (the dialect's word for the leaving as a
   * transfer of the customer to the third party) it is announced as one
   * (`CustomerTransferred`, the call its own target), before the agent's state.
   */
  leaveThreeWayCall(request: { agentId: string; agentAfterCall?: AgentSession['afterCall']; tag?: string }): Promise<void>;
  /** Transfers the agent's customer to a number: it hears ringing until the number answers; the agent is free at once. */
  blindTransfer(request: { agentId: string; agentAfterCall?: AgentSession['afterCall'] } & ThirdPartyRequest): Promise<{ legId: string }>;
  /**
   * Transfers the agent's customer to a number once it answers: the customer
   * waits on hold, still the agent's, while the number rings; its answer
   * frees the agent (`CustomerTransferred`), its failure (no answer within
   * the ring time, busy, refused) gives the customer back (`TransferFailed`).
   */
  transferOnAnswer(request: { agentId: string } & TransferOnAnswerRequest & ThirdPartyRequest): Promise<{ legId: string }>;
  /**
   * The same with a queue as the target (Huawei's success transfer to a
   * skill or an agent): the customer waits on hold, still the agent's, while
   * the queue's agents (or the one agent named) are offered a queued call of
   * their own; the first to answer frees the agent and talks with the
   * customer, and the queued call ending untaken (the ring time of the dial,
   * the queue's longest wait, the named agent unable to take it or not
   * answering) gives the customer back.
   */
  transferToQueueOnAnswer(request: { agentId: string } & TransferOnAnswerRequest & Omit<QueueThirdPartyRequest, 'answerWhenTaken'>): Promise<{ legId: string }>;
  /**
   * A blind transfer of a call named by its id, whoever's it is, with the
   * status the call takes (NamedCallStatus): an agent's customer call (its
   * callout, or a queued call it talks in) as blindTransfer does, or an
   * extension's call (click-to-call, a voice menu it answered), whose
   * extension leaves as the agent does.
   */
  transferCall(request: { callId: string } & NamedCallStatus & ThirdPartyRequest): Promise<{ legId: string }>;
  /**
   * Transfers the agent's customer into a queue, where it waits with music
   * on hold for one of the queue's agents (or the one agent named); the
   * agent is free at once. The queued call's id.
   */
  transferToQueue(request: { agentId: string } & QueueTransferRequest): Promise<{ callId: string }>;
  /** The same, for a call named by its id (the calls transferCall takes), with the status the call takes (NamedCallStatus). */
  transferCallToQueue(request: { callId: string } & NamedCallStatus & QueueTransferRequest): Promise<{ callId: string }>;
  /** Leaves the customer with a message that plays to it alone; the call ends when it is over, the agent goes to after-call work. */
  leaveCustomerMessage(request: { agentId: string; media: MediaRequest | readonly MediaRequest[] }): Promise<void>;
  /** Hangs up every leg of a call named by its id, with the status the call takes (NamedCallStatus). */
  hangupCall(request: { callId: string } & NamedCallStatus): Promise<void>;
  /** Puts a party of the agent's call on hold with music; false when that party is not there to park. */
  parkCallParty(request: { agentId: string; party: CallParty }): Promise<{ parked: boolean }>;
  /** Brings a parked party back into the call; false when it was not parked. */
  grabCallParty(request: { agentId: string; party: CallParty }): Promise<{ grabbed: boolean }>;
  /** Mutes (or unmutes) the agent on its customer call; false when it already was so, or its phone is not on the call. */
  muteAgent(request: { agentId: string; muted: boolean }): Promise<{ changed: boolean }>;
  /** Keeps the numbers an agent asks to have dialled at once for a 3-way call, in place of its previous request; none is dialled. */
  recordMultiDialRequest(request: { agentId: string; numbers: readonly string[] }): Promise<MultiDialOutcome>;
}

/**
 * A status for a call named by its id (a disposition given by whoever
 * controls it): its lead and its log entry take it, and the agent whose lead
 * it is moves on as after its own disposition (leads/call-disposition.ts).
 * Absent or null: none.
 */
export interface NamedCallStatus {
  status?: string | null;
}

/** The leg role of a party in a call of either kind (a queued call's customer is its caller). */
const roleOf = (call: CustomerCall, party: CallParty): Leg['role'] => (party === 'customer' ? customerRoleOf(call) : 'third_party');

export function transferCommands(ctx: CoreContext, track: TrackWork): TransferCommands {
  /**
   * Runs a unit of work on the call the agent talks in with a customer (a
   * callout or a queued call), in the queue of the call's owner, where its
   * engine events are handled too.
   */
  const onAgentTalk = async <T>(agentId: string, work: (uow: UnitOfWork, found: AgentTalk) => Promise<T>): Promise<T> => {
    const session = await ctx.store.direct.sessions.get(agentId);
    if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${agentId} is not logged in`);
    const callId = session.currentCallId;
    if (callId === null) throw new DomainError('NO_ACTIVE_CALL', `agent ${agentId} talks with no customer`);
    return track(ctx.queue.run(ownerOf(callId), () => inTransaction(ctx, async (uow) => work(uow, await lockAgentTalk(uow, agentId, callId)))));
  };

  /**
   * Adds a third party (`addLeg`: a number, a queue) to the call the agent
   * talks in, the customer first put on hold when asked (consulting alone).
   */
  const dialIntoTalk = (
    agentId: string,
    parkCustomer: boolean | undefined,
    addLeg: (uow: UnitOfWork, call: CustomerCall, legs: readonly Leg[]) => Promise<{ leg: Leg }>,
  ): Promise<{ legId: string }> =>
    onAgentTalk(agentId, async (uow, { call, legs }) => {
      const customer = connectedCustomer(legs, customerRoleOf(call));
      const { leg } = await addLeg(uow, parkCustomer ? parkLeg(ctx, uow, call, customer) : call, legs);
      return { legId: leg.id };
    });

  /**
   * Runs a unit of work on a live call named by its id (locked by `lock`,
   * which refuses the calls the work does not apply to), in the call's
   * queue, with the session of its agent if any; a status given is the
   * call's disposition before the work is done.
   */
  const onNamedCall = <C extends TransferableCall, T>(
    { callId, status }: { callId: string } & NamedCallStatus,
    lock: (uow: UnitOfWork, callId: string) => Promise<C>,
    work: (uow: UnitOfWork, found: { session: AgentSession | null; call: C; legs: Leg[] }) => Promise<T>,
  ): Promise<T> =>
    track(
      ctx.queue.run(ownerOf(callId), () =>
        inTransaction(ctx, async (uow) => {
          const call = await lock(uow, callId);
          const locked = call.agentId ? await uow.tx.sessions.lock(call.agentId) : null;
          const session = status ? await dispositionNamedCall(ctx, uow, locked, call, status) : locked;
          return work(uow, { session, call, legs: await uow.tx.calls.legsOf(callId) });
        }),
      ),
    );

  return {
    recordMultiDialRequest: (request) => track(recordMultiDialRequest(ctx, request)),

    dialThirdParty: ({ agentId, parkCustomer, ...party }) =>
      dialIntoTalk(agentId, parkCustomer, (uow, call, legs) => addThirdPartyLeg(ctx, uow, call, legs, party)),

    dialQueueThirdParty: ({ agentId, parkCustomer, ...target }) =>
      dialIntoTalk(agentId, parkCustomer, (uow, call, legs) => addQueueThirdPartyLeg(ctx, uow, call, legs, target)),

    dialHelperAgent: ({ agentId, helperAgentId, parkCustomer }) =>
      onAgentTalk(agentId, async (uow, { call, legs }) => ({ callId: call.id, legId: (await dialHelperAgent(ctx, uow, call, legs, helperAgentId, parkCustomer)).id })),

    dialQueueHelper: ({ agentId, queueName, parkCustomer }) =>
      onAgentTalk(agentId, async (uow, { call, legs }) => {
        const { leg, helperAgentId } = await dialQueueHelper(ctx, uow, call, legs, queueName, parkCustomer);
        return { callId: call.id, legId: leg.id, helperAgentId };
      }),

    hangupThirdParty: ({ agentId, number }) =>
      onAgentTalk(agentId, async (uow, { legs }) => {
        const live = liveLegOf(legs, 'third_party');
        const thirdParty = live && (number === undefined || live.dialedNumber === number) ? live : null;
        if (thirdParty) await hangupRequestedLeg(ctx, uow, thirdParty, 'hang up third party');
        return { hungUp: thirdParty !== null };
      }),

    releaseCustomer: ({ agentId, number }) =>
      onAgentTalk(agentId, async (uow, { call, legs }) => ({ released: await releaseCustomerByNumber(ctx, uow, call, legs, number) })),

    leaveHelp: async ({ agentId }) => {
      const session = await ctx.store.direct.sessions.get(agentId);
      const callId = session?.currentCallId ?? null;
      if (callId === null) return { left: false };
      return track(
        ctx.queue.run(ownerOf(callId), () =>
          inTransaction(ctx, async (uow) => {
            const call = await uow.tx.calls.lock(callId);
            if (!call || call.state === 'ended' || (call.purpose !== 'agent_customer' && call.purpose !== 'inbound')) return { left: false };
            const helper = call.progress.helperLeg;
            const leg = helper?.agentId === agentId ? (await uow.tx.calls.legsOf(callId)).find((one) => one.id === helper.legId) : undefined;
            if (!leg || leg.state === 'ended' || leg.hangupRequested) return { left: false };
            // Not marked as the gateway's hang-up: the helper hangs up its own phone, and its end reports so (the helper released).
            uow.engine.command('hang up helper phone', () => ctx.pbx.hangup(leg.id));
            return { left: true };
          }),
        ),
      );
    },

    hangupCallParties: ({ agentId }) =>
      onAgentTalk(agentId, async (uow, { session, call, legs }) => {
        // The agent's phone stays (in its conference, or hung up with the call without one).
        for (const leg of legs) if (leg.role !== 'agent' && leg.state !== 'ended' && !leg.hangupRequested) await hangupRequestedLeg(ctx, uow, leg, 'hang up party');
        await uow.tx.calls.update(withAgentLeft(call));
        await releaseAgentFromCall(ctx, uow, session, 'wrap_up');
      }),

    leaveThreeWayCall: ({ agentId, agentAfterCall, tag }) =>
      onAgentTalk(agentId, async (uow, { session, call, legs }) => {
        connectedCustomer(legs, customerRoleOf(call));
        if (!liveLegOf(legs, 'third_party')) throw new DomainError('NO_ACTIVE_CALL', 'no third party to leave the customer with');
        if (tag !== undefined) uow.publish({ type: 'CustomerTransferred', callId: call.id, agentId, toCallId: call.id, tag, tenant: call.tenant, at: uow.now });
        await endAgentCallRecordings(ctx, uow, agentId, call.id);
        await agentLeavesCall(ctx, uow, session, call, legs, agentAfterCall);
      }),

    leaveCustomerMessage: async ({ agentId, media }) => {
      const resolved = resolveMediaList(Array.isArray(media) ? media : [media as MediaRequest], ctx.config.media);
      return onAgentTalk(agentId, async (uow, found) => void (await leaveMessage(ctx, uow, found, resolved)));
    },

    blindTransfer: ({ agentId, agentAfterCall, ...party }) =>
      onAgentTalk(agentId, async (uow, { session, call, legs }) => ({ legId: await transferCustomer(ctx, uow, session, call, legs, party, agentAfterCall) })),

    transferOnAnswer: ({ agentId, agentAfterCall, tag, ...party }) =>
      onAgentTalk(agentId, async (uow, { call, legs }) => ({
        legId: await startTransferOnAnswer(ctx, uow, call, legs, (held, before) => addThirdPartyLeg(ctx, uow, held, before, party), { agentAfterCall, tag }),
      })),

    transferToQueueOnAnswer: ({ agentId, agentAfterCall, tag, ...target }) =>
      onAgentTalk(agentId, async (uow, { call, legs }) => ({
        legId: await startTransferOnAnswer(ctx, uow, call, legs, (held, before) => addQueueThirdPartyLeg(ctx, uow, held, before, { ...target, answerWhenTaken: true }), { agentAfterCall, tag }),
      })),

    transferCall: ({ callId, status, ...party }) =>
      onNamedCall({ callId, status }, lockTransferableCall, async (uow, { session, call, legs }) => ({
        legId: isExtensionCall(call) ? await transferExtensionParty(ctx, uow, call, legs, party) : await transferCustomer(ctx, uow, session, call, legs, party),
      })),

    transferToQueue: ({ agentId, ...target }) =>
      onAgentTalk(agentId, async (uow, { session, call, legs }) => ({ callId: await transferCustomerToQueue(ctx, uow, session, call, legs, target) })),

    transferCallToQueue: ({ callId, status, ...target }) =>
      onNamedCall({ callId, status }, lockTransferableCall, async (uow, { session, call, legs }) => ({ callId: await transferCustomerToQueue(ctx, uow, session, call, legs, target) })),

    hangupCall: (request) =>
      onNamedCall(request, lockLiveCustomerCall, async (uow, { legs }) => {
        for (const leg of legs) {
          if (leg.state !== 'ended' && !leg.hangupRequested) await hangupRequestedLeg(ctx, uow, leg, 'hang up call');
        }
      }),

    parkCallParty: ({ agentId, party }) =>
      onAgentTalk(agentId, async (uow, { call, legs }) => {
        const leg = liveLegOf(legs, roleOf(call, party));
        if (!leg || leg.state !== 'up' || isParked(call, leg)) return { parked: false };
        const held = parkLeg(ctx, uow, call, leg);
        await uow.tx.calls.update(held);
        uow.publish({ type: 'CallPartyHeld', call: held, leg, at: uow.now });
        return { parked: true };
      }),

    grabCallParty: ({ agentId, party }) =>
      onAgentTalk(agentId, async (uow, { call, legs }) => {
        const leg = liveLegOf(legs, roleOf(call, party));
        if (!leg || !isParked(call, leg)) return { grabbed: false };
        const retrieved = grabLeg(ctx, uow, call, leg);
        await uow.tx.calls.update(retrieved);
        uow.publish({ type: 'CallPartyRetrieved', call: retrieved, leg, at: uow.now });
        return { grabbed: true };
      }),

    muteAgent: ({ agentId, muted }) => onAgentTalk(agentId, async (uow, found) => ({ changed: await setAgentMuted(ctx, uow, found, muted) })),
  };
}

/** The call once its agent is off it (its phone's end no longer ends the call). */
function withAgentLeft<C extends CustomerCall>(call: C): C {
  return { ...call, progress: { ...call.progress, agentLeft: true } };
}

/**
 * A blind transfer: the agent leaves, the customer hears ringing in the
 * call's own bridge, and the number is dialled into it. If the number does
 * not answer, the call ends (the third party's end ends it once the agent is
 * gone).
 */
async function transferCustomer(
  ctx: CoreContext,
  uow: UnitOfWork,
  session: AgentSession | null,
  call: CustomerCall,
  legs: readonly Leg[],
  party: ThirdPartyRequest,
  agentAfterCall?: AgentSession['afterCall'],
): Promise<string> {
  const customer = connectedCustomer(legs, customerRoleOf(call));
  if (liveLegOf(legs, 'third_party')) throw new DomainError('INVALID_ARGUMENT', 'a third party is already on the call');
  const left = await agentLeavesCall(ctx, uow, session, call, legs, agentAfterCall);
  uow.engine.bestEffort('ring customer', () => ctx.pbx.setRinging(customer.id, true));
  const { leg } = await addThirdPartyLeg(ctx, uow, left, legs, party);
  return leg.id;
}

/**
 * A blind transfer of an extension's party (extension-leaves.ts): the
 * extension's leg goes, the party hears ringing in the call's bridge, and
 * the number is dialled into it; the third party's end then ends the call.
 */
async function transferExtensionParty(ctx: CoreContext, uow: UnitOfWork, call: ExtensionCall, legs: readonly Leg[], party: ThirdPartyRequest): Promise<string> {
  const stays = connectedCustomer(legs, extensionPartyRoleOf(call));
  const left = await extensionLeavesCall(ctx, uow, call, legs);
  uow.engine.bestEffort('ring party', () => ctx.pbx.setRinging(stays.id, true));
  const { leg } = await addThirdPartyLeg(ctx, uow, left, legs, party);
  return leg.id;
}

/**
 * A call named by its id whose party can be handed on: an agent's callout,
 * a queued call an agent talks in, an extension's call (NO_ACTIVE_CALL
 * otherwise; an extension call not talking is refused by the transfer).
 */
async function lockTransferableCall(uow: UnitOfWork, callId: string): Promise<TransferableCall> {
  const call = await uow.tx.calls.lock(callId);
  if (call && call.state !== 'ended') {
    if (call.purpose === 'agent_customer' || call.purpose === 'click_to_call' || call.purpose === 'voice_menu') return call;
    if (call.purpose === 'inbound' && call.progress.stage === 'connected' && call.progress.agentLeft !== true) return call;
  }
  throw new DomainError('NO_ACTIVE_CALL', `no live call ${callId} to transfer`);
}

/**
 * A customer call that is still going, named by its id: an agent's callout,
 * or a queued call an agent took (NO_ACTIVE_CALL otherwise, and for a queued
 * call still waiting or ringing, which no agent has yet).
 */
async function lockLiveCustomerCall(uow: UnitOfWork, callId: string): Promise<CustomerCall> {
  const call = await uow.tx.calls.lock(callId);
  if (call && isLiveCustomerCall(call)) return call;
  throw new DomainError('NO_ACTIVE_CALL', `no live customer call ${callId}`);
}
