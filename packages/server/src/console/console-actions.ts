import { DomainError, type CallControl, type JsonObject, type StoredRecordingFile, type SupervisionRequest } from '@pbx-gateway/core';

/** A console request the console itself refuses (bad input), as `{"error":{"code","message"}}`. */
export class ConsoleRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const NAME = /^[A-Za-z0-9_.@:+-]{1,128}$/;
const MODES: readonly SupervisionRequest['mode'][] = ['listen', 'whisper', 'barge'];
const ORIGIN = (operation: string): SupervisionRequest['origin'] => ({ dialect: 'console', operation, apiUserId: null });

/**
 * What a supervisor does from the console, through the core commands the
 * dialects use: pause, resume, log out, hang up, listen / whisper / barge.
 */
export function consoleActions(core: CallControl) {
  return {
    async pause(agentId: string, body: unknown): Promise<JsonObject> {
      const fields = objectOf(body);
      const reason = optionalText(fields, 'reason', 40);
      return { agentId: name(agentId, 'agentId'), outcome: await core.pauseAgent({ agentId, reason }) };
    },

    async resume(agentId: string): Promise<JsonObject> {
      await core.resumeAgent({ agentId: name(agentId, 'agentId'), ifReady: 'accept' });
      return { agentId, outcome: 'ready' };
    },

    async logout(agentId: string, body: unknown): Promise<JsonObject> {
      const fields = objectOf(body);
      const whenInCall = fields.whenInCall ?? 'defer';
      if (whenInCall !== 'defer' && whenInCall !== 'force') throw invalid('whenInCall must be "defer" or "force"');
      return { agentId: name(agentId, 'agentId'), outcome: await core.logoutAgent({ agentId, whenInCall }) };
    },

    /** Hangs up every leg the engine has of the call; the call's own flow then ends it with its CDR. */
    async hangup(callId: string): Promise<JsonObject> {
      const found = await core.getCall(name(callId, 'callId'));
      if (!found || found.call.state === 'ended') throw new DomainError('CALL_NOT_FOUND', `no live call ${callId}`);
      let hungUp = 0;
      for (const leg of found.legs) {
        if (leg.state === 'ended' || leg.channelName === null) continue;
        if ((await core.hangupChannel({ channelName: leg.channelName })).found) hungUp += 1;
      }
      if (hungUp === 0) throw new DomainError('CALL_NOT_FOUND', `call ${callId} has no leg left to hang up`);
      return { callId, legsHungUp: hungUp };
    },

    /** Rings the supervisor (a signed-in agent, or an extension) and joins the agent's call as the mode says. */
    async supervise(body: unknown): Promise<JsonObject> {
      const fields = objectOf(body);
      const agentId = name(fields.agentId, 'agentId');
      const mode = fields.mode;
      if (!MODES.includes(mode as SupervisionRequest['mode'])) throw invalid(`mode must be one of ${MODES.join(', ')}`);
      const supervisor: SupervisionRequest['supervisor'] =
        fields.supervisorAgentId !== undefined
          ? { agentId: name(fields.supervisorAgentId, 'supervisorAgentId') }
          : { selector: { by: 'internal_number', value: name(fields.supervisorExtension, 'supervisorExtension') }, dialplan: null };
      const session = await core.getAgentSession(agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${agentId} is not logged in`);
      const { callId } = await core.startSupervision({
        supervisor,
        // An agent that sits in a session conference (VICIdial) talks to its customers there; others on their call's own leg.
        supervised: session.conference ? { kind: 'agent_conference', agentId } : { kind: 'agent', agentId },
        mode: mode as SupervisionRequest['mode'],
        callerId: { number: agentId, name: 'Supervision' },
        ringSec: null,
        data: {},
        origin: ORIGIN('supervise'),
      });
      return { callId, agentId, mode: mode as string };
    },

    /** The audio of a CDR's recording, as the engine keeps it. */
    async recording(cdrId: string): Promise<StoredRecordingFile> {
      if (!/^[1-9][0-9]{0,15}$/.test(cdrId)) throw invalid('the CDR id must be a number');
      const file = await core.cdrRecordingAudio(Number(cdrId));
      if (!file) throw new ConsoleRefusal(404, 'RECORDING_NOT_FOUND', `CDR ${cdrId} has no recording the engine keeps`);
      return file;
    },
  };
}

const invalid = (message: string): ConsoleRefusal => new ConsoleRefusal(400, 'INVALID_REQUEST', message);

function objectOf(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('the body must be a JSON object');
  return body as Record<string, unknown>;
}

function name(value: unknown, field: string): string {
  if (typeof value !== 'string' || !NAME.test(value)) throw invalid(`${field} must be a name (letters, digits and _.@:+-)`);
  return value;
}

function optionalText(fields: Record<string, unknown>, field: string, maxLength: number): string | null {
  const value = fields[field];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || value.length > maxLength) throw invalid(`${field} must be a string of at most ${maxLength} characters`);
  return value;
}
