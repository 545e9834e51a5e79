import { supportRows, type SupportSection, type UnsupportedOperation } from '@pbx-gateway/dialect-kit';
import { NON_AGENT_FUNCTIONS } from './non-agent-api/catalogue';
import { AGENT_OPERATIONS } from './operations/catalogue';

/** Functions answered before authentication, outside the catalogues. */
const BEFORE_AUTHENTICATION = [{ label: 'version' }];

/** Documented Non-Agent API functions the catalogue does not hold. */
export const UNSUPPORTED_NON_AGENT_FUNCTIONS: readonly UnsupportedOperation[] = [
  { name: 'check_phone_number', reason: 'not implemented: answered `ERROR: NO FUNCTION SPECIFIED`, as the script answers a function it does not run' },
  { name: 'update_list', reason: 'not implemented: answered `ERROR: NO FUNCTION SPECIFIED`, as the script answers a function it does not run' },
];

export function vicidialCompatibility(): SupportSection[] {
  const agent = AGENT_OPERATIONS.operations.map((operation) => ({ label: operation.function, partial: operation.partial }));
  const nonAgent = NON_AGENT_FUNCTIONS.operations.map((operation) => ({ label: operation.function, partial: operation.partial }));
  return [
    { heading: 'Agent API (`/agc/api.php?function=`)', rows: supportRows([...BEFORE_AUTHENTICATION, ...agent], []) },
    { heading: 'Non-Agent API (`/vicidial/non_agent_api.php?function=`)', rows: supportRows([...BEFORE_AUTHENTICATION, ...nonAgent], UNSUPPORTED_NON_AGENT_FUNCTIONS) },
  ];
}
