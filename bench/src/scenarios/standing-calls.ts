import { inParallel } from '../load/ccgateway-client';
import { VoipsunClient, type ListedLeg } from '../load/voipsun-client';
import { standingDestination, standingExtensionId, STANDING_EXTENSIONS } from '../plan/bench-plan';

/**
 * Calls that stay up in the background (listcalls, memory), placed through
 * the gateway as a CRM would: VoIPSUN `originate` from one extension each to
 * a number that answers and never hangs up.
 */
export class StandingCalls {
  private placed = 0;

  constructor(private readonly voipsun: VoipsunClient) {}

  /** Places calls until `count` are up, and waits until the listing shows both legs of each, answered. */
  async ensure(count: number): Promise<{ placed: number; up: number; setupSec: number; failures: string[] }> {
    if (count > STANDING_EXTENSIONS) throw new Error(`at most ${STANDING_EXTENSIONS} standing calls`);
    const started = Date.now();
    const failures: string[] = [];
    const indexes = Array.from({ length: Math.max(0, count - this.placed) }, (_, i) => this.placed + i);
    await inParallel(indexes, 10, async (i) => {
      const answer = await this.voipsun.call('originate', { srcExtenId: String(standingExtensionId(i)), dstNum: standingDestination(i) });
      if (answer.success !== 'true' && failures.length < 10) failures.push(JSON.stringify(answer));
    });
    this.placed = Math.max(this.placed, count);
    const deadline = Date.now() + 60000;
    let up = 0;
    for (;;) {
      up = countStandingCallsUp(await this.voipsun.listCalls());
      if (up >= count || Date.now() > deadline) break;
      await new Promise((done) => setTimeout(done, 500));
    }
    return { placed: indexes.length, up, setupSec: Math.round((Date.now() - started) / 100) / 10, failures };
  }
}

/** A standing call is up when its extension leg and its trunk leg are both listed as Up. */
export function countStandingCallsUp(legs: readonly ListedLeg[]): number {
  const first = standingExtensionId(0);
  const extensionsUp = new Set<number>();
  const destinationsUp = new Set<string>();
  for (const leg of legs) {
    if (leg.status !== 'Up') continue;
    const id = Number(leg.idChannel);
    if (leg.sourceType === 'extension' && id >= first && id < first + STANDING_EXTENSIONS) extensionsUp.add(id - first);
    if (leg.sourceType === 'trunk' && typeof leg.dst === 'string' && leg.dst.startsWith('7770')) destinationsUp.add(leg.dst);
  }
  let up = 0;
  for (const i of extensionsUp) if (destinationsUp.has(standingDestination(i))) up++;
  return up;
}
