import type { CoreContext } from '../kernel/context';
import type { TrackWork } from '../kernel/tracked-work';
import { startSupervision } from './start-supervision';
import { stopSupervision } from './stop-supervision';
import type { SupervisionRequest } from './supervision';

/** A supervisor listening to, whispering to or barging into a call. */
export interface SupervisionCommands {
  /** Rings the supervisor's phone, which joins the supervised leg once answered. */
  startSupervision(request: SupervisionRequest): Promise<{ callId: string }>;
  /** Ends the supervision a signed-in agent runs. */
  stopSupervision(request: { supervisorAgentId: string }): Promise<{ callId: string }>;
}

export function supervisionCommands(ctx: CoreContext, track: TrackWork): SupervisionCommands {
  return {
    startSupervision: (request) => track(startSupervision(ctx, request)),
    stopSupervision: (request) => track(stopSupervision(ctx, request)),
  };
}
