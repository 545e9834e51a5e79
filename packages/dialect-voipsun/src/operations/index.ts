import type { VoipsunAction, VoipsunOperation } from './action';
import { hangupcall } from './hangupcall';
import { listcalls } from './listcalls';
import { originate } from './originate';

/** action → operation; a Map so that names like `constructor` or `__proto__` find nothing. */
export const OPERATIONS: ReadonlyMap<string, VoipsunOperation> = new Map<VoipsunAction, VoipsunOperation>(
  [originate, hangupcall, listcalls].map((operation) => [operation.action, operation]),
);

export type { OperationContext, VoipsunAction, VoipsunOperation } from './action';
export { VOIPSUN_ACTIONS } from './action';
