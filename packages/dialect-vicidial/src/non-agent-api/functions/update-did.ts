import { bytesToText } from '../../wire/php-params';
import { DID_PATTERN, didChangesOf, isDidPatternLength, modifyInboundDids, readDidSettings } from '../did-settings';
import { defineNonAgentFunction, refuse } from '../operation';
import { readWith } from '../params';
import { ownedObjectsFilter } from '../visible-group';

const readInput = readWith((params) => ({
  pattern: params.read('did_pattern', DID_PATTERN),
  deleteDid: params.read('delete_did', { keep: 'A-Z' }),
  ...readDidSettings(params),
}));

/**
 * update_did: changes the settings given of a DID the caller's group may
 * see, or with `delete_did=Y` (and `delete_inbound_dids`) removes it. A
 * change of route or in-group applies from the next call on.
 */
export const updateDidFunction = defineNonAgentFunction({
  name: 'update_did',
  partial: 'calls to a DID are carried out on the IN_GROUP, AGENT, EXTEN and PHONE routes; the VOICEMAIL, VMAIL_NO_INST and CALLMENU routes are kept as set, and their calls are released',
  function: 'update_did',
  auth: modifyInboundDids('update_did', 'UPDATE DIDS'),
  input: readInput,
  async run(ctx, input) {
    const { pattern } = input;
    if (!isDidPatternLength(pattern)) throw refuse(`ERROR: update_did YOU MUST USE ALL REQUIRED FIELDS: |${ctx.user}|${pattern}`);
    const [did, visible] = await Promise.all([ctx.core.getDid(bytesToText(pattern)), ownedObjectsFilter(ctx)]);
    const missing = refuse(`ERROR: update_did DID DOES NOT EXIST: |${ctx.user}|${pattern}`);
    if (!did || !visible(did.userGroup)) throw missing;
    if (input.deleteDid === 'Y') {
      // VICIdial echoes its permission count here: the caller passed the first check, so 1.
      if (!ctx.apiUser.deleteInboundDids) throw refuse(`ERROR: update_did USER DOES NOT HAVE PERMISSION TO DELETE DIDS: |${ctx.user}|1`);
      const removed = await ctx.core.removeDid(did.pattern);
      if (!removed) throw missing;
      return `SUCCESS: update_did DID HAS BEEN DELETED - ${ctx.user}|${pattern}|${removed.id}`;
    }
    const changes = await didChangesOf(ctx, 'update_did', input);
    if (Object.keys(changes).length === 0) return `NOTICE: update_did NO UPDATES DEFINED: |${ctx.user}|`;
    if (!(await ctx.core.updateDid({ pattern: did.pattern, changes }))) throw missing;
    return `SUCCESS: update_did DID HAS BEEN UPDATED - ${ctx.user}|${pattern}`;
  },
  render: (line) => line,
});
