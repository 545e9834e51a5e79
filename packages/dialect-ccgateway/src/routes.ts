import type { DomainErrorCode } from '@pbx-gateway/core';
import { OperationCatalogue, PathRoutes, type HttpMethod } from '@pbx-gateway/dialect-kit';
import { RETCODE_TABLE, wireError, type Retcode, type WireError } from './errors';
import type { CcgatewayTypes, Operation } from './operation';
import { addInsertOperation } from './operations/add-insert';
import { addSuperviseOperation } from './operations/add-supervise';
import { adjustSkillOperation } from './operations/adjust-skill';
import { backFastPlayOperation } from './operations/back-fast-play';
import { beginNetPlayOperation } from './operations/begin-net-play';
import { beginPlayOperation } from './operations/begin-play';
import { cancelBusyOperation } from './operations/cancel-busy';
import { cancelRestOperation } from './operations/cancel-rest';
import { cancelWorkOperation } from './operations/cancel-work';
import { stopSuperviseOrInsertOperation } from './operations/stop-supervise-or-insert';
import { switchListenInsertOperation } from './operations/switch-listen-insert';
import { interceptCallOperation, interceptOperation } from './operations/intercept';
import { forceDropCallOperation } from './operations/force-drop-call';
import { forceBusyOperation } from './operations/force-busy';
import { forceIdleOperation } from './operations/force-idle';
import { forceLoginOperation } from './operations/force-login';
import { forceLoginExOperation } from './operations/force-login-ex';
import { forceLoginExWithoutPhoneOperation } from './operations/force-login-ex-without-phone';
import { forceLogoutOperation } from './operations/force-logout';
import { forceLogoutWithReasonOperation } from './operations/force-logout-with-reason';
import { forceLogOutAgentOperation } from './operations/force-logout-agent';
import { foreFastPlayOperation } from './operations/fore-fast-play';
import { getAgentEventOperation } from './operations/get-agent-event';
import { allAgentEventOperation } from './operations/all-agent-event';
import { getAgentStatusOperation } from './operations/get-agent-status';
import { loginOperation } from './operations/login';
import { loginExOperation } from './operations/login-ex';
import { logoutOperation } from './operations/logout';
import { pausePlayOperation } from './operations/pause-play';
import { beginRecordOperation } from './operations/begin-record';
import { stopRecordOperation } from './operations/stop-record';
import { pauseRecordOperation } from './operations/pause-record';
import { resumeRecordOperation } from './operations/resume-record';
import { resetSkillOperation } from './operations/reset-skill';
import { skillWaitNumOperation } from './operations/skill-wait-num';
import { agentBySkillOperation } from './operations/agent-by-skill';
import { queryCallAppDataOperation } from './operations/call-app-data';
import { setCallAppDataExOperation } from './operations/set-call-app-data-ex';
import { queryCallInfoOperation } from './operations/call-info';
import { queryCallInfoByCallIdOperation } from './operations/call-info-by-call-id';
import { queryCallInfoBeforeAnswerOperation } from './operations/call-info-before-answer';
import { queryWaitCallInfoOperation } from './operations/wait-call-info';
import { queryCallNumsOperation } from './operations/call-nums';
import { queryAllCallInfoExOperation } from './operations/all-call-info-ex';
import { waitNumOperation } from './operations/wait-num';
import { waitNumByAgentOperation } from './operations/wait-num-by-agent';
import { agentVdnSkillOperation } from './operations/agent-vdn-skill';
import { calloutOperation } from './operations/callout';
import { callInnerOperation } from './operations/call-inner';
import { innerHelpOperation } from './operations/inner-help';
import { dropCallOperation } from './operations/drop-call';
import { getHoldOperation } from './operations/get-hold';
import { holdOperation } from './operations/hold';
import { answerOperation } from './operations/answer';
import { forceRestOperation } from './operations/force-rest';
import { releaseLegacyOperation, releaseOperation } from './operations/release-call';
import { restOperation } from './operations/rest';
import { requestStopWhisperAgentOperation } from './operations/request-stop-whisper-agent';
import { requestSwitchInsertWhisperAgentOperation } from './operations/request-switch-insert-whisper-agent';
import { requestWhisperAgentOperation } from './operations/request-whisper-agent';
import { resumePlayOperation } from './operations/resume-play';
import { sayBusyOperation } from './operations/say-busy';
import { sayFreeOperation } from './operations/say-free';
import { sayWorkOperation } from './operations/say-work';
import { setAutoAnswerOperation } from './operations/set-auto-answer';
import { setAutoEnterIdleOperation } from './operations/set-auto-enter-idle';
import { setSelfRecordOperation } from './operations/set-self-record';
import { stopPlayOperation } from './operations/stop-play';
import { transferOperation } from './operations/transfer';
import { confJoinOperation } from './operations/conf-join';
import { connectHoldOperation } from './operations/connect-hold';
import { disconnectOperation } from './operations/disconnect';
import { phoneHangupOperation } from './operations/phone-hangup';
import { beginMuteOperation } from './operations/begin-mute';
import { endMuteOperation } from './operations/end-mute';
import { secondDialExOperation, secondDialOperation } from './operations/second-dial';

