import type { JSONSchemaType } from 'ajv';
import { isDomainError } from '@pbx-gateway/core';
import { addressAllowed, attribute, COMPANY_ATTRIBUTES, TOKEN_KIND } from '../auth';
import { errorEnvelope } from '../errors';
import { text } from '../messages';
import { success, transportError, type Answer } from '../wire/envelope';
import { checkParams, PRINTABLE, type ParamRule } from '../wire/params';
import { localTimeFormatter } from '../wire/time';
import type { ServiceFactory } from './service';

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
export const createLoginService: ServiceFactory = (ajv, settings) => {
  const validate = ajv.compile(schema);
  const formatTime = localTimeFormatter(settings.callbacks.timeZone);
  return {
    operation: 'Login',
    name: 'App.Sip_Auth.Login',
    async run({ core, params, reqtime, remoteAddress }): Promise<Answer> {
      const language = settings.language;
      const checked = checkParams(validate, rules, params, language);
      if (!checked.ok) return transportError(400, checked.msg);
      let user;
      try {
        user = await core.authenticateApiUser({ realm: 'sipcall', login: checked.value.appid, secret: checked.value.accesskey });
      } catch (error) {
        if (!isDomainError(error)) throw error;
        return { envelope: errorEnvelope(error, 'Login', language, reqtime, core.clock.now()) };
      }
      if (!addressAllowed(user, remoteAddress)) return { ...transportError(604, text(language, 'ipNotAuthorized')), apiUserId: user.id };
      const issued = await core.issueAccessToken({ kind: TOKEN_KIND, shape: 'hex32', subject: user.id, ttlMs: settings.tokenTtlMs });
      const now = core.clock.now();
      const result = {
        companycode: attribute(user, COMPANY_ATTRIBUTES.code),
        companyname: attribute(user, COMPANY_ATTRIBUTES.name),
        token: issued.token,
        authtime: formatTime(now),
        authmodel: attribute(user, COMPANY_ATTRIBUTES.authModel),
      };
      return { envelope: success(text(language, 'loginDone'), reqtime, now, result), apiUserId: user.id };
    },
  };
};
