import { OperationCatalogue } from '@pbx-gateway/dialect-kit';
import type { VicidialTypes } from '../agent-api/operation';
import { audioPlayback } from './audio-playback';
import { callAgent } from './call-agent';
import { callsInQueueCount } from './calls-in-queue-count';
import { changeIngroups } from './change-ingroups';
import { externalAddLead } from './external-add-lead';
import { externalDial } from './external-dial';
import { externalHangup } from './external-hangup';
import { externalPause } from './external-pause';
import { externalStatus } from './external-status';
import { forceFronterAudioStop } from './force-fronter-audio-stop';
import { forceFronterLeave3way } from './force-fronter-leave-3way';
import { logout } from './logout';
import { parkCall } from './park-call';
import { pauseCode } from './pause-code';
import { previewDialAction } from './preview-dial-action';
import { raCallControl } from './ra-call-control';
import { recording } from './recording';
import { refreshPanel } from './refresh-panel';
import { sendDtmf } from './send-dtmf';
import { sendNotification } from './send-notification';
import { setTimerAction } from './set-timer-action';
import { stGetAgentActiveLead } from './st-get-agent-active-lead';
import { stLoginLog } from './st-login-log';
import { switchLead } from './switch-lead';
import { transferConference } from './transfer-conference';
import { updateFields } from './update-fields';
import { vmMessage } from './vm-message';
import { webphoneUrlFunction } from './webphone-url';
import { webserver } from './webserver';

/** Agent API functions the gateway carries out, one line each (`version` is answered before authentication). */
export const AGENT_OPERATIONS = new OperationCatalogue<VicidialTypes>([
  audioPlayback,
  callAgent,
  callsInQueueCount,
  changeIngroups,
  externalAddLead,
  externalDial,
  externalHangup,
  externalPause,
  externalStatus,
  forceFronterAudioStop,
  forceFronterLeave3way,
  logout,
  parkCall,
  pauseCode,
  previewDialAction,
  raCallControl,
  recording,
  refreshPanel,
  sendDtmf,
  sendNotification,
  setTimerAction,
  stGetAgentActiveLead,
  stLoginLog,
  switchLead,
  transferConference,
  updateFields,
  vmMessage,
  webphoneUrlFunction,
  webserver,
]);

/** `function=` → the function; a Map inside, so that `constructor` or `__proto__` find nothing. */
export const agentFunction = AGENT_OPERATIONS.index('function');
