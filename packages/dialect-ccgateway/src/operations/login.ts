import { randomUUID } from 'node:crypto';
import type { JSONSchemaType } from 'ajv';
import type { AgentSession } from '@pbx-gateway/core';
import type { ErrorOverrides, WireAnswer } from '@pbx-gateway/dialect-kit';
import { issueGuid, setGuidHeader } from '../auth';
import { acceptsCallbackUri, eventPushOf, pushRequestOf } from '../push';
import type { Retcode } from '../errors';
import { defineInterface, refuse, type InterfaceContext } from '../operation';
import { busyPauseReason } from '../wire/agent-state';
import { jsonAnswer, renderEnvelope } from '../wire/envelope';
import { lenientBodyCheck, offendingFields } from '../wire/lenient-fields';

/** Sign-in body (spec §5.1); Huawei's lenient spellings are accepted before these types apply. */
interface SignInBody {
  password: string;
  phonenum?: string;
  autoanswer?: boolean;
  autoenteridle?: boolean;
  releasephone?: boolean;
  agenttype?: number;
  status?: number;
  ip?: string;
  entryIp?: string;
  phonelinkage?: boolean;
  checkInWebm?: boolean;
  checkInMailm?: boolean;
  callBackUri?: string;
  serviceToken?: string;
}

const IPV4 = '^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$';

const schema: JSONSchemaType<SignInBody> = {
  type: 'object',
  required: ['password'],
  properties: {
    password: { type: 'string', maxLength: 32 },
    // Digits only: the number becomes the dial string of the agent's phone.
    phonenum: { type: 'string', nullable: true, pattern: '^[0-9]{1,24}$' },
    autoanswer: { type: 'boolean', nullable: true },
    autoenteridle: { type: 'boolean', nullable: true },
    releasephone: { type: 'boolean', nullable: true },
    agenttype: { type: 'integer', nullable: true, enum: [4, 11] },
    status: { type: 'integer', nullable: true, enum: [3, 4, 5] },
    ip: { type: 'string', nullable: true, maxLength: 15, pattern: IPV4 },
    entryIp: { type: 'string', nullable: true, maxLength: 64 },
    phonelinkage: { type: 'boolean', nullable: true },
    checkInWebm: { type: 'boolean', nullable: true },
    checkInMailm: { type: 'boolean', nullable: true },
    callBackUri: { type: 'string', nullable: true, maxLength: 1024 },
    serviceToken: { type: 'string', nullable: true, maxLength: 256 },
  },
  additionalProperties: true,
};

/** The sign-in body, checked after Huawei's lenient spellings are read. */
export const SIGN_IN_BODY = lenientBodyCheck(schema);

/** The most specific code Huawei has for a refused field; the first in this order wins ('' is the body as a whole). */
const FIELD_CODES: ReadonlyArray<readonly [string, Retcode]> = [
  ['', '100-001'],
  ['password', '100-001'],
  ['agenttype', '100-012'],
  ['phonenum', '100-013'],
  ['ip', '100-016'],
];

export function signInFieldError(errors: Parameters<typeof offendingFields>[0]): Retcode {
  const fields = offendingFields(errors);
  for (const [field, code] of FIELD_CODES) if (fields.includes(field)) return code;
  return '100-011';
}

/** Sign-in's own codes: wrong credentials, a bad field, the CTI (our telephony engine) away. */
export const SIGN_IN_ERRORS: ErrorOverrides<Retcode> = {
  AUTH_FAILED: '100-004',
  AGENT_NOT_FOUND: '100-004',
  INVALID_NUMBER: '100-013',
  EXTENSION_NOT_FOUND: '100-011',
  EXTENSION_AMBIGUOUS: '100-011',
  DIALPLAN_NOT_FOUND: '100-011',
  EXTENSION_GROUP_NOT_FOUND: '100-011',
  INVALID_ARGUMENT: '100-011',
  PBX_UNAVAILABLE: '100-003',
};

/** `status`: 3 busy, 4 idle, 5 wrap-up (a numbering of its own, unlike the CTI status codes). */
const INITIAL_STATE: Readonly<Record<number, 'ready' | 'paused' | 'wrap_up'>> = { 3: 'paused', 4: 'ready', 5: 'wrap_up' };

