import { isActivePlayback, isDomainError } from '@pbx-gateway/core';
import { fronterEcho, fronterRequest, fronterSession, noFronter, readFronterInput, recentFronter } from '../agent-api/fronter';
import { defineAgentOperation } from '../agent-api/operation';
import { liveSession, stopWith } from '../agent-api/steps';
import { ownCheck } from '../errors';
import { bytesToText, utf8ToBytes } from '../wire/php-params';

/**
 * force_fronter_audio_stop (spec §3.2): the closer stops the audio playing
 * in the fronter's session (audio_playback STOP there). The fronter is the
 * other agent on the lead, or one whose call for the lead started in the
 * last five minutes; it must still be logged in and playing audio.
 */
export const forceFronterAudioStop = defineAgentOperation({
  name: 'force_fronter_audio_stop',
  function: 'force_fronter_audio_stop',
  auth: 'allow-list',
  input: readFronterInput,
  async run(ctx, input): Promise<string> {
    const { stage } = input;
    const request = await fronterRequest(ctx, 'force_fronter_audio_stop', input);
    const onLead = await fronterSession(ctx, request);
    const fronter = onLead ? fronterEcho(onLead) : await recentFronter(ctx, request);
    if (fronter === null) throw noFronter(request);
    const session = onLead ?? (await liveSession(ctx, fronter));
    const echo = `${stage}|${request.agentUser}|${fronter}`;
    if (!session) throw stopWith(ownCheck('line', `ERROR: force_fronter_audio_stop error - no fronter session found - ${echo}`));
    const conference = `${utf8ToBytes(session.conference?.number ?? '')}|${utf8ToBytes(session.serverIp)}`;
    const noAudio = stopWith(ownCheck('exit', `ERROR: force_fronter_audio_stop error - no audio playing in other agent session - ${conference}|${echo}`));
    const active = await ctx.core.activeAgentPlayback(session.agentId);
    if (!active || !isActivePlayback(active)) throw noAudio;
    try {
      await ctx.core.controlAgentPlayback({ agentId: session.agentId, action: 'stop' });
    } catch (error) {
      // Ended by itself in between: there is no audio to stop.
      if (isDomainError(error) && error.code === 'NO_ACTIVE_PLAYBACK') throw noAudio;
      throw error;
    }
    ctx.answer.actionComment(`force_fronter_audio_stop: audio of agent ${bytesToText(fronter)} stopped`);
    return `SUCCESS: force_fronter_audio_stop function sent - ${input.value}|${echo}`;
  },
  render(line, ctx) {
    ctx.answer.line(line);
  },
});
