import type { CoreContext } from '../kernel/context';
import type { TrackWork } from '../kernel/tracked-work';
import { interceptCall, type InterceptRequest } from './intercept-call';
import { startSupervision } from './start-supervision';
import { stopSupervision } from './stop-supervision';
import { switchSupervision, type SupervisionSwitch } from './switch-supervision';
import type { SupervisionMode } from '../calls/call-progress';
import type { SupervisionRequest } from './supervision';

/** A supervisor listening to, whispering to or barging into a call. */
export interface SupervisionCommands {
  /** Rings the supervisor's phone, which joins the supervised leg once answered. */
  startSupervision(request: SupervisionRequest): Promise<{ callId: string }>;
  /** Ends the supervision a signed-in agent runs. */
  stopSupervision(request: { supervisorAgentId: string }): Promise<{ callId: string }>;
  /** Changes the mode of the supervision a signed-in agent runs (the snoop is replaced; the phone stays up). */
  switchSupervision(request: SupervisionSwitch): Promise<{ callId: string; mode: SupervisionMode }>;
  /** The supervising agent takes over the customer call it supervises; the supervised agent is taken off it. */
  interceptCall(request: InterceptRequest): Promise<{ callId: string }>;
}

export function supervisionCommands(ctx: CoreContext, track: TrackWork): SupervisionCommands {
  return {
    startSupervision: (request) => track(startSupervision(ctx, request)),
    stopSupervision: (request) => track(stopSupervision(ctx, request)),
    switchSupervision: (request) => track(switchSupervision(ctx, request)),
    interceptCall: (request) => track(interceptCall(ctx, request)),
  };
}
