import type { CoreContext } from '../kernel/context';
import type { DidLogSearch } from './did';

/** A call that reached a public number, with how long it lasted in the gateway's in-groups. */
export interface DidCall {
  callId: string;
  did: string;
  /** The route the DID had when the call came (empty: no DID). */
  route: string;
  callerIdNumber: string;
  calledAt: Date;
  /**
   * Seconds from the call's arrival to its end when it entered an in-group
   * and has ended; 0 otherwise (VICIdial counts the in-group's log of the
   * call, which a call routed elsewhere or still going does not yet have).
   */
  seconds: number;
}

/** The DID log's most rows VICIdial's export reads. */
const LOG_LIMIT = 100_000;

export async function findDidCalls(ctx: CoreContext, search: DidLogSearch): Promise<DidCall[]> {
  const direct = ctx.store.direct;
  const entries = await direct.dids.findLog(search, LOG_LIMIT);
  const calls: DidCall[] = [];
  for (const entry of entries) {
    const call = await direct.calls.get(entry.callId);
    const queued = call?.purpose === 'inbound' && call.progress.queueName !== null;
    const seconds = queued && call.endedAt ? Math.max(0, Math.round((call.endedAt.getTime() - entry.calledAt.getTime()) / 1000)) : 0;
    calls.push({ callId: entry.callId, did: entry.did, route: entry.route, callerIdNumber: entry.callerIdNumber, calledAt: entry.calledAt, seconds });
  }
  return calls;
}
