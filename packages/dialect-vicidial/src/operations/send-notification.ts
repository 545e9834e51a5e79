import type { JSONSchemaType } from 'ajv';
import type { NotificationRecipientType } from '@pbx-gateway/core';
import { inputOf, PATTERNS } from '../agent-api/input-schema';
import { NOTIFICATION_PARAM_FILTERS, notificationParamPattern, type NotificationParams } from '../agent-api/notification-params';
import { defineAgentOperation } from '../agent-api/operation';
import { checkAllowList, stopWith, type AgentOperationContext } from '../agent-api/steps';
import { ownCheck } from '../errors';
import { parseLocalDateTime } from '../wire/server-time';
import { bytesToText, utf8ToBytes } from '../wire/php-params';

type SendNotificationInput = NotificationParams & { value: string };

const NAMES = Object.keys(NOTIFICATION_PARAM_FILTERS) as Array<keyof NotificationParams>;

const schema = {
  type: 'object',
  properties: {
    value: { type: 'string', pattern: PATTERNS.value },
    ...Object.fromEntries(NAMES.map((name) => [name, { type: 'string', pattern: notificationParamPattern(name) }])),
  },
  required: ['value', ...NAMES],
} as unknown as JSONSchemaType<SendNotificationInput>;

const readInput = inputOf(schema, ['value', ...NAMES]);

const TYPES: readonly NotificationRecipientType[] = ['USER', 'USER_GROUP', 'CAMPAIGN'];
const isType = (type: string): type is NotificationRecipientType => (TYPES as readonly string[]).includes(type);
const TABLES: Record<NotificationRecipientType, string> = { USER: 'vicidial_users', USER_GROUP: 'vicidial_user_groups', CAMPAIGN: 'vicidial_campaigns' };

/** PHP's truth of a request string, which the script's `if ($x)` and `!$x` test: empty and `0` are false. */
const phpTrue = (text: string): boolean => text !== '' && text !== '0';
/** A number the script defaults when not given (`if (!$text_size) {$text_size=12;}`): empty and `0` take the default. */
const numberOr = (given: string, otherwise: number): number => (phpTrue(given) ? Number(given) : otherwise);
/** The script's test of a date: this pattern anywhere in it (a day that does not exist passes, as MySQL then takes it). */
const SCRIPT_DATE = /[0-9]{2,4}-[0-9]{1,2}-[0-9]{1,2}\s?[0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2})?/;
/** A date the server can read once it passes that test: `YYYY-M-D h:m[:s]`, the parts padded. */
const READABLE_DATE = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\s?([0-9]{1,2}):([0-9]{1,2})(?::([0-9]{1,2}))?$/;
/** A colour of 3 to 6 upper-case hexadecimal digits is written with `#`, as the script writes it. */
const HEX_COLOR = /^[0-9A-F]{3,6}$/;

/**
 * When the alert shows: now without a date, or when the script's test
 * refuses it (with its NOTICE, no newline); else the date, in the server's
 * time zone. A date that passes the test but names no moment (`2024-13-45
 * 10:00`: VICIdial's MySQL stores a zero date, which its screens show at
 * once) is now, without a NOTICE.
 */
function showAtOf(ctx: AgentOperationContext, date: string, now: Date): Date {
  if (!phpTrue(date)) return now;
  if (!SCRIPT_DATE.test(date)) {
    ctx.answer.print(`NOTICE: Invalid notification date ${date}, changing to now`);
    return now;
  }
  const parts = READABLE_DATE.exec(date.trim());
  if (!parts) return now;
  const [year, month, day, hour, minute, second] = parts.slice(1).map((part) => (part ?? '0').padStart(2, '0'));
  return parseLocalDateTime(`${year}-${month}-${day} ${hour}:${minute}:${second}`, ctx.settings.timeZone) ?? now;
}

/**
 * send_notification (spec §3.2): queues an on-screen alert (text in a
 * style, confetti, or both) for an agent, a user group's agents or a
 * campaign's, within what the API user's group may see. The gateway has no
 * agent screen: SUCCESS means the alert is stored, numbered, for the screens
 * that show them. The system switch comes before the allow-list; a
 * recipient type that is none of the three is looked for as a user, a
 * group, then a campaign.
 */
