import type { JSONSchemaType } from 'ajv';
import { isActivePlayback, type PlaybackAction } from '@pbx-gateway/core';
import { inputOf, PATTERNS } from '../agent-api/input-schema';
import { defineAgentOperation } from '../agent-api/operation';
import { agentIdOf, checkAllowList, liveSession, resolveAgentUser, stopWith, type AgentOperationContext } from '../agent-api/steps';
import { echoedAgent, ownCheck, type Refusal } from '../errors';
import { bytesToText, utf8ToBytes } from '../wire/php-params';

interface AudioPlaybackInput {
  value: string;
  stage: string;
  agent_user: string;
  alt_user: string;
  dial_override: string;
}

const schema: JSONSchemaType<AudioPlaybackInput> = {
  type: 'object',
  properties: {
    value: { type: 'string', pattern: PATTERNS.value },
    stage: { type: 'string', pattern: PATTERNS.stage },
    agent_user: { type: 'string', pattern: PATTERNS.identifier },
    alt_user: { type: 'string', pattern: PATTERNS.alphanumeric },
    dial_override: { type: 'string', pattern: PATTERNS.upperLetters },
  },
  required: ['value', 'stage', 'agent_user', 'alt_user', 'dial_override'],
};

const readInput = inputOf(schema, ['value', 'stage', 'agent_user', 'alt_user', 'dial_override']);

/** Stages other than PLAY; VICIdial compares them exactly (`play` is an unknown stage). */
const CONTROL_STAGES: Readonly<Record<string, PlaybackAction>> = {
  STOP: { action: 'stop' },
  PAUSE: { action: 'pause' },
  RESUME: { action: 'resume' },
  RESTART: { action: 'restart' },
};

/** The session's conference and server as the lines echo them, once the function has found them. */
const conferenceOf = (ctx: AgentOperationContext): string => `${ctx.target?.conference ?? ''}|${ctx.target?.serverIp ?? ''}`;

const notLoggedIn: Refusal = {
  kind: 'agent_not_logged_in',
  end: 'line',
  text: (ctx) => `ERROR: agent_user is not logged in - ${ctx.request.stage}|${echoedAgent(ctx)}`,
};

const noSessionData: Refusal = {
  kind: 'no_session_data',
  end: 'line',
  text: (ctx) => `ERROR: audio_playback error - no session data - ${ctx.request.stage}|${echoedAgent(ctx)}`,
};

const noAudioPlaying: Refusal = {
  kind: 'no_audio_playing',
  end: 'exit',
  text: (ctx) => `ERROR: audio_playback error - no audio playing in agent session - ${conferenceOf(ctx)}|${ctx.request.stage}|${echoedAgent(ctx)}`,
};

const audioAlreadyPlaying: Refusal = {
  kind: 'audio_already_playing',
  end: 'exit',
  text: (ctx) => `ERROR: audio_playback error - audio already playing in agent session - ${conferenceOf(ctx)}|PLAY|${ctx.request.dial_override}|${echoedAgent(ctx)}`,
};

/** The file name is not one the gateway lets reach the engine (spec: audio-store name, no extension). */
const notValid: Refusal = {
  kind: 'not_valid',
  end: 'line',
  text: (ctx) => `ERROR: audio_playback not valid - ${ctx.request.value}|${ctx.request.stage}|${echoedAgent(ctx)}`,
};

const successLine = (ctx: AgentOperationContext): string => `SUCCESS: audio_playback function sent - ${ctx.request.value}|${ctx.request.stage}|${echoedAgent(ctx)}`;

/** VICIdial only checks that audio is there: pausing paused audio, or audio not started yet, is a SUCCESS that changes nothing. */
const acceptedAsIs: Refusal = {
  kind: 'accepted_as_is',
  end: 'line',
  comment: (ctx) => `audio_playback: audio in conference ${ctx.target?.conference ?? ''} already as asked`,
  text: successLine,
};

/**
 * audio_playback (seed 000, spec §3.2): plays an audio-store file into the
 * agent's session conference, where agent and customer hear it, and stops,
 * pauses, resumes or restarts it. As in VICIdial, every stage but PLAY only
 * needs audio to be there: PAUSE of paused audio, RESUME of playing audio and
 * an unknown stage while audio plays are answered SUCCESS and change nothing.
 */
export const audioPlayback = defineAgentOperation({
  name: 'audio_playback',
  function: 'audio_playback',
  auth: 'allow-list',
  input: readInput,
  async run(ctx, input): Promise<void> {
    const { value, stage, agent_user: givenAgent, alt_user: altUser, dial_override: dialOverride } = input;
    const { answer, core } = ctx;
    if ((value.length < 1 && stage === 'PLAY') || stage.length < 4 || (givenAgent.length < 1 && altUser.length < 2)) {
      throw stopWith(ownCheck('line', `ERROR: audio_playback not valid - ${value}|${stage}|${givenAgent}`));
    }
    checkAllowList(ctx, value);
    const agentUser = await resolveAgentUser(ctx, `ERROR: no user found - ${stage}|${altUser}`);
    const session = await liveSession(ctx, agentUser);
    ctx.target = { agentUser };
    if (!session) throw stopWith(notLoggedIn);
    if (!session.conference) throw stopWith(noSessionData);
    const conference = utf8ToBytes(session.conference.number);
    const serverIp = utf8ToBytes(session.serverIp);
    if (conference.length <= 5 || serverIp.length <= 5) {
      throw stopWith(ownCheck('line', `ERROR: audio_playback error - entry is empty - ${stage}|${agentUser}`));
    }
    ctx.target = { agentUser, conference, serverIp };
    const agentId = agentIdOf(agentUser);

    if (stage === 'PLAY') {
      const started = await core.startAgentPlayback({
        agentId,
        placement: 'conference',
        replaceActive: dialOverride === 'Y',
        media: { kind: 'sound', name: bytesToText(value) },
      });
      if (started.replaced) {
        answer.actionComment(`audio_playback: previous audio stopped in conference ${conference}`);
        answer.line(`NOTICE: audio_playback previous playback stopped - PLAY|${dialOverride}|${agentUser}`);
      }
      answer.actionComment(`audio_playback: ${value} playing in conference ${conference}`);
    } else if (CONTROL_STAGES[stage]) {
      await core.controlAgentPlayback({ agentId, ...CONTROL_STAGES[stage] });
      answer.actionComment(`audio_playback: ${stage} in conference ${conference}`);
    } else {
      const active = await core.activeAgentPlayback(agentId);
      if (!active || !isActivePlayback(active)) throw stopWith(noAudioPlaying);
    }
  },
  render: (_done, ctx) => ctx.answer.line(successLine(ctx)),
  errors: {
    AGENT_NOT_FOUND: notLoggedIn,
    AGENT_NOT_LOGGED_IN: notLoggedIn,
    SESSION_HAS_NO_CONFERENCE: noSessionData,
    PLAYBACK_ALREADY_ACTIVE: audioAlreadyPlaying,
    NO_ACTIVE_PLAYBACK: noAudioPlaying,
    PLAYBACK_NOT_PLAYING: acceptedAsIs,
    PLAYBACK_NOT_PAUSED: acceptedAsIs,
    INVALID_NUMBER: notValid,
    MEDIA_NOT_ALLOWED: notValid,
    INVALID_ARGUMENT: notValid,
  },
});
