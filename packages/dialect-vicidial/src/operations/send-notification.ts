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

const yes = (flag: string): boolean => flag === 'Y' || flag === 'y';
const numberOr = (given: string, otherwise: number): number => (given === '' ? otherwise : Number(given));

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
    if (recipient.length > 0 && type.length > 0 && !isType(type)) {
      ctx.answer.print(`Invalid recipient_type (${type}), `);
      const found = await typeOf(ctx, recipient);
      if (!found) throw stopWith(ownCheck('exit', `ERROR: no matching recipient found in users, user_groups, or campaigns - ${recipient}`));
      ctx.answer.line(`NOTICE: found ${recipient} as ${found}<BR>`);
      type = found;
    }
    if (recipient.length < 1 || !isType(type)) throw stopWith(ownCheck('line', `ERROR: Missing recipient or recipient_type - ${recipient}|${input.recipient_type}`));
    await checkRecipient(ctx, type, recipient, value);

    const now = new Date(ctx.epoch * 1000);
    let showAt = now;
    if (input.notification_date.length > 0) {
      const given = parseLocalDateTime(bytesToText(input.notification_date), ctx.settings.timeZone);
      if (given) showAt = given;
      else ctx.answer.print(`NOTICE: Invalid notification date ${input.notification_date}, changing to now`);
    }
    const confetti = yes(input.show_confetti)
      ? { durationSec: numberOr(input.duration, 2), maxParticleCount: numberOr(input.maxParticleCount, 2350), particleSpeed: numberOr(input.particleSpeed, 2) }
      : null;
    if (input.notification_text.length < 1 && confetti === null) throw stopWith(ownCheck('line', `ERROR: invalid request - ${recipient}|${type}`));
    const color = input.text_color === '' ? 'black' : /^([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$/.test(input.text_color) ? `#${input.text_color}` : input.text_color;
    const queued = await ctx.core.queueAgentNotification({
      recipient: bytesToText(recipient),
      recipientType: type,
      showAt,
      text: bytesToText(input.notification_text),
      style: {
        size: numberOr(input.text_size, 12),
        font: input.text_font === '' ? 'Arial' : bytesToText(input.text_font),
        weight: input.text_weight === '' ? 'bold' : bytesToText(input.text_weight),
        color: bytesToText(color),
      },
      confetti,
      retry: yes(input.notification_retry),
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
