import { OperationCatalogue } from '@pbx-gateway/dialect-kit';
import type { NonAgentTypes } from './operation';
import { addDidFunction } from './functions/add-did';
import { addDncPhone } from './functions/add-dnc-phone';
import { addGroupAlias } from './functions/add-group-alias';
import { addLead } from './functions/add-lead';
import { addList } from './functions/add-list';
import { addPhone } from './functions/add-phone';
import { addPhoneAlias } from './functions/add-phone-alias';
import { addUser } from './functions/add-user';
import { agentCampaigns } from './functions/agent-campaigns';
import { agentIngroupInfo } from './functions/agent-ingroup-info';
import { agentStatsExport } from './functions/agent-stats-export';
import { agentStatusFunction } from './functions/agent-status';
import { batchUpdateLead } from './functions/batch-update-lead';
import { blindMonitor } from './functions/blind-monitor';
import { callDispoReport } from './functions/call-dispo-report';
import { callStatusStats } from './functions/call-status-stats';
import { callidInfo } from './functions/callid-info';
import { callmenuList } from './functions/callmenu-list';
import { campaignsList } from './functions/campaigns-list';
import { checkPhoneNumber } from './functions/check-phone-number';
import { containerList } from './functions/container-list';
import { copyDidFunction } from './functions/copy-did';
import { copyUser } from './functions/copy-user';
import { didLogExport } from './functions/did-log-export';
import { deleteDncPhone } from './functions/delete-dnc-phone';
import { hopperBulkInsert } from './functions/hopper-bulk-insert';
import { hopperList } from './functions/hopper-list';
import { inGroupStatus } from './functions/in-group-status';
import { ingroupList } from './functions/ingroup-list';
import { leadAllInfo } from './functions/lead-all-info';
import { leadCallbackInfo } from './functions/lead-callback-info';
import { leadDearchive } from './functions/lead-dearchive';
import { leadFieldInfo } from './functions/lead-field-info';
import { leadStatusSearch } from './functions/lead-status-search';
import { leadSearch } from './functions/lead-search';
import { listCustomFields } from './functions/list-custom-fields';
import { listInfo } from './functions/list-info';
import { loggedInAgents } from './functions/logged-in-agents';
import { mohList } from './functions/moh-list';
import { soundsList } from './functions/sounds-list';
import { phoneNumberLog } from './functions/phone-number-log';
import { recordingLookup } from './functions/recording-lookup';
import { updateLeadFunction } from './functions/update-lead';
import { updateCampaignFunction } from './functions/update-campaign';
import { updateDidFunction } from './functions/update-did';
import { updateList } from './functions/update-list';
import { updateLogEntry } from './functions/update-log-entry';
import { updatePhone } from './functions/update-phone';
import { updatePhoneAlias } from './functions/update-phone-alias';
import { updateUser } from './functions/update-user';
import { userDetails } from './functions/user-details';
import { userGroupStatus } from './functions/user-group-status';
import { vmList } from './functions/vm-list';

/** Non-Agent API functions the gateway carries out, one line each (`version` is answered before login). */
export const NON_AGENT_FUNCTIONS = new OperationCatalogue<NonAgentTypes>([
  addDidFunction,
  addDncPhone,
  addGroupAlias,
  addLead,
  addList,
  addPhone,
  addPhoneAlias,
  addUser,
  agentCampaigns,
  agentIngroupInfo,
  agentStatsExport,
  agentStatusFunction,
  batchUpdateLead,
  blindMonitor,
  callDispoReport,
  callStatusStats,
  callidInfo,
  callmenuList,
  campaignsList,
  checkPhoneNumber,
  containerList,
  copyDidFunction,
  copyUser,
  deleteDncPhone,
  hopperBulkInsert,
  didLogExport,
  hopperList,
  inGroupStatus,
  ingroupList,
  leadAllInfo,
  leadCallbackInfo,
  leadDearchive,
  leadFieldInfo,
  leadSearch,
  leadStatusSearch,
  listCustomFields,
  listInfo,
  loggedInAgents,
  mohList,
  soundsList,
  phoneNumberLog,
  recordingLookup,
  updateCampaignFunction,
  updateDidFunction,
  updateLeadFunction,
  updateList,
  updateLogEntry,
  updatePhone,
  updatePhoneAlias,
  updateUser,
  userDetails,
  userGroupStatus,
  vmList,
]);

/** `function=` → the function; a Map inside, so that `constructor` or `__proto__` find nothing. */
export const nonAgentFunction = NON_AGENT_FUNCTIONS.index('function');
