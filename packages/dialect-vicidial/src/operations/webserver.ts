import { statfs } from 'node:fs/promises';
import { hostname, loadavg, type } from 'node:os';
import type { JSONSchemaType } from 'ajv';
import { inputOf } from '../agent-api/input-schema';
import { defineAgentOperation } from '../agent-api/operation';
import { checkAllowList, type AgentOperationContext } from '../agent-api/steps';
import { serverTime } from '../wire/server-time';
import { utf8ToBytes } from '../wire/php-params';

type NoInput = Record<string, never>;
const schema = { type: 'object', properties: {}, required: [] } as unknown as JSONSchemaType<NoInput>;
const readInput = inputOf<NoInput>(schema, []);

/**
 * webserver (seed 002, spec §3.2): a report on the server answering, keys
 * in VICIdial's order. The allow-list is its only check (no agent). What has
 * an equivalent in the gateway reports it (time zone, host, load, disk, the
 * body size limit); what exists only in PHP or Apache is left empty rather
 * than invented (docs/vicidial.md, "webserver").
 */
export const webserver = defineAgentOperation({
  name: 'webserver',
  function: 'webserver',
  auth: 'allow-list',
  input: readInput,
  async run(ctx): Promise<Array<[string, string]>> {
    checkAllowList(ctx, null);
    return webserverFacts(ctx);
  },
  render(facts, ctx) {
    ctx.answer.actionComment('webserver: server report');
    ctx.answer.line('<PRE>Webserver Data:');
    for (const [key, value] of facts) ctx.answer.line(`${key}: ${value}`);
    ctx.answer.line('</PRE>');
    ctx.answer.markReported();
  },
});

async function webserverFacts(ctx: AgentOperationContext): Promise<Array<[string, string]>> {
  const { timeZone, maxBodyBytes } = ctx.settings;
  const now = ctx.core.clock.now();
  return [
    ['set.timezone', timeZone],
    ['abbr.timezone', zoneAbbreviation(now, timeZone)],
    ['dst.timezone', String(serverTime(now, timeZone).dst)],
    ['uname', type()],
    ['host name', utf8ToBytes(hostname())],
    ['server name', ctx.serverName],
    ['php version', ''],
    ['apache version', ''],
    ['apache processes', ''],
    ['system load average', loadavg()[0]!.toFixed(2)],
    ['disk free space', await diskFreeBytes()],
    ['date.timezone', timeZone],
    ['maximum execution time', ''],
    ['maximum input time', ''],
    ['memory limit', ''],
    ['post maximum size', String(maxBodyBytes)],
    ['upload maximum filesize', String(maxBodyBytes)],
    ['default socket timeout', ''],
  ];
}

/** PHP `date('T')`: the zone's abbreviation (`UTC`, `EST`), or its offset where it has none (`GMT+1`). */
function zoneAbbreviation(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(at);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/** PHP `disk_free_space('/')`: bytes free on the root file system; empty when it cannot be read. */
async function diskFreeBytes(): Promise<string> {
  try {
    const stats = await statfs('/');
    return String(stats.bavail * stats.bsize);
  } catch {
    return '';
  }
}
