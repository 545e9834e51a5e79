import type { ApiUser, CallControl } from '@pbx-gateway/core';
import { operationKind, WireRefusal, type Operation, type RequestParams } from '@pbx-gateway/dialect-kit';
import { authorizeToken } from '../auth';
import { WIRE_ERRORS, type WireError } from '../errors';
import type { SipcallSettings } from '../settings';
import type { Envelope } from '../wire/envelope';

/** One request for one service, with everything a service needs to answer it. */
export interface ServiceContext {
  core: CallControl;
  settings: SipcallSettings;
  params: RequestParams;
  /** The service name as the client wrote it (after PhalApi's `App.` completion). */
  service: string;
  /** When the request arrived: `data.reqtime`. */
  reqtime: Date;
  /** The client's address, for the company's allow-list. */
  remoteAddress: string | null;
  /** The company (API user) the request turned out to be from, once known: for the API log. */
  apiUserId: string | null;
  /** The company a token service acts for, once its token is checked. */
  company: ApiUser | null;
}

/**
 * Sip_Call's services: selected by `service=` (PhalApi's `App.<Class>.<Action>`,
 * case-insensitively), guarded by the company's token or not (Login, Logout),
 * fed the request's parameters, answering PhalApi's envelope.
 */
export interface SipcallTypes {
  selector: { service: string };
  auth: 'token' | 'none';
  context: ServiceContext;
  raw: RequestParams;
  /** The success envelope (`ret` 200, `data.status` 0). */
  answer: Envelope;
  wire: WireError;
}

/** A refusal a service words itself. */
export const refuse = (wire: WireError): WireRefusal<WireError> => new WireRefusal(wire);

/**
 * The services of one dialect instance: their parameter rules follow its
 * settings (language, `requireChengshudu`). PhalApi checks a service's
 * parameters before the token; a token service then needs a valid token of
 * an active company, from an allowed address (ret 600-604).
 */
export function serviceKind(settings: SipcallSettings) {
  return operationKind<SipcallTypes>({
    errors: WIRE_ERRORS,
    // Each service words its own parameter failures (PhalApi's rule order); this is never reached.
    invalidInput: () => ({ kind: 'transport', ret: 400, message: 'bodyMalformed' }),
    inputBeforeAuth: true,
    async authorize(ctx, auth) {
      if (auth === 'none') return;
      const authorization = await authorizeToken(ctx.core, settings, { token: ctx.params.token, service: ctx.service, remoteAddress: ctx.remoteAddress });
      if (!authorization.ok) throw refuse(authorization.wire);
      ctx.company = authorization.user;
      ctx.apiUserId = authorization.user.id;
    },
  });
}

/** The company of a token service (set by the token check before the service runs). */
export function companyOf(ctx: ServiceContext): ApiUser {
  if (!ctx.company) throw new Error(`${ctx.service} ran without its company`);
  return ctx.company;
}

export type SipcallService = Operation<SipcallTypes>;
