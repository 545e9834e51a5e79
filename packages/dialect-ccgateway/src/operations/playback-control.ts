import type { PlaybackAction } from '@pbx-gateway/core';
import { wireError, wireErrorFor } from '../errors';
import { failed, succeeded, type CcgatewayContext, type OperationInput, type OperationResult } from '../operation';
import type { OperationName } from '../operation-names';
import { successAnswer } from '../wire/envelope';

/** Runs one playback control of the agent's audio and answers in the envelope. */
export async function controlPlayback(ctx: CcgatewayContext, input: OperationInput, operation: OperationName, action: PlaybackAction): Promise<OperationResult> {
  try {
    await ctx.core.controlAgentPlayback({ agentId: input.agentId, ...action });
  } catch (error) {
    return failed(wireErrorFor(error, operation));
  }
  return succeeded(successAnswer());
}

// The engine takes offsets in milliseconds as 32-bit numbers; a jump this far is past the end of any recording.
const MAX_JUMP_SECONDS = 2_147_483;

/** The `{time}` of forefast/backfast: whole seconds 0–2147483647 (larger jumps are clamped to the end). */
function jumpSeconds(input: OperationInput): number | null {
  const raw = input.pathParams.time ?? '';
  if (!/^[0-9]{1,10}$/.test(raw)) return null;
  const value = Number(raw);
  return value <= 2_147_483_647 ? Math.min(value, MAX_JUMP_SECONDS) : null;
}

/** forefast (`direction` 1) and backfast (-1): a jump by the path's `{time}` seconds; a `{time}` out of range is a parameter error. */
export function jumpPlayback(ctx: CcgatewayContext, input: OperationInput, operation: OperationName, direction: 1 | -1): Promise<OperationResult> {
  const seconds = jumpSeconds(input);
  if (seconds === null) return Promise.resolve(failed(wireError('000-002')));
  return controlPlayback(ctx, input, operation, { action: 'jump', seconds: direction * seconds });
}
