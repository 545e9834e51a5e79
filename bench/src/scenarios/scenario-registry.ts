import type { ScenarioId } from '../options';
import type { ResultRow } from '../report/result-row';
import type { BenchContext } from './bench-context';
import { callSetupScenario } from './call-setup-scenario';
import { ccGatewayScenario } from './cc-gateway-scenario';
import { externalPauseScenario, versionScenario } from './http-scenarios';
import { listcallsScenario } from './listcalls-scenario';
import { playVoiceScenario } from './playvoice-scenario';
import { agentStatusScenario, loggedInAgentsScenario } from './wallboard-scenarios';

export const SCENARIOS: Record<ScenarioId, (context: BenchContext) => Promise<ResultRow>> = {
  version: versionScenario,
  'external-pause': externalPauseScenario,
  'call-setup': callSetupScenario,
  playvoice: playVoiceScenario,
  listcalls: listcallsScenario,
  'agent-status': agentStatusScenario,
  'logged-in-agents': loggedInAgentsScenario,
  'cc-gateway': ccGatewayScenario,
};
