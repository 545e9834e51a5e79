import { isDomainError, type CallbackRequest, type DispositionOutcome } from '@pbx-gateway/core';
import { inputOf, PATTERNS } from '../agent-api/input-schema';
import { leadInputSchema, type LeadParamName } from '../agent-api/lead-params';
import { defineAgentOperation } from '../agent-api/operation';
import type { AgentRequest } from '../agent-api/request';
import { agentIdOf, checkAllowList, liveSession, resolveAgentUser, stopWith, type AgentOperationContext } from '../agent-api/steps';
import { agentNotLoggedIn, echoedAgent, ownCheck, type Refusal } from '../errors';
import { bytesToText } from '../wire/php-params';
import { parseLocalDateTime } from '../wire/server-time';

const CALLBACK_FIELDS = ['callback_datetime', 'callback_type', 'callback_comments', 'qm_dispo_code'] as const satisfies readonly LeadParamName[];

type ExternalStatusInput = Pick<AgentRequest, 'value' | 'agent_user' | 'alt_user' | (typeof CALLBACK_FIELDS)[number]>;

const readInput = inputOf(
  leadInputSchema<ExternalStatusInput>({ value: PATTERNS.value, agent_user: PATTERNS.identifier, alt_user: PATTERNS.alphanumeric }, CALLBACK_FIELDS),
  ['value', 'agent_user', 'alt_user', ...CALLBACK_FIELDS],
);

/** The product's limit on callback comments. */
const MAX_CALLBACK_COMMENTS = 200;

/** What the request says of a callback, as the line echoes it (bytes). */
interface CallbackEcho {
  datetime: string;
  type: string;
  comments: string;
}

const callbackEchoOf = (input: ExternalStatusInput): CallbackEcho => ({
  datetime: input.callback_datetime,
  // A type shorter than four letters is ANYONE, as the product reads it.
  type: input.callback_type.length < 4 ? 'ANYONE' : input.callback_type,
  comments: input.callback_comments.slice(0, MAX_CALLBACK_COMMENTS),
});

/** A time the server cannot read is taken as due now: the callback is kept rather than lost. */
function callbackRequestOf(ctx: AgentOperationContext, echo: CallbackEcho): CallbackRequest {
  return {
    at: parseLocalDateTime(bytesToText(echo.datetime), ctx.settings.timeZone) ?? new Date(ctx.epoch * 1000),
    recipient: echo.type === 'USERONLY' ? 'USERONLY' : 'ANYONE',
    comments: bytesToText(echo.comments),
  };
}

/** The characters of a status a lead keeps (VICIdial's `vicidial_list.status` is a VARCHAR(6)). */
const KEPT_STATUS_LENGTH = 6;

/** A status the core would still refuse: the function's own "not valid" line. */
const statusNotValid: Refusal = {
  kind: 'not_valid',
  end: 'line',
  text: (ctx) => `ERROR: external_status not valid - ${ctx.request.value}|${echoedAgent(ctx)}`,
};

/**
 * external_status (seed 002, spec §3.2): the agent's disposition of the lead
 * on their screen. The lead and its call record take the status; a
 * scheduled-callback status with a time schedules the callback (lead held
 * as CBHOLD); the agent then becomes ready or paused (see the core). Sent
 * while the lead's call is up, it is applied when the call ends; sent with
 * no lead on the screen, it is answered as VICIdial answers it and nothing
 * takes it. VICIdial checks no length: a longer status is answered and
 * echoed in full, and the lead keeps its first six characters, as the
 * product's six-character column keeps it (docs/vicidial.md).
 */
export const externalStatus = defineAgentOperation({
  name: 'external_status',
  function: 'external_status',
  auth: 'allow-list',
  input: readInput,
  async run(ctx: AgentOperationContext, input) {
    const { value, agent_user: givenAgent, alt_user: altUser } = input;
    if (value.length < 1 || (givenAgent.length < 1 && altUser.length < 2)) {
      throw stopWith(ownCheck('line', `ERROR: external_status not valid - ${value}|${givenAgent}`));
    }
    checkAllowList(ctx, value);
    const agentUser = await resolveAgentUser(ctx, `ERROR: no user found - ${altUser}`);
    ctx.target = { agentUser };
    const session = await liveSession(ctx, agentUser);
    if (!session) throw stopWith(agentNotLoggedIn);
    const echo = callbackEchoOf(input);
    // A longer status names no status of the product (its statuses have six characters at most): never a callback.
    const longer = value.length > KEPT_STATUS_LENGTH;
    const withCallback = echo.datetime.length > 12 && !longer;
    const status = bytesToText(value).slice(0, KEPT_STATUS_LENGTH);
    let outcome: DispositionOutcome | null = null;
    try {
      outcome = await ctx.core.dispositionAgentLead({
        agentId: agentIdOf(agentUser),
        disposition: { status, callback: withCallback ? callbackRequestOf(ctx, echo) : null },
      });
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'NO_ACTIVE_LEAD') throw error;
    }
    // No lead on the screen: VICIdial answers as always and its screen has nothing to give the status to; neither has the gateway.
    const scheduledCallbackStatus =
      !longer && (outcome ? outcome.scheduledCallbackStatus : ((await ctx.core.findLeadStatus(status, session.campaignId))?.scheduledCallback ?? false));
    ctx.answer.actionComment(`external_status: ${value} ${outcome === null ? 'not given: no lead on the screen' : outcome.when === 'now' ? 'given' : 'given when the call ends'}`);
    const qm = input.qm_dispo_code;
    if (withCallback && scheduledCallbackStatus) return `${value}!${echo.datetime}!${echo.type}!${echo.comments}!${qm}`;
    return qm.length > 0 ? `${value}!!!!${qm}` : value;
  },
  render: (echoValue, ctx) => ctx.answer.line(`SUCCESS: external_status function set - ${echoValue}|${ctx.target?.agentUser ?? ''}`),
  errors: { INVALID_ARGUMENT: statusNotValid },
});