/** The interfaces this gateway answers, one line each. */
export const OPERATIONS: readonly Operation[] = [
  loginOperation,
  forceLoginOperation,
  loginExOperation,
  forceLoginExOperation,
  forceLoginExWithoutPhoneOperation,
  logoutOperation,
  forceLogoutOperation,
  forceLogoutWithReasonOperation,
  // Before the agent's own poll: its path would take `allagentevent` for an agent id.
  allAgentEventOperation,
  getAgentEventOperation,
  beginPlayOperation,
  beginNetPlayOperation,
  stopPlayOperation,
  pausePlayOperation,
  resumePlayOperation,
  foreFastPlayOperation,
  backFastPlayOperation,
  beginRecordOperation,
  stopRecordOperation,
  pauseRecordOperation,
  resumeRecordOperation,
  sayBusyOperation,
  cancelBusyOperation,
  sayFreeOperation,
  getAgentStatusOperation,
  restOperation,
  cancelRestOperation,
  sayWorkOperation,
  cancelWorkOperation,
  setAutoAnswerOperation,
  setAutoEnterIdleOperation,
  setSelfRecordOperation,
  resetSkillOperation,
  skillWaitNumOperation,
  waitNumOperation,
  waitNumByAgentOperation,
  agentVdnSkillOperation,
  agentBySkillOperation,
  queryCallAppDataOperation,
  setCallAppDataExOperation,
  queryCallInfoOperation,
  queryCallInfoByCallIdOperation,
  queryCallInfoBeforeAnswerOperation,
  queryWaitCallInfoOperation,
  queryCallNumsOperation,
  queryAllCallInfoExOperation,
  calloutOperation,
  callInnerOperation,
  innerHelpOperation,
  answerOperation,
  releaseOperation,
  releaseLegacyOperation,
  holdOperation,
  getHoldOperation,
  dropCallOperation,
  transferOperation,
  confJoinOperation,
  connectHoldOperation,
  disconnectOperation,
  phoneHangupOperation,
  beginMuteOperation,
  endMuteOperation,
  secondDialOperation,
  secondDialExOperation,
  addSuperviseOperation,
  addInsertOperation,
  requestWhisperAgentOperation,
  requestStopWhisperAgentOperation,
  switchListenInsertOperation,
  interceptOperation,
  interceptCallOperation,
  forceDropCallOperation,
  requestSwitchInsertWhisperAgentOperation,
  forceBusyOperation,
  forceIdleOperation,
  forceRestOperation,
  forceLogOutAgentOperation,
  adjustSkillOperation,
  // Last of the quality-control family: its path would take the others' literal segments for an agent id.
  stopSuperviseOrInsertOperation,
];

export const CATALOGUE = new OperationCatalogue<CcgatewayTypes>(OPERATIONS);

const NOT_IMPLEMENTED = 'not implemented: answered "not supported" (`000-002`)';

/**
 * Interfaces of the catalogue (spec §4) answered "not supported", with their
 * documented method where known, and why.
 */
const UNDOCUMENTED = 'Huawei publishes no page for it (no parameters, answers or codes): answered "not supported" (`000-002`)';

export const NOT_SUPPORTED: ReadonlyArray<readonly [HttpMethod | null, string, string]> = [
  ...['notifybulletin', 'setforwarding'].map(
    (name) => [null, `/onlineagent/{agentid}/${name}/**`, UNDOCUMENTED] as const,
  ),
  [
    null,
    '/voicecall/{agentid}/phonepickup/**',
    'not supported (`000-002`): Huawei\'s hard-phone linkage takes the ringing phone off hook, which the engine cannot do to a SIP phone from outside',
  ],
  [
    null,
    '/recordplay/{agentid}/recordfile*/**',
    'Huawei publishes no page for a `recordplay` recording-file interface (its recording downloads are `GET /recordfile/{agentid}`, a file server mounted on the gateway): answered "not supported" (`000-002`)',
  ],
  ...['calldata', 'agentgroup', 'queuedevice'].map((name) => [null, `/${name}/**`, NOT_IMPLEMENTED] as const),
  [null, '/querymonitor/**', 'the known paths are cluster and system queries of the real product (servertime, systemversion, clusterinfo …) whose answers Huawei does not publish: answered "not supported" (`000-002`)'],
  [null, '/textchat/**', 'text chat: the gateway has no text-chat media server (sign-in answers `mediatype` `TFF`): answered "not supported" (`000-002`)'],
];

/** What answers a path: an interface, or the known-but-not-implemented answer. */
export type RouteTarget = { kind: 'operation'; operation: Operation } | { kind: 'not_supported'; path: string };

/** The interfaces first, then the known paths answered "not supported". */
export function buildRoutes(): PathRoutes<RouteTarget> {
  const notSupported = NOT_SUPPORTED.map(([method, path]) => ({ method, path, target: { kind: 'not_supported', path } as RouteTarget }));
  const operations = OPERATIONS.map((operation) => ({ method: operation.method, path: operation.path, target: { kind: 'operation', operation } as RouteTarget }));
  return new PathRoutes([...operations, ...notSupported]);
}

/** The retcode of a core refusal on an interface, for the documentation and its test. */
export function mappingFor(code: DomainErrorCode, operation: string): Retcode {
  return CATALOGUE.named(operation)?.errors[code] ?? RETCODE_TABLE[code];
}

/** The wire error for anything an interface's core call threw (`100-007` for what is not a refusal). */
export function wireErrorFor(error: unknown, operation: string): WireError {
  return wireError(CATALOGUE.named(operation)?.wireErrorOf(error) ?? '100-007');
}
