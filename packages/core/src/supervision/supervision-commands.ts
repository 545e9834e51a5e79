import type { CoreContext } from '../kernel/context';
import type { TrackWork } from '../kernel/tracked-work';
import { startSupervision } from './start-supervision';
import type { SupervisionRequest } from './supervision';

/** A supervisor listening to, whispering to or barging into a call. */
export interface SupervisionCommands {
  /** Rings the supervisor's phone, which joins the supervised leg once answered. */
  startSupervision(request: SupervisionRequest): Promise<{ callId: string }>;
}

export function supervisionCommands(ctx: CoreContext, track: TrackWork): SupervisionCommands {
  return {
    startSupervision: (request) => track(startSupervision(ctx, request)),
  };
}
