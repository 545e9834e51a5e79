import { FILTERS, plusToSpace, removeQuotes, type InputFilters } from '../wire/input-filters';
import type { PhpParams } from '../wire/php-params';
import { addLeadParams, type LeadParams } from './lead-params';
import { addNotificationParams, type NotificationParams } from './notification-params';

/**
 * The Agent API parameters the implemented functions read, after VICIdial's
 * input filters (spec §1.3). Byte strings (wire/php-params): what the script
 * checks and echoes.
 */
export interface AgentRequest extends LeadParams, NotificationParams {
  user: string;
  pass: string;
  source: string;
  function: string;
  format: string;
  agent_user: string;
  alt_user: string;
  value: string;
  stage: string;
  dial_override: string;
  close_window_link: string;
  phone_number: string;
  ingroup_choices: string;
  /** `YES` or `NO`: anything but `YES` reads as `NO`. */
  consultative: string;
  group_alias: string;
  cid_choice: string;
  multi_dial_phones: string;
  md_check: string;
  tw_check: string;
  blended: string;
  set_as_default: string;
  lead_id: string;
  search: string;
  preview: string;
  focus: string;
  dial_prefix: string;
  dial_ingroup: string;
  outbound_cid: string;
  vtiger_callback: string;
  alt_dial: string;
  /** set_timer_action's message. */
  notes: string;
  /** ra_call_control's status of the call. */
  status: string;
  /** Not a parameter: the request as the script writes it out (PhpParams.rawQuery), where update_fields and refresh_panel look for names. */
  raw_query: string;
}

/** The parameters every answer is logged with, and all that `version` (answered before anything else) reads. */
export type AgentRequestHead = Pick<AgentRequest, 'user' | 'function' | 'agent_user'>;

export function readAgentRequestHead(params: PhpParams, filters: InputFilters): AgentRequestHead {
  return {
    user: filters.keep(params.get('user'), FILTERS.user),
    function: filters.keep(params.get('function'), FILTERS.identifier),
    agent_user: filters.keep(params.get('agent_user'), FILTERS.identifier),
  };
}

export function readAgentRequest(params: PhpParams, filters: InputFilters, head: AgentRequestHead = readAgentRequestHead(params, filters)): AgentRequest {
  const keep = (name: string, allowed: string): string => filters.keep(params.get(name), allowed);
  const request = {
    user: head.user,
    pass: keep('pass', FILTERS.agentPass),
    source: keep('source', FILTERS.alphanumeric),
    function: head.function,
    format: keep('format', FILTERS.alphanumeric),
    agent_user: head.agent_user,
    alt_user: keep('alt_user', FILTERS.alphanumeric),
    value: keep('value', FILTERS.value),
    stage: removeQuotes(params.get('stage')),
    dial_override: keep('dial_override', FILTERS.upperLetters),
    close_window_link: keep('close_window_link', FILTERS.identifier),
    phone_number: keep('phone_number', FILTERS.phoneNumber),
    // A `+` that reached the value (sent as %2B) is a space too.
    ingroup_choices: filters.keep(plusToSpace(params.get('ingroup_choices')), FILTERS.groupList),
    consultative: keep('consultative', FILTERS.upperLetters) === 'YES' ? 'YES' : 'NO',
    group_alias: keep('group_alias', FILTERS.alphanumeric),
    cid_choice: keep('cid_choice', FILTERS.identifier),
    multi_dial_phones: keep('multi_dial_phones', FILTERS.phoneList),
    md_check: keep('md_check', FILTERS.alphanumeric),
    tw_check: keep('tw_check', FILTERS.alphanumeric),
    blended: keep('blended', FILTERS.upperLetters),
    set_as_default: keep('set_as_default', FILTERS.upperLetters),
    lead_id: keep('lead_id', FILTERS.digits),
    search: keep('search', FILTERS.identifier),
    preview: keep('preview', FILTERS.identifier),
    focus: keep('focus', FILTERS.identifier),
    dial_prefix: keep('dial_prefix', FILTERS.alphanumeric),
    dial_ingroup: keep('dial_ingroup', FILTERS.identifier),
    outbound_cid: keep('outbound_cid', FILTERS.identifier),
    vtiger_callback: keep('vtiger_callback', FILTERS.upperLetters),
    alt_dial: keep('alt_dial', FILTERS.upperAlphanumeric),
    notes: filters.keep(plusToSpace(params.get('notes')), FILTERS.notes),
    status: keep('status', FILTERS.identifier),
    raw_query: params.rawQuery(),
  };
  // Added onto the same object: spreading them into the literal made a second object and copied it, on every request.
  return addNotificationParams(addLeadParams(request, params, filters), params, filters);
}
