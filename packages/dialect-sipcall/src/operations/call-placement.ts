import type { JSONSchemaType } from 'ajv';
import { tenantOf } from '../auth';
import { text } from '../messages';
import type { SipcallSettings } from '../settings';
import { echoData, type EchoParams } from '../wire/call-params';
import { success } from '../wire/envelope';
import { paramsFailure, paramsInput, type ParamRule } from '../wire/params';
import { companyOf, serviceKind, type SipcallService } from './service';

/** Who rings first, whom it then calls and what each is shown: what MakeCall and DoubleCall ask of the core's click-to-call. */
export interface CallPlacement {
  /** The extension the call belongs to (the CDR's extension); its phone rings first unless `sourceNumber` is given. */
  extnumber: string;
  /** An outside number rung first over the trunk instead of the extension's phone. */
  sourceNumber?: string;
  destination: string;
  /** The number the first side's phone shows. */
  sourceShows: string;
  disnumber?: string;
  echoed: EchoParams;
}

/**
 * A service that places a two-sided call through the core's click-to-call.
 * The answer only acknowledges the command, with no call id, as the
 * vendor's: the call is followed through the status callbacks of both sides
 * and the CDR callback.
 */
export function callPlacementService<Params>(
  settings: SipcallSettings,
  operation: 'MakeCall' | 'MakePloyCall' | 'DoubleCall',
  schema: JSONSchemaType<Params>,
  rules: readonly ParamRule[],
  placementOf: (request: Params) => CallPlacement,
): SipcallService {
  const kind = serviceKind(settings);
  const language = settings.language;
  const input = paramsInput(kind.compile(schema), rules);
  return kind.define({
    name: `App.Sip_Call.${operation}`,
    service: `App.Sip_Call.${operation}`,
    auth: 'token',
    input,
    invalidInput: (errors) => paramsFailure(rules, errors, language),
    async run(ctx, request): Promise<void> {
      const user = companyOf(ctx);
      const placement = placementOf(request);
      await ctx.core.startClickToCall({
        source: { by: 'internal_number', value: placement.extnumber },
        ...(placement.sourceNumber === undefined ? {} : { sourceNumber: placement.sourceNumber }),
        dialplan: null,
        destination: placement.destination,
        sourceCallerId: { number: placement.sourceShows, name: '' },
        destinationCallerId: placement.disnumber ?? null,
        callerIdFromPool: true,
        sourceRingSec: null,
        destinationRingSec: null,
        data: echoData(placement.echoed),
        tenant: tenantOf(user),
        origin: { dialect: 'sipcall', operation, apiUserId: user.id },
      });
    },
    render: (_done, ctx) => success(text(language, 'callDone'), ctx.reqtime, ctx.core.clock.now()),
  });
}