export const sendNotification = defineAgentOperation({
  name: 'send_notification',
  function: 'send_notification',
  auth: 'allow-list',
  input: readInput,
  async run(ctx, input): Promise<string> {
    const { value, recipient } = input;
    const setting = ctx.settings.agentNotifications;
    if (setting !== '1') throw stopWith(ownCheck('line', `ERROR: Agent API Notifications are disabled on this system - ${utf8ToBytes(setting)}`));
    checkAllowList(ctx, value);
    let type = input.recipient_type;
    // An empty type is not one of the three either: the script looks the recipient up then too.
    if (phpTrue(recipient) && !isType(type)) {
      ctx.answer.print(`Invalid recipient_type (${type}), `);
      const found = await typeOf(ctx, recipient);
      if (!found) throw stopWith(ownCheck('exit', `ERROR: no matching recipient found in users, user_groups, or campaigns - ${recipient}`));
      ctx.answer.line(`NOTICE: found ${recipient} as ${found}<BR>`);
      type = found;
    }
    if (!phpTrue(recipient) || !isType(type)) throw stopWith(ownCheck('line', `ERROR: Missing recipient or recipient_type - ${recipient}|${input.recipient_type}`));
    await checkRecipient(ctx, type, recipient, value);

    const showAt = showAtOf(ctx, input.notification_date, new Date(ctx.epoch * 1000));
    // Confetti only for exactly `Y` (the script compares it so); a retry for a `Y` or `y` anywhere.
    const confetti = input.show_confetti === 'Y'
      ? { durationSec: numberOr(input.duration, 2), maxParticleCount: numberOr(input.maxParticleCount, 2350), particleSpeed: numberOr(input.particleSpeed, 2) }
      : null;
    if (input.notification_text.length < 1 && confetti === null) throw stopWith(ownCheck('line', `ERROR: invalid request - ${recipient}|${type}`));
    const color = !phpTrue(input.text_color) ? 'black' : HEX_COLOR.test(input.text_color) ? `#${input.text_color}` : input.text_color;
    const queued = await ctx.core.queueAgentNotification({
      recipient: bytesToText(recipient),
      recipientType: type,
      showAt,
      text: bytesToText(input.notification_text),
      style: {
        size: numberOr(input.text_size, 12),
        font: !phpTrue(input.text_font) ? 'Arial' : bytesToText(input.text_font),
        weight: !phpTrue(input.text_weight) ? 'bold' : bytesToText(input.text_weight),
        color: bytesToText(color),
      },
      confetti,
      retry: /y/i.test(input.notification_retry),
      queuedBy: ctx.apiUser.login,
    });
    ctx.answer.actionComment(`send_notification: notification ${queued.id} queued for ${type} ${bytesToText(recipient)}`);
    return `SUCCESS: notification queued - ${recipient}|${type}|${queued.id}`;
  },
  render(line, ctx) {
    ctx.answer.line(line);
  },
});

/** What a recipient of no stated type is: a user, else a user group, else a campaign; null: none of them. */
async function typeOf(ctx: AgentOperationContext, recipient: string): Promise<NotificationRecipientType | null> {
  for (const type of TYPES) if (await exists(ctx, type, bytesToText(recipient))) return type;
  return null;
}

async function exists(ctx: AgentOperationContext, type: NotificationRecipientType, id: string): Promise<boolean> {
  switch (type) {
    case 'USER':
      // VICIdial's users are agents and API accounts alike.
      return (await ctx.core.getAgent(id)) !== null || (await ctx.core.findApiUser('vicidial', id)) !== null;
    case 'USER_GROUP':
      return (await ctx.core.getUserGroup(id)) !== null;
    case 'CAMPAIGN':
      return (await ctx.core.getCampaign(id)) !== null;
  }
}

/**
 * The recipient must exist; a group or campaign must be one the API user's
 * group may see (its viewable groups, its allowed campaigns). Each refusal
 * ends the script.
 */
async function checkRecipient(ctx: AgentOperationContext, type: NotificationRecipientType, recipient: string, value: string): Promise<void> {
  const refuse = (text: string) => stopWith(ownCheck('exit', text));
  const id = bytesToText(recipient);
  if (!(await exists(ctx, type, id))) throw refuse(`ERROR: ${recipient} DOES NOT EXIST in ${TABLES[type]} - ${value}|${recipient}`);
  if (type === 'USER') return;
  const own = await ctx.core.getUserGroup(ctx.apiUser.group);
  const user = ctx.request.user;
  if (!own) throw refuse(`ERROR: user_group DOES NOT EXIST - ${value}|${utf8ToBytes(ctx.apiUser.group)}`);
  if (type === 'CAMPAIGN' && own.allowedCampaigns !== null && !own.allowedCampaigns.includes(id)) {
    const allowed = utf8ToBytes(` ${own.allowedCampaigns.join(' ')} -`);
    throw refuse(`ERROR: ACCESS TO CAMPAIGN ${recipient} NOT ALLOWED FOR USER ${user} (${allowed}) - ${value}|${recipient}`);
  }
  if (type === 'USER_GROUP' && own.viewableGroups !== null && !own.viewableGroups.includes(id)) {
    throw refuse(`ERROR: ACCESS TO USER GROUP ${recipient} NOT ALLOWED FOR USER ${user} - ${value}|${recipient}`);
  }
}
