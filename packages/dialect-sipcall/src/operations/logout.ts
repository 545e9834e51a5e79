import type { JSONSchemaType } from 'ajv';
import { authenticateCompany, TOKEN_KIND } from '../auth';
import { said } from '../errors';
import { badRequest, text } from '../messages';
import type { SipcallSettings } from '../settings';
import { success } from '../wire/envelope';
import { paramsFailure, paramsInput, PRINTABLE, type ParamRule } from '../wire/params';
import { refuse, serviceKind, type SipcallService } from './service';

interface LogoutParams {
  token?: string;
  appid?: string;
  accesskey?: string;
}

const schema: JSONSchemaType<LogoutParams> = {
  type: 'object',
  properties: {
    token: { type: 'string', maxLength: 200, pattern: PRINTABLE, nullable: true },
    appid: { type: 'string', maxLength: 64, pattern: PRINTABLE, nullable: true },
    accesskey: { type: 'string', maxLength: 128, pattern: PRINTABLE, nullable: true },
  },
  // Either the token to clear or the account's credentials (some clients log out that way): checked below.
};

const rules: readonly ParamRule[] = [
  { name: 'token', invalid: { key: 'invalidCharacters' } },
  { name: 'appid', invalid: { key: 'invalidCharacters' } },
  { name: 'accesskey', invalid: { key: 'invalidCharacters' } },
];

/**
 * `App.Sip_Auth.Logout`: clears the token. Idempotent: an unknown or expired
 * token is already logged out, so the answer is success either way. Given
 * `appid` + `accesskey` instead, the credentials are checked (wrong ones are
 * answered as Login answers them) and every token of the account is cleared.
 */
export function logout(settings: SipcallSettings): SipcallService {
  const kind = serviceKind(settings);
  const language = settings.language;
  return kind.define({
    name: 'App.Sip_Auth.Logout',
    service: 'App.Sip_Auth.Logout',
    auth: 'none',
    input: paramsInput(kind.compile(schema), rules),
    invalidInput: (errors) => paramsFailure(rules, errors, language),
    async run(ctx, { token, appid, accesskey }): Promise<void> {
      const { core } = ctx;
      if (token !== undefined) {
        const access = await core.resolveAccessToken(TOKEN_KIND, token);
        ctx.apiUserId = access?.subject ?? null;
        await core.revokeAccessToken(TOKEN_KIND, token);
        return;
      }
      if (appid === undefined || accesskey === undefined) {
        // A client logging out with its credentials is told what its form lacks, not that the token is missing.
        throw refuse(said(400, badRequest(language, 'missing', { name: appid !== undefined ? 'accesskey' : 'token' })));
      }
      const user = await authenticateCompany(core, appid, accesskey);
      ctx.apiUserId = user.id;
      // Logging out with the account's own credentials ends every token it holds.
      await core.revokeAccessTokensOf(TOKEN_KIND, user.id);
    },
    render: (_done, ctx) => success(text(language, 'logoutDone'), ctx.reqtime, ctx.core.clock.now()),
  });
}
