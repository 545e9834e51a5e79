import { isDidRouteKind, type DidChanges } from '@pbx-gateway/core';
import { bytesToText } from '../wire/php-params';
import { refuse, type NonAgentContext } from './operation';
import { IDENTIFIER, type NonAgentParams } from './params';

/** A DID's number or pattern, as VICIdial filters did_pattern and source_did_pattern. */
export const DID_PATTERN = { keep: ':+*#._0-9{L}' };

/** Whether a DID pattern (as filtered) is of the 2 to 50 bytes add_did, copy_did and update_did require. */
export const isDidPatternLength = (pattern: string): boolean => pattern.length >= 2 && pattern.length <= 50;

/** The settings add_did and update_did take, each read through VICIdial's filter. */
export function readDidSettings(params: NonAgentParams) {
  return {
    description: params.read('did_description', { keep: '- .,_0-9{L}' }),
    active: params.read('active', { keep: 'A-Z' }),
    route: params.read('did_route', IDENTIFIER),
    recordCall: params.read('record_call', IDENTIFIER),
    extension: params.read('extension', { keep: '-*#.:/@_0-9{L}' }),
    extenContext: params.read('exten_context', IDENTIFIER),
    voicemailExt: params.read('voicemail_ext', { keep: '*#._0-9{L}' }),
    phoneExtension: params.read('phone_extension', IDENTIFIER),
    serverIp: params.read('server_ip', { keep: '-.:_0-9{L}' }),
    group: params.read('group', { keep: '-|_0-9{L}' }),
    menuId: params.read('menu_id', IDENTIFIER),
    filterCleanCidNumber: params.read('filter_clean_cid_number', { keep: '- .,_0-9{L}' }),
    callHandleMethod: params.read('call_handle_method', { keep: '_0-9{L}' }),
    agentSearchMethod: params.read('agent_search_method', { keep: '_0-9{L}' }),
    listId: params.read('list_id', IDENTIFIER),
    entryListId: params.read('entry_list_id', { keep: '0-9' }),
    campaignId: params.read('campaign_id', IDENTIFIER),
    phoneCode: params.read('phone_code', { keep: '0-9' }),
  };
}

export type DidSettingsInput = ReturnType<typeof readDidSettings>;

const OPTIONAL = 'THIS IS AN OPTIONAL FIELD';

/** A value given (not empty) whose length is outside min–max bytes. */
const outside = (value: string, min: number, max: number): boolean => value !== '' && (value.length < min || value.length > max);

/**
 * The settings given, checked one after the other in VICIdial's order; the
 * first one refused ends the request with its line. VICIdial words a call
 * menu that does not exist as update_did even in add_did.
 */
