/** Settings of the VoIPSUN dialect; the server fills them from its `voipsun.*` configuration. */
export interface VoipsunSettings {
  /**
   * Content-Type of every answer. VoIPSUN's PHP answers JSON; a client that
   * sniffs PHP's default may want `text/html; charset=UTF-8`.
   */
  contentType: string;
  /**
   * Technology prefix of the channel names `listcalls` shows. The gateway runs
   * on PJSIP (`PJSIP/sip100-00000001`); clients written against chan_sip
   * expect `SIP/...`. Either prefix is accepted on input.
   */
  channelPrefix: 'PJSIP' | 'SIP';
  /** `hangupcall` of a channel that is not up answers errno 401 instead of success. */
  strictHangup: boolean;
  /**
   * `checkExten` on an idle, reachable extension answers errno 228 ("Channel is
   * down and available") instead of placing the call.
   */
  checkExtenReportsIdle: boolean;
  /** Largest request body read (form posts); a larger one is answered errno 120. */
  maxBodyBytes: number;
  /**
   * `agentstatus` of a logged-in agent whose line is not free answers the
   * document's errno for the line's state (630–636) instead of
   * `{"success":"true","reason":"Agent … is logged in. Line is …"}`.
   */
  agentstatusLineErrors: boolean;
  /**
   * `agentstatus` answers byte for byte as the document prints it,
   * `{"success":"true":"reason":"…"}`, which is not JSON, for clients that
   * match those bytes; otherwise the same answer as valid JSON.
   */
  agentstatusLegacyMalformed: boolean;
  /**
   * `queuestatus`'s `serviceLevel`: seconds within which a caller should
   * reach an agent; `serviceLevelPerf` is the share of completed calls that did.
   */
  queueServiceLevelSec: number;
  /**
   * The directories `moverecord` may move recordings to, as clients name
   * them (absolute), each with the directory of the engine's recordings
   * store it stands for (relative, `''` for the store itself). A path outside
   * every root is refused (810).
   */
  recordingRoots: Readonly<Record<string, string>>;
  /**
   * The dialplan contexts `dial` may send calls to (`context`,
   * `hangupContext`): the engine's API lists no dialplan, so the contexts
   * that exist in extensions.conf are provisioned here. Others are errno 251.
   */
  dialContexts: readonly string[];
}

export const defaultVoipsunSettings: VoipsunSettings = {
  contentType: 'application/json; charset=utf-8',
  channelPrefix: 'PJSIP',
  strictHangup: false,
  checkExtenReportsIdle: false,
  maxBodyBytes: 1024 * 1024,
  agentstatusLineErrors: false,
  agentstatusLegacyMalformed: false,
  queueServiceLevelSec: 0,
  // Asterisk's own recordings directory, where ARI keeps what it records.
  recordingRoots: { '/var/spool/asterisk/recording': '' },
  dialContexts: [],
};

/**
 * The settings the server assembled (defaults merged with configuration),
 * checked once at start: a wrong value fails the start with its name rather
 * than showing up later as a strange answer.
 */
export function checkVoipsunSettings(settings: VoipsunSettings): VoipsunSettings {
  const problems: string[] = [];
  if (typeof settings.contentType !== 'string' || !/^[\x21-\x7e][\x20-\x7e]*$/.test(settings.contentType)) problems.push('contentType must be a header value');
  if (settings.channelPrefix !== 'PJSIP' && settings.channelPrefix !== 'SIP') problems.push('channelPrefix must be PJSIP or SIP');
  if (typeof settings.strictHangup !== 'boolean') problems.push('strictHangup must be true or false');
  if (typeof settings.checkExtenReportsIdle !== 'boolean') problems.push('checkExtenReportsIdle must be true or false');
  if (typeof settings.agentstatusLineErrors !== 'boolean') problems.push('agentstatusLineErrors must be true or false');
  if (typeof settings.agentstatusLegacyMalformed !== 'boolean') problems.push('agentstatusLegacyMalformed must be true or false');
  if (!Number.isInteger(settings.queueServiceLevelSec) || settings.queueServiceLevelSec < 0) problems.push('queueServiceLevelSec must be a whole number of seconds');
  if (!validRoots(settings.recordingRoots)) problems.push('recordingRoots must map absolute directories to relative directories of plain names');
  if (!Array.isArray(settings.dialContexts) || !settings.dialContexts.every((context) => typeof context === 'string' && /^[A-Za-z0-9_-]{1,79}$/.test(context))) {
    problems.push('dialContexts must list dialplan context names (letters, digits, _ and -)');
  }
  if (!Number.isInteger(settings.maxBodyBytes) || settings.maxBodyBytes < 1024) problems.push('maxBodyBytes must be an integer of at least 1024');
  if (problems.length > 0) throw new Error(`voipsun settings: ${problems.join('; ')}`);
  return settings;
}

const PLAIN = /^[A-Za-z0-9_.-]+$/;
const plainSegments = (path: string): boolean => path.split('/').every((segment) => segment === '' || (PLAIN.test(segment) && segment !== '.' && segment !== '..'));

function validRoots(roots: unknown): boolean {
  if (roots === null || typeof roots !== 'object' || Array.isArray(roots)) return false;
  return Object.entries(roots as Record<string, unknown>).every(
    ([root, directory]) => root.startsWith('/') && plainSegments(root) && typeof directory === 'string' && !directory.startsWith('/') && plainSegments(directory),
  );
}
