import type { JSONSchemaType } from 'ajv';
import { addressAllowed, attribute, authenticateCompany, COMPANY_ATTRIBUTES, TOKEN_KIND } from '../auth';
import { transport } from '../errors';
import { text } from '../messages';
import type { SipcallSettings } from '../settings';
import { success } from '../wire/envelope';
import { paramsFailure, paramsInput, PRINTABLE, type ParamRule } from '../wire/params';
import { localTimeFormatter } from '../wire/time';
import { refuse, serviceKind, type SipcallService } from './service';

interface LoginParams {
  appid: string;
  accesskey: string;
}

const schema: JSONSchemaType<LoginParams> = {
  type: 'object',
  properties: {
    appid: { type: 'string', maxLength: 64, pattern: PRINTABLE },
    accesskey: { type: 'string', maxLength: 128, pattern: PRINTABLE },
  },
  required: ['appid', 'accesskey'],
};

const rules: readonly ParamRule[] = [
  { name: 'appid', invalid: { key: 'invalidCharacters' } },
  { name: 'accesskey', invalid: { key: 'invalidCharacters' } },
];

/**
 * `App.Sip_Auth.Login`: `appid` + `accesskey` → a 32-hex token valid for
 * `tokenTtlMs` (12 hours), with the company's code and name. Each Login
 * issues a new token and leaves earlier ones valid until they expire, since
 * clients share credentials between processes.
 */
export function login(settings: SipcallSettings): SipcallService {
  const kind = serviceKind(settings);
  const formatTime = localTimeFormatter(settings.callbacks.timeZone);
  return kind.define({
    name: 'App.Sip_Auth.Login',
    service: 'App.Sip_Auth.Login',
    auth: 'none',
    input: paramsInput(kind.compile(schema), rules),
    invalidInput: (errors) => paramsFailure(rules, errors, settings.language),
    async run(ctx, { appid, accesskey }) {
      const user = await authenticateCompany(ctx.core, appid, accesskey);
      ctx.apiUserId = user.id;
      if (!addressAllowed(user, ctx.remoteAddress)) throw refuse(transport(604, 'ipNotAuthorized'));
      const issued = await ctx.core.issueAccessToken({ kind: TOKEN_KIND, shape: 'hex32', subject: user.id, ttlMs: settings.tokenTtlMs });
      return { user, token: issued.token };
    },
    render({ user, token }, ctx) {
      const now = ctx.core.clock.now();
      const result = {
        companycode: attribute(user, COMPANY_ATTRIBUTES.code),
        companyname: attribute(user, COMPANY_ATTRIBUTES.name),
        token,
        authtime: formatTime(now),
        authmodel: attribute(user, COMPANY_ATTRIBUTES.authModel),
      };
      return success(text(settings.language, 'loginDone'), ctx.reqtime, now, result);
    },
  });
}
