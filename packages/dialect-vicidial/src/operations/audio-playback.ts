import type { JSONSchemaType } from 'ajv';
import { isActivePlayback, type PlaybackAction } from '@pbx-gateway/core';
import { serviceUnavailableLine, telephonyFailedLine, wireErrorOf } from '../errors';
import { inputOf, PATTERNS } from '../agent-api/input-schema';
import { agentIdOf, liveSession, logUnexpected, passesAllowList, resolveAgentUser, type AgentOperation } from '../agent-api/steps';
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

/**
 * audio_playback (seed 000, spec §3.2): plays an audio-store file into the
 * agent's session conference, where agent and customer hear it, and stops,
 * pauses, resumes or restarts it. As in VICIdial, every stage but PLAY only
 * needs audio to be there: PAUSE of paused audio, RESUME of playing audio and
 * an unknown stage while audio plays are answered SUCCESS and change nothing.
 */
export const audioPlayback: AgentOperation = {
  name: 'audio_playback',
  async run(ctx) {
    const { value, stage, agent_user: givenAgent, alt_user: altUser, dial_override: dialOverride } = readInput(ctx.request);
    const { answer, core } = ctx;
    if ((value.length < 1 && stage === 'PLAY') || stage.length < 4 || (givenAgent.length < 1 && altUser.length < 2)) {
      answer.line(`ERROR: audio_playback not valid - ${value}|${stage}|${givenAgent}`);
      return { agentId: givenAgent || null };
    }
    if (!passesAllowList(ctx, value)) return { agentId: givenAgent || null };
    const agentUser = await resolveAgentUser(ctx, `ERROR: no user found - ${stage}|${altUser}`);
    const session = await liveSession(ctx, agentUser);
    if (!session) {
      answer.line(`ERROR: agent_user is not logged in - ${stage}|${agentUser}`);
      return { agentId: agentUser || null };
    }
    const agentId = agentIdOf(agentUser);
    if (!session.conference) {
      answer.line(`ERROR: audio_playback error - no session data - ${stage}|${agentUser}`);
      return { agentId };
    }
    const conference = utf8ToBytes(session.conference.number);
    const serverIp = utf8ToBytes(session.serverIp);
    if (conference.length <= 5 || serverIp.length <= 5) {
      answer.line(`ERROR: audio_playback error - entry is empty - ${stage}|${agentUser}`);
      return { agentId };
    }

    try {
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
        if (!active || !isActivePlayback(active)) {
          answer.exitWith(`ERROR: audio_playback error - no audio playing in agent session - ${conference}|${serverIp}|${stage}|${agentUser}`);
          return { agentId };
        }
      }
    } catch (error) {
      switch (wireErrorOf(error, 'audio_playback')) {
        case 'audio_already_playing':
          answer.exitWith(`ERROR: audio_playback error - audio already playing in agent session - ${conference}|${serverIp}|PLAY|${dialOverride}|${agentUser}`);
          return { agentId };
        case 'no_audio_playing':
          answer.exitWith(`ERROR: audio_playback error - no audio playing in agent session - ${conference}|${serverIp}|${stage}|${agentUser}`);
          return { agentId };
        case 'accepted_as_is':
          answer.actionComment(`audio_playback: audio in conference ${conference} already as asked`);
          break;
        case 'no_session_data':
          answer.line(`ERROR: audio_playback error - no session data - ${stage}|${agentUser}`);
          return { agentId };
        case 'agent_not_logged_in':
          answer.line(`ERROR: agent_user is not logged in - ${stage}|${agentUser}`);
          return { agentId };
        case 'not_valid':
          // The file name is not one the gateway lets reach the engine (spec: audio-store name, no extension).
          answer.line(`ERROR: audio_playback not valid - ${value}|${stage}|${agentUser}`);
          return { agentId };
        case 'telephony_failed':
          logUnexpected(ctx, error);
          answer.exitWith(telephonyFailedLine('audio_playback', agentUser));
          return { agentId };
        default:
          logUnexpected(ctx, error);
          answer.exitWith(serviceUnavailableLine('audio_playback', agentUser));
          return { agentId };
      }
    }
    answer.line(`SUCCESS: audio_playback function sent - ${value}|${stage}|${agentUser}`);
    return { agentId };
  },
};