export interface SignedIn {
  session: AgentSession;
  guid: string;
}

export async function signIn(ctx: InterfaceContext, body: SignInBody, force: boolean): Promise<SignedIn> {
  if (body.phonenum && ctx.acceptsPhoneNumber !== null && !ctx.acceptsPhoneNumber(body.phonenum)) throw refuse('100-014');
  const push = pushRequestOf(body);
  if (push && !acceptsCallbackUri(ctx.settings, push.callBackUri)) throw refuse('100-011');
  // Huawei refuses sign-in while its CTI is down; ours is the telephony engine.
  if (!ctx.core.pbxAvailable()) throw refuse('100-003');

  const initialState = INITIAL_STATE[body.status ?? 4] ?? 'ready';
  // A pushed session's first events carry its GUID, so it is drawn before the session exists.
  const pushedGuid = push ? `${randomUUID()}.${ctx.settings.nodeName}` : null;
  const decide = force ? await ctx.polls.interrupt(ctx.agentId, 2_000) : null;
  let session: AgentSession;
  try {
    session = await ctx.core.loginAgent({
      agentId: ctx.agentId,
      secret: body.password,
      phoneNumber: body.phonenum ?? null,
      via: 'ccgateway',
      replaceExisting: force && ctx.settings.forceLoginAllowed,
      initialState,
      pauseReason: initialState === 'paused' ? busyPauseReason(0) : null,
      afterCall: body.autoenteridle === false ? 'wrap_up' : 'ready',
      autoAnswer: body.autoanswer !== false,
      answerOnRequest: body.autoanswer === false,
      eventPush: push && pushedGuid ? eventPushOf(push, pushedGuid) : null,
    });
  } catch (error) {
    decide?.('resume');
    throw error;
  }
  decide?.('shutdown');
  return { session, guid: await issueGuid(ctx.core, ctx.settings, ctx.agentId, pushedGuid) };
}

export function renderSignIn({ session, guid }: SignedIn, ctx: InterfaceContext): WireAnswer {
  const body = renderEnvelope('', '0', [
    ['vdnid', ctx.settings.vdnId],
    ['workno', session.agentId],
    // Signed in to the CTI server only: this gateway has no text-chat or mail server.
    ['mediatype', 'TFF'],
    ['loginTime', String(session.loggedInAt.getTime())],
    ['isForceChange', 'false'],
    ['serverName', ctx.settings.serverName],
    // "" = the password never expires.
    ['timeRemaining', ''],
  ]);
  return jsonAnswer(body, setGuidHeader(guid));
}

/** Sign-in's codes, and `100-015` for an agent signed in when forced sign-in is disabled. */
export const FORCED_SIGN_IN_ERRORS: ErrorOverrides<Retcode> = { ...SIGN_IN_ERRORS, AGENT_ALREADY_LOGGED_IN: '100-015' };

/** How a sign-in interface signs the agent in: ending a session it has, and binding the body's phone number or not. */
interface SignInMode {
  forced: boolean;
  bindsPhone: boolean;
}

/**
 * The sign-in interfaces share their body, checks and answer and differ by
 * name, path and mode: one definition serves them all. Not binding the phone
 * number, the session rings the agent's provisioned device, as a sign-in
 * without `phonenum` does.
 */
export const signInAt = (name: string, path: string, { forced, bindsPhone }: SignInMode) =>
  defineInterface({
    name,
    method: 'PUT',
    path,
    body: 'json',
    auth: 'none',
    input: SIGN_IN_BODY,
    invalidInput: signInFieldError,
    run: (ctx, body) => signIn(ctx, bindsPhone ? body : { ...body, phonenum: undefined }, forced),
    render: renderSignIn,
    errors: forced ? FORCED_SIGN_IN_ERRORS : SIGN_IN_ERRORS,
  });

/** `PUT /onlineagent/{agentid}` (spec §5.1). */
export const loginOperation = signInAt('login', '/onlineagent/{agentid}', { forced: false, bindsPhone: true });
