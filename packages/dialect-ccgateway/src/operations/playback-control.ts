import type { PlaybackAction } from '@pbx-gateway/core';
import type { ErrorOverrides } from '@pbx-gateway/dialect-kit';
import type { Retcode } from '../errors';
import { refuse, type InterfaceContext } from '../operation';

/**
 * Each playback interface has its own "state" retcode: whatever stands in
 * the way of the playback (nothing playing, already playing, no call, no
 * device) is answered with it.
 */
export function playbackStateErrors(retcode: Retcode): ErrorOverrides<Retcode> {
  return {
    AGENT_BUSY: retcode,
    AGENT_HAS_NO_DEVICE: retcode,
    SESSION_HAS_NO_CONFERENCE: retcode,
    NO_ACTIVE_CALL: retcode,
    CALL_NOT_FOUND: retcode,
    LEG_NOT_FOUND: retcode,
    PLAYBACK_ALREADY_ACTIVE: retcode,
    NO_ACTIVE_PLAYBACK: retcode,
    PLAYBACK_NOT_PLAYING: retcode,
    PLAYBACK_NOT_PAUSED: retcode,
  };
}

/** Runs one playback control of the agent's audio. */
export async function controlPlayback(ctx: InterfaceContext, action: PlaybackAction): Promise<void> {
  await ctx.core.controlAgentPlayback({ agentId: ctx.agentId, ...action });
}

// The engine takes offsets in milliseconds as 32-bit numbers; a jump this far is past the end of any recording.
const MAX_JUMP_SECONDS = 2_147_483;

/** The `{time}` of forefast/backfast: whole seconds 0–2147483647 (larger jumps are clamped to the end). */
function jumpSeconds(ctx: InterfaceContext): number | null {
  const raw = ctx.pathParams.time ?? '';
  if (!/^[0-9]{1,10}$/.test(raw)) return null;
  const value = Number(raw);
  return value <= 2_147_483_647 ? Math.min(value, MAX_JUMP_SECONDS) : null;
}

/** forefast (`direction` 1) and backfast (-1): a jump by the path's `{time}` seconds; a `{time}` out of range is a parameter error. */
export async function jumpPlayback(ctx: InterfaceContext, direction: 1 | -1): Promise<void> {
  const seconds = jumpSeconds(ctx);
  if (seconds === null) throw refuse('000-002');
  await controlPlayback(ctx, { action: 'jump', seconds: direction * seconds });
}