export async function didChangesOf(ctx: NonAgentContext, fn: 'add_did' | 'update_did', input: DidSettingsInput): Promise<DidChanges> {
  const refusal = (reason: string, value: string) => refuse(`ERROR: ${fn} ${reason}, ${OPTIONAL}: |${ctx.user}|${value}`);
  const changes: DidChanges = {};
  const text = bytesToText;
  if (outside(input.description, 6, 50)) throw refusal('DID DESCRIPTION MUST BE FROM 6 TO 50 CHARACTERS', input.description);
  if (input.description !== '') changes.description = text(input.description);
  if (input.active !== '' && input.active !== 'Y' && input.active !== 'N') throw refusal('ACTIVE MUST BE Y OR N', input.active);
  if (input.active !== '') changes.active = input.active === 'Y';
  if (input.route !== '' && !isDidRouteKind(input.route)) throw refusal('DID ROUTE IS NOT VALID', input.route);
  if (input.route !== '' && isDidRouteKind(input.route)) changes.route = input.route;
  if (input.recordCall !== '' && !['Y', 'N', 'Y_QUEUESTOP'].includes(input.recordCall)) throw refusal('RECORD CALL MUST BE Y OR N', input.recordCall);
  if (input.recordCall !== '') changes.recordCall = input.recordCall;
  if (outside(input.extension, 1, 50)) throw refusal('EXTENSION MUST BE FROM 1 TO 50 CHARACTERS', input.extension);
  if (input.extension !== '') changes.extension = text(input.extension);
  if (outside(input.extenContext, 1, 50)) throw refusal('EXTENSION CONTEXT MUST BE FROM 1 TO 50 CHARACTERS', input.extenContext);
  if (input.extenContext !== '') changes.extenContext = text(input.extenContext);
  if (outside(input.voicemailExt, 1, 10)) throw refusal('VOICEMAIL EXTENSION MUST BE FROM 1 TO 10 CHARACTERS', input.voicemailExt);
  if (input.voicemailExt !== '') changes.voicemailExt = text(input.voicemailExt);
  if (outside(input.phoneExtension, 1, 100)) throw refusal('PHONE EXTENSION MUST BE FROM 1 TO 100 CHARACTERS', input.phoneExtension);
  if (input.phoneExtension !== '') changes.phone = text(input.phoneExtension);
  if (input.serverIp !== '' && !ctx.core.isServerAddress(text(input.serverIp))) throw refusal('SERVER IP MUST BE A VALID SERVER IN THE SYSTEM', input.serverIp);
  if (input.serverIp !== '') changes.serverIp = text(input.serverIp);
  if (input.group !== '' && !(await ctx.core.getQueue(text(input.group)))) throw refusal('GROUP ID MUST BE A VALID INBOUND GROUP IN THE SYSTEM', input.group);
  if (input.group !== '') changes.queueName = text(input.group);
  if (input.menuId !== '' && !(await ctx.core.listCallMenus()).some((menu) => menu.id === text(input.menuId))) {
    throw refuse(`ERROR: update_did MENU ID MUST BE A VALID CALL MENU IN THE SYSTEM, ${OPTIONAL}: |${ctx.user}|${input.menuId}`);
  }
  if (input.menuId !== '') changes.menuId = text(input.menuId);
  if (outside(input.filterCleanCidNumber, 1, 20)) throw refusal('CLEAN CID NUMBER MUST BE FROM 1 TO 20 CHARACTERS', input.filterCleanCidNumber);
  if (input.filterCleanCidNumber !== '') changes.filterCleanCidNumber = text(input.filterCleanCidNumber);
  if (outside(input.callHandleMethod, 3, 20)) throw refusal('CALL HANDLE METHOD MUST BE FROM 3 TO 20 CHARACTERS', input.callHandleMethod);
  if (input.callHandleMethod !== '') changes.callHandleMethod = text(input.callHandleMethod);
  if (outside(input.agentSearchMethod, 2, 2)) throw refusal('AGENT SEARCH METHOD MUST BE 2 CHARACTERS', input.agentSearchMethod);
  if (input.agentSearchMethod !== '') changes.agentSearchMethod = text(input.agentSearchMethod);
  if (outside(input.listId, 3, 14)) throw refusal('LIST ID MUST BE FROM 3 TO 14 DIGITS', input.listId);
  if (input.listId !== '') changes.listId = text(input.listId);
  if (outside(input.entryListId, 1, 14)) throw refusal('ENTRY LIST ID MUST BE FROM 1 TO 14 DIGITS', input.entryListId);
  if (input.entryListId !== '') changes.entryListId = input.entryListId;
  if (outside(input.campaignId, 1, 8)) throw refusal('CAMPAIGN MUST BE FROM 1 TO 8 CHARACTERS', input.campaignId);
  if (input.campaignId !== '') changes.campaignId = text(input.campaignId);
  if (outside(input.phoneCode, 1, 10)) throw refusal('PHONE CODE MUST BE FROM 1 TO 10 CHARACTERS', input.phoneCode);
  if (input.phoneCode !== '') changes.phoneCode = input.phoneCode;
  return changes;
}

/** add_did, copy_did and update_did ask the same of the caller: level 8 or more with `modify_inbound_dids`. */
export const modifyInboundDids = (fn: string, denied: string) => ({
  allows: (user: { level: number; modifyInboundDids: boolean }) => user.level >= 8 && user.modifyInboundDids,
  denied: (user: string) => `ERROR: ${fn} USER DOES NOT HAVE PERMISSION TO ${denied}: |${user}|0`,
});
