import type { VicidialSettings } from '../settings';
import { gmtNow, serverTime, storedGmt } from '../wire/server-time';

/**
 * Agent API `version` (seed 002, spec §3.2): answered before anything else,
 * whatever the credentials and options.
 * `VERSION: <version>|BUILD: <build>|DATE: <now>|EPOCH: <epoch>`
 */
export function agentApiVersionLine(settings: VicidialSettings, at: Date): string {
  const time = serverTime(at, settings.timeZone);
  const { version, build } = settings.agentApi;
  return `VERSION: ${version}|BUILD: ${build}|DATE: ${time.local}|EPOCH: ${time.epoch}`;
}

/**
 * Non-Agent API `version` (spec §4.2), with the server's time zone:
 * `VERSION: <version>|BUILD: <build>|DATE: <now>|EPOCH: <epoch>|DST: <dst>|TZ: <gmt>|TZNOW: <gmt now>|`
 */
export function nonAgentApiVersionLine(settings: VicidialSettings, at: Date): string {
  const time = serverTime(at, settings.timeZone);
  const { version, build } = settings.nonAgentApi;
  const gmt = settings.localGmt ?? storedGmt(time.standardOffsetMinutes);
  return `VERSION: ${version}|BUILD: ${build}|DATE: ${time.local}|EPOCH: ${time.epoch}|DST: ${time.dst}|TZ: ${gmt}|TZNOW: ${gmtNow(gmt, time.dst)}|`;
}
