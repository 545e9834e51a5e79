import type { AgentSession, SupervisionMode } from '@pbx-gateway/core';
import { wireCallId } from '../../wire/call-id';
import { bytesToText, utf8ToBytes } from '../../wire/php-params';
import { defineNonAgentFunction, refuse, type NonAgentContext, type NonAgentRefusal } from '../operation';
import { readWith, type NonAgentParams } from '../params';

const PHONE_LOGIN = { keep: '-_0-9a-zA-Z' };
const SESSION_ID = { keep: '0-9' };
const SERVER_IP = { keep: '-.:_0-9a-zA-Z' };

const readInput = readWith((params) => ({
  phoneLogin: params.read('phone_login', PHONE_LOGIN),
  sessionId: params.read('session_id', SESSION_ID),
  serverIp: params.read('server_ip', SERVER_IP),
  stage: params.read('stage', { keep: '-_0-9a-zA-Z' }),
}));

/** How VICIdial's stages join the conference, and the prefix its dial string gives each (an unknown stage is kept as it came). */
interface Joining {
  mode: SupervisionMode;
  prefix: string;
  /** The first letters of the caller id name VICIdial gives the monitoring call. */
  callerIdPrefix: string;
}

function joiningOf(stage: string): Joining {
  if (stage === '' || stage.includes('MONITOR')) return { mode: 'listen', prefix: '0', callerIdPrefix: 'BM' };
  if (stage.includes('BARGE') || stage.includes('HIJACK')) return { mode: 'barge', prefix: '', callerIdPrefix: 'BB' };
  if (stage.includes('WHISPER')) return { mode: 'whisper', prefix: '47378218', callerIdPrefix: 'BW' };
  return { mode: 'listen', prefix: stage, callerIdPrefix: 'BM' };
}

/** `BM<epoch><user>`: the user left-padded with zeros to 8 characters, cut to 8. */
const callerIdName = (joining: Joining, ctx: NonAgentContext): string =>
  `${joining.callerIdPrefix}${Math.floor(ctx.now.getTime() / 1000)}${bytesToText(ctx.user).padStart(8, '0').slice(0, 8)}`;

/** The server address as VICIdial dials a conference on it: each of four parts padded to 3 digits, each followed by `*`. */
const dialStringOf = (serverIp: string): string =>
  [0, 1, 2, 3].map((index) => `${(serverIp.split('.')[index] ?? '').padStart(3, '0')}*`).join('');

const invalidSession = (ctx: NonAgentContext, params: NonAgentParams): string =>
  `ERROR: blind_monitor INVALID SESSION ID - ${params.read('session_id', SESSION_ID)}|${params.read('server_ip', SERVER_IP)}|${ctx.user}`;

const invalidPhone = (ctx: NonAgentContext, params: NonAgentParams): string => `ERROR: blind_monitor INVALID PHONE LOGIN - ${params.read('phone_login', PHONE_LOGIN)}|${ctx.user}`;

/** The phone that listens is found by its login (the directory's SIP user name); none or several: INVALID PHONE LOGIN. */
const phoneGone: NonAgentRefusal = { text: (ctx) => invalidPhone(ctx, ctx.params) };

/** The session's agent, with a phone in its conference on that server; else INVALID SESSION ID. */
async function conferenceAgent(ctx: NonAgentContext, sessionId: string, serverIp: string): Promise<AgentSession> {
  const sessions = await ctx.core.listAgentSessions();
  const session = sessions.find((candidate) => candidate.conference !== null && utf8ToBytes(candidate.conference.number) === sessionId && utf8ToBytes(candidate.serverIp) === serverIp);
  if (sessionId === '' || !session) throw refuse(invalidSession(ctx, ctx.params));
  return session;
}

/**
 * blind_monitor: rings the phone of `phone_login`; once answered it joins
 * the conference of the agent session `session_id` on `server_ip`, listening
 * (MONITOR), talking to both sides (BARGE, BARGESWAP, HIJACK) or to the agent
 * alone (WHISPER). The command id is the supervision call's id.
 */
export const blindMonitor = defineNonAgentFunction({
  name: 'blind_monitor',
  function: 'blind_monitor',
  auth: {
    allows: (user) => user.level > 6,
    denied: (user) => `ERROR: blind_monitor USER DOES NOT HAVE PERMISSION TO BLIND MONITOR: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    const session = await conferenceAgent(ctx, input.sessionId, input.serverIp);
    if (input.phoneLogin === '') throw refuse(invalidPhone(ctx, ctx.params));
    const phone = await ctx.core.findExtension({ by: 'sip_username', value: bytesToText(input.phoneLogin) }, null);
    const joining = joiningOf(input.stage);
    const { callId } = await ctx.core.startSupervision({
      supervisor: { selector: { by: 'id', value: String(phone.id) }, dialplan: null },
      supervised: { kind: 'agent_conference', agentId: session.agentId },
      mode: joining.mode,
      callerId: { number: phone.callerIdNumber, name: callerIdName(joining, ctx) },
      ringSec: null,
      data: {},
      origin: { dialect: 'vicidial', operation: 'blind_monitor', apiUserId: ctx.apiUser.id },
    });
    const dialString = `${dialStringOf(input.serverIp)}${joining.prefix}${input.sessionId}`;
    return `SUCCESS: blind_monitor HAS BEEN LAUNCHED - ${input.phoneLogin}|${dialString}|${utf8ToBytes(phone.internalNumber)}|${input.sessionId}|${utf8ToBytes(wireCallId(callId))}|${ctx.user}`;
  },
  render: (line) => line,
  errors: {
    // The agent's phone left its conference, or the listening phone went, since the checks.
    LEG_NOT_FOUND: { text: (ctx) => invalidSession(ctx, ctx.params) },
    EXTENSION_NOT_FOUND: phoneGone,
    EXTENSION_AMBIGUOUS: phoneGone,
  },
});
