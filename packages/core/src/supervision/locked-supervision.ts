import type { CallOf } from '../calls/call';
import { DomainError } from '../errors/domain-error';
import { findExtension, type ExtensionSelector } from '../directory/extension-lookup';
import type { CoreContext } from '../kernel/context';
import { inTransaction, type UnitOfWork } from '../kernel/unit-of-work';

/** Whose supervision: a signed-in agent's, or the one an extension's phone runs (optionally on one supervised extension's call). */
export type SupervisorOf = { agentId: string } | { extension: ExtensionSelector; supervised: ExtensionSelector | null };

/**
 * Runs `work` on the supervision an agent is running, with its call locked
 * and in the call's turn of the command queue, so that a stop and a switch
 * for one supervisor never overlap. An agent not logged in is
 * AGENT_NOT_LOGGED_IN; one supervising nothing (or whose call has ended) is
 * NO_ACTIVE_CALL.
 */
export async function withAgentSupervision<T>(
  ctx: CoreContext,
  supervisorAgentId: string,
  work: (uow: UnitOfWork, call: CallOf<'supervision'>) => Promise<T>,
): Promise<T> {
  const session = await ctx.store.direct.sessions.get(supervisorAgentId);
  if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${supervisorAgentId} is not logged in`);
  const callId = session.currentCallId;
  const noSupervision = () => new DomainError('NO_ACTIVE_CALL', `agent ${supervisorAgentId} supervises no call`);
  if (callId === null) throw noSupervision();
  return lockedSupervision(ctx, callId, (call) => call.agentId === supervisorAgentId, noSupervision, work);
}

/**
 * As withAgentSupervision, for the supervision whose supervisor leg rings or
 * runs over an extension's phone; with `supervised`, only one joining that
 * extension's call. None is NO_ACTIVE_CALL.
 */
export async function withSupervisorOf<T>(
  ctx: CoreContext,
  supervisor: SupervisorOf,
  work: (uow: UnitOfWork, call: CallOf<'supervision'>) => Promise<T>,
): Promise<T> {
  if ('agentId' in supervisor) return withAgentSupervision(ctx, supervisor.agentId, work);
  const extension = await findExtension(ctx.store.direct, supervisor.extension, null);
  const supervised = supervisor.supervised ? await findExtension(ctx.store.direct, supervisor.supervised, null) : null;
  const noSupervision = () => new DomainError('NO_ACTIVE_CALL', `extension ${extension.internalNumber} supervises no call`);
  const overExtension = (account: { kind: string; id: number } | null, id: number): boolean => account?.kind === 'extension' && account.id === id;
  const joinsSupervised = async (targetLegId: string): Promise<boolean> => {
    if (!supervised) return true;
    const target = await ctx.store.direct.calls.getLeg(targetLegId);
    return target !== null && overExtension(target.account, supervised.id);
  };
  let callId: string | null = null;
  for (const { call, legs } of await ctx.store.direct.calls.listLive()) {
    if (call.purpose !== 'supervision') continue;
    const mine = legs.some((leg) => leg.role === 'supervisor' && leg.state !== 'ended' && overExtension(leg.account, extension.id));
    if (mine && (await joinsSupervised(call.progress.targetLegId))) {
      callId = call.id;
      break;
    }
  }
  if (callId === null) throw noSupervision();
  return lockedSupervision(ctx, callId, () => true, noSupervision, work);
}

async function lockedSupervision<T>(
  ctx: CoreContext,
  callId: string,
  belongs: (call: CallOf<'supervision'>) => boolean,
  noSupervision: () => DomainError,
  work: (uow: UnitOfWork, call: CallOf<'supervision'>) => Promise<T>,
): Promise<T> {
  return ctx.queue.run(callId, () =>
    inTransaction(ctx, async (uow) => {
      const call = await uow.tx.calls.lock(callId);
      if (!call || call.purpose !== 'supervision' || call.state === 'ended' || !belongs(call)) throw noSupervision();
      return work(uow, call);
    }),
  );
}
