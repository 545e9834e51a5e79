import type { SipcallSettings } from '../settings';
import { callPlacementService } from './call-placement';
import { makeCallPlacement, makeCallRules, makeCallSchema } from './make-call';
import type { SipcallService } from './service';

/**
 * `App.Sip_Call.MakePloyCall`, the "strategy" call: the vendor's CRM clients
 * send it MakeCall's parameters, and the strategy is the platform's choice
 * of the presented number. The gateway's strategy is MakeCall's (a number
 * of the trunk's caller-id pool unless `disnumber` names one), so the call
 * is placed as MakeCall places it; it keeps its own name in the call's
 * origin, the API log and GetBill.
 */
export function makePloyCall(settings: SipcallSettings): SipcallService {
  return callPlacementService(settings, 'MakePloyCall', makeCallSchema, makeCallRules, makeCallPlacement);
}
