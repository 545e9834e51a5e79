import { ownCheck } from '../errors';
import { bytesToText, utf8ToBytes } from '../wire/php-params';
import { stopWith, type AgentOperationContext } from './steps';

/**
 * The caller id of a `group_alias` (spec §3.2 external_dial step 5): an
 * unknown alias, or one whose number is below 4 (empty, 0 to 3; VICIdial
 * compares it as a number), ends the script. An inactive alias is used like
 * an active one: VICIdial's script looks the alias up by its id alone.
 */
export async function groupAliasCallerId(ctx: AgentOperationContext, agentUser: string, alias: string): Promise<string> {
  const found = await ctx.core.getGroupAlias(bytesToText(alias));
  if (!found) throw stopWith(ownCheck('exit', `ERROR: group_alias is not valid - ${agentUser}|${alias}`));
  const number = utf8ToBytes(found.callerIdNumber);
  if ((Number.parseInt(number, 10) || 0) < 4) {
    throw stopWith(ownCheck('exit', `ERROR: caller_id_number from group_alias is not valid - ${agentUser}|${alias}|${number}`));
  }
  return number;
}
