import { OperationCatalogue } from '@pbx-gateway/dialect-kit';
import { agentadd } from './agentadd';
import { agentlogin } from './agentlogin';
import { agentlogout } from './agentlogout';
import { agentpause } from './agentpause';
import { agentremove } from './agentremove';
import { agentstatus } from './agentstatus';
import { agentunpause } from './agentunpause';
import { dial } from './dial';
import { hangupcall } from './hangupcall';
import { listcalls } from './listcalls';
import { moverecord } from './moverecord';
import { originate } from './originate';
import { queuestatus } from './queuestatus';
import { sipstatus } from './sipstatus';
import { spying } from './spying';
import type { VoipsunTypes } from './operation';

/** The actions this gateway answers, one line each; every other `action` value is errno 110. */
export const OPERATIONS = new OperationCatalogue<VoipsunTypes>([
  originate,
  dial,
  hangupcall,
  listcalls,
  spying,
  sipstatus,
  agentlogin,
  agentlogout,
  agentpause,
  agentunpause,
  agentadd,
  agentremove,
  agentstatus,
  queuestatus,
  moverecord,
]);

/** action → operation (a Map inside, so that names like `constructor` or `__proto__` find nothing). */
export const operationFor = OPERATIONS.index('action');

export type { OperationContext, VoipsunOperation, VoipsunTypes } from './operation';
export { wireErrorOf } from './operation';
