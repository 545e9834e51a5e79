import { newDid } from '@pbx-gateway/core';
import { bytesToText } from '../../wire/php-params';
import { DID_PATTERN, didChangesOf, isDidPatternLength, modifyInboundDids, readDidSettings } from '../did-settings';
import { defineNonAgentFunction, refuse } from '../operation';
import { readWith } from '../params';

const readInput = readWith((params) => ({ pattern: params.read('did_pattern', DID_PATTERN), ...readDidSettings(params) }));

/**
 * add_did: a new public number with the settings given, VICIdial's defaults
 * for the others. From the next call on, its route is carried out
 * (IN_GROUP, EXTEN, PHONE; AGENT once provisioning names its agent).
 */
export const addDidFunction = defineNonAgentFunction({
  name: 'add_did',
  partial: 'calls to a DID are carried out on the IN_GROUP, AGENT, EXTEN and PHONE routes; the VOICEMAIL, VMAIL_NO_INST and CALLMENU routes are kept as set, and their calls are released',
  function: 'add_did',
  auth: modifyInboundDids('add_did', 'ADD DIDS'),
  input: readInput,
  async run(ctx, input) {
    const { pattern } = input;
    if (!isDidPatternLength(pattern)) throw refuse(`ERROR: add_did YOU MUST USE ALL REQUIRED FIELDS: |${ctx.user}|${pattern}`);
    const exists = refuse(`ERROR: add_did DID ALREADY EXISTS: |${ctx.user}|${pattern}`);
    if (await ctx.core.getDid(bytesToText(pattern))) throw exists;
    const changes = await didChangesOf(ctx, 'add_did', input);
    if (!(await ctx.core.addDid(newDid(bytesToText(pattern), changes)))) throw exists;
    return pattern;
  },
  render: (pattern, ctx) => `SUCCESS: add_did DID HAS BEEN ADDED - ${ctx.user}|${pattern}`,
});
