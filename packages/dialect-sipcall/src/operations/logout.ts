import type { JSONSchemaType } from 'ajv';
import { isDomainError } from '@pbx-gateway/core';
import { TOKEN_KIND } from '../auth';
import { errorEnvelope } from '../errors';
import { badRequest, text } from '../messages';
import { success, transportError, type Answer } from '../wire/envelope';
import { checkParams, PRINTABLE, type ParamRule } from '../wire/params';
import type { ServiceFactory } from './service';

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
export const createLogoutService: ServiceFactory = (ajv, settings) => {
  const validate = ajv.compile(schema);
  return {
    operation: 'Logout',
    name: 'App.Sip_Auth.Logout',
    async run({ core, params, reqtime }): Promise<Answer> {
      const language = settings.language;
      const checked = checkParams(validate, rules, params, language);
      if (!checked.ok) return transportError(400, checked.msg);
      const { token, appid, accesskey } = checked.value;
      if (token === undefined && (appid === undefined || accesskey === undefined)) {
        // A client logging out with its credentials is told what its form lacks, not that the token is missing.
        return transportError(400, badRequest(language, 'missing', { name: appid !== undefined ? 'accesskey' : 'token' }));
      }
      let apiUserId: string | null = null;
      if (token !== undefined) {
        const access = await core.resolveAccessToken(TOKEN_KIND, token);
        apiUserId = access?.subject ?? null;
        await core.revokeAccessToken(TOKEN_KIND, token);
      } else {
        try {
          apiUserId = (await core.authenticateApiUser({ realm: 'sipcall', login: appid!, secret: accesskey! })).id;
          // Logging out with the account's own credentials ends every token it holds.
          await core.revokeAccessTokensOf(TOKEN_KIND, apiUserId);
        } catch (error) {
          if (!isDomainError(error)) throw error;
          return { envelope: errorEnvelope(error, 'Login', language, reqtime, core.clock.now()) };
        }
      }
      return { envelope: success(text(language, 'logoutDone'), reqtime, core.clock.now()), apiUserId };
    },
  };
};
