import type { AriParams, AriRestCall } from '../ari-operations';

/**
 * `POST /channels/{id}/dtmf?dtmf=...&between=...&duration=...` (milliseconds).
 * Not retried: keys would be pressed twice. The port's one-second pause `,`
 * is Asterisk's `W` (its DTMF streamer skips `,` with a warning).
 */
export async function sendDtmf(
  call: AriRestCall,
  legId: string,
  digits: string,
  options: { betweenMs?: number; durationMs?: number } = {},
): Promise<void> {
  const params: Record<string, AriParams[string]> = { channelId: legId, dtmf: digits.replace(/,/g, 'W') };
  if (options.betweenMs !== undefined) params.between = Math.max(0, Math.round(options.betweenMs));
  if (options.durationMs !== undefined) params.duration = Math.max(1, Math.round(options.durationMs));
  await call('channels.sendDTMF', params);
}
