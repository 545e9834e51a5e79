/**
 * A caller id an agent may dial out with instead of the campaign's
 * (VICIdial's `groups_alias`): the customer sees its number and name.
 */
export interface GroupAlias {
  id: string;
  callerIdNumber: string;
  callerIdName: string;
  active: boolean;
}
