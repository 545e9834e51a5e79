import { bytesToText } from '../../wire/php-params';
import { DID_PATTERN, isDidPatternLength, modifyInboundDids } from '../did-settings';
import { defineNonAgentFunction, refuse } from '../operation';
import { readWith } from '../params';
import { ownedObjectsFilter } from '../visible-group';

const readInput = readWith((params) => ({
  source: params.read('source_did_pattern', DID_PATTERN),
  newDids: params.read('new_dids', { keep: ':+,*#._0-9{L}' }),
  description: params.read('did_description', { keep: '- .,_0-9{L}' }),
}));

/**
 * copy_did: new DIDs (`new_dids`, separated by commas) with every setting
 * of `source_did_pattern`, each reported on a NOTICE line as VICIdial does,
 * then a SUCCESS line when at least one was added. `did_description` given
 * replaces the source's in the copies; one of the wrong length ends the
 * request at the first copy it would be written to, after the lines
 * printed until then.
 */
export const copyDidFunction = defineNonAgentFunction({
  name: 'copy_did',
  function: 'copy_did',
  auth: modifyInboundDids('copy_did', 'ADD DIDS'),
  input: readInput,
  async run(ctx, input) {
    const { source, newDids, description } = input;
    if (!isDidPatternLength(source) || newDids.length < 2 || newDids.length > 2000) {
      throw refuse(`ERROR: copy_did YOU MUST USE ALL REQUIRED FIELDS: |${ctx.user}|${source}|${newDids}`);
    }
    const [did, visible] = await Promise.all([ctx.core.getDid(bytesToText(source)), ownedObjectsFilter(ctx)]);
    if (!did || !visible(did.userGroup)) throw refuse(`ERROR: copy_did SOURCE DID DOES NOT EXIST: |${ctx.user}|${source}`);
    const lines: string[] = [];
    let added = 0;
    let refused = 0;
    for (const pattern of newDids.split(',')) {
      if (await ctx.core.getDid(bytesToText(pattern))) {
        lines.push(`NOTICE: copy_did DID ALREADY EXISTS - ${ctx.user}|${pattern}`);
        refused += 1;
        continue;
      }
      if (description !== '' && (description.length < 6 || description.length > 50)) {
        lines.push(`ERROR: copy_did DID DESCRIPTION MUST BE EITHER BLANK OR FROM 6 TO 50 CHARACTERS, THIS IS AN OPTIONAL FIELD: |${ctx.user}|${description}`);
        throw refuse(lines.join('\n'));
      }
      const copy = await ctx.core.copyDid({ source: did.pattern, pattern: bytesToText(pattern), description: description === '' ? null : bytesToText(description) });
      // A copy lost to a number added meanwhile counts none, as VICIdial's INSERT IGNORE does.
      lines.push(`NOTICE: copy_did DID HAS BEEN ADDED - ${ctx.user}|${pattern}|${source}|${copy?.id ?? 0}|${copy ? 1 : 0}`);
      if (copy) added += 1;
    }
    const counts = `${source}|${added}|${refused}`;
    if (added === 0) throw refuse([...lines, `ERROR: copy_did NO DIDS ADDED - ${ctx.user}|${counts}`].join('\n'));
    return [...lines, `SUCCESS: copy_did DIDS HAVE BEEN ADDED - ${ctx.user}|${counts}`].join('\n');
  },
  render: (lines) => lines,
});
