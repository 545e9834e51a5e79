import type { MediaRequest } from '@pbx-gateway/core';
import type { SipcallSettings } from '../settings';
import { voiceUrl } from './voice-url';

// An uploaded file's name: no path, no dots but one known extension, nothing for a shell or a URI.
const VOICE_NAME = /^([A-Za-z0-9][A-Za-z0-9_-]{0,99})(?:\.([A-Za-z0-9]{1,8}))?$/;

/**
 * The audio PlayVoice names (every variant alike), or null when `voicefile`
 * is not acceptable for its `voicetype`: `2` an http(s) URL, normalised;
 * `1` an uploaded file of the company's own directory.
 */
export function voiceMediaOf(
  request: { voicetype: string; voicefile: string },
  companycode: string,
  settings: Pick<SipcallSettings, 'offlineVoiceExtensions' | 'offlineVoiceDirectory'>,
): MediaRequest | null {
  if (request.voicetype === '2') {
    const url = voiceUrl(request.voicefile);
    return url === null ? null : { kind: 'url', url };
  }
  const match = VOICE_NAME.exec(request.voicefile);
  if (!match) return null;
  const extension = match[2]?.toLowerCase();
  if (extension !== undefined && !settings.offlineVoiceExtensions.some((allowed) => allowed.toLowerCase() === extension)) return null;
  const directory = settings.offlineVoiceDirectory.replace(/\{companycode\}/g, companycode).replace(/\/{2,}/g, '/').replace(/^\/+/, '');
  return { kind: 'sound', name: `${directory}${match[1]!}` };
}
