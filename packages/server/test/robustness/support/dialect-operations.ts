import type { Field, FieldRole, FieldValue, RequestShape } from './request-shape';

/**
 * Every operation each dialect serves, with one valid request from its doc
 * page and the demo tenant: the starting points of the mutations. Agent 1000
 * (VICIdial, in conference 8600051) and agent 101 (CC-Gateway, phone 40038)
 * stay signed in for the run; session-ending operations aim at agents 1001
 * (VICIdial logout) and 102 (CC-Gateway sign-in and sign-out), so that the
 * valid ones among the mutated requests do not end the sessions the others
 * need.
 */

export type DialectName = 'vicidial' | 'voipsun' | 'ccgateway' | 'sipcall';

export const DIALECTS: readonly DialectName[] = ['vicidial', 'voipsun', 'ccgateway', 'sipcall'];

/** Tokens and GUIDs the run keeps current (see the session keeper in the test). */
export interface LiveCredentials {
  guid101: string;
  guid102: string;
  sipcallToken: string;
  sipcallLogoutToken: string;
}

export interface DialectOperation {
  dialect: DialectName;
  name: string;
  valid(credentials: LiveCredentials): RequestShape;
}

type FieldSpec = readonly [name: string, value: FieldValue, role?: FieldRole, alternatives?: readonly FieldValue[]];

const fields = (at: Field['at'], specs: readonly FieldSpec[]): Field[] =>
  specs.map(([name, value, role = 'plain', alternatives]) => ({ name, value, at, role, ...(alternatives ? { alternatives } : {}) }));

const segments = (path: string): string[] => path.split('/').filter((part) => part !== '');

// ---- VICIdial: `/agc/api.php` and `/vicidial/non_agent_api.php`, GET query strings ----------------

const VICIDIAL_AUTH: readonly FieldSpec[] = [
  ['source', 'test', 'plain', ['crm', 'xx']],
  ['user', '6666', 'plain'],
  ['pass', '1234', 'secret'],
];

function vicidial(name: string, script: 'agc/api.php' | 'vicidial/non_agent_api.php', specs: readonly FieldSpec[], auth = true): DialectOperation {
  return {
    dialect: 'vicidial',
    name,
    valid: () => ({
      method: 'GET',
      path: segments(script),
      pathParams: [],
      pathFrom: segments(script).length,
      fields: fields('query', [...(auth ? VICIDIAL_AUTH : []), ...specs]),
      bodyEncoding: 'none',
      headers: {},
    }),
  };
}

const STAGES = ['PLAY', 'STOP', 'PAUSE', 'RESUME', 'RESTART'];

const VICIDIAL: readonly DialectOperation[] = [
  vicidial('version', 'agc/api.php', [['function', 'version', 'service']], false),
  vicidial('audio_playback', 'agc/api.php', [
    ['agent_user', '1000', 'agent'],
    ['function', 'audio_playback', 'service'],
    ['value', 'ss-noservice', 'file', ['hello-world', 'demo-congrats', 'no-such-sound']],
    ['stage', 'PLAY', 'plain', STAGES],
    ['dial_override', 'Y', 'plain', ['N', '']],
  ]),
  vicidial('external_pause', 'agc/api.php', [
    ['agent_user', '1000', 'agent'],
    ['function', 'external_pause', 'service'],
    ['value', 'PAUSE', 'plain', ['RESUME']],
  ]),
  vicidial('external_hangup', 'agc/api.php', [
    ['agent_user', '1000', 'agent'],
    ['function', 'external_hangup', 'service'],
    ['value', '1', 'plain'],
  ]),
  vicidial('logout', 'agc/api.php', [
    ['agent_user', '1001', 'agent'],
    ['function', 'logout', 'service'],
    ['value', 'LOGOUT', 'plain'],
  ]),
  vicidial('webserver', 'agc/api.php', [['function', 'webserver', 'service']]),
  vicidial('pause_code', 'agc/api.php', [
    ['agent_user', '1000', 'agent'],
    ['function', 'pause_code', 'service'],
    ['value', 'BREAK', 'plain', ['LUNCH', 'TOOLONGCODE']],
  ]),
  vicidial('change_ingroups', 'agc/api.php', [
    ['agent_user', '1000', 'agent'],
    ['function', 'change_ingroups', 'service'],
    ['value', 'CHANGE', 'plain', ['ADD', 'REMOVE']],
    ['blended', 'NO', 'plain', ['YES']],
    ['ingroup_choices', ' TEST_IN -', 'plain', [' TEST_IN SALESLINE -', ' FAKE_IN -', '']],
  ]),
  vicidial('calls_in_queue_count', 'agc/api.php', [
    ['agent_user', '1000', 'agent'],
    ['function', 'calls_in_queue_count', 'service'],
    ['value', 'DISPLAY', 'plain'],
  ]),
  vicidial('transfer_conference', 'agc/api.php', [
    ['agent_user', '1000', 'agent'],
    ['function', 'transfer_conference', 'service'],
    ['value', 'DIAL_WITH_CUSTOMER', 'plain', ['BLIND_TRANSFER', 'HANGUP_XFER', 'HANGUP_BOTH', 'LEAVE_3WAY_CALL', 'LEAVE_VM', 'LOCAL_CLOSER']],
    ['phone_number', '5550200', 'plain'],
    ['cid_choice', 'CUSTOMER', 'plain', ['CAMPAIGN', 'OTHER']],
    ['multi_dial_phones', '5550201,5550202', 'plain'],
  ]),
  vicidial('park_call', 'agc/api.php', [
    ['agent_user', '1000', 'agent'],
    ['function', 'park_call', 'service'],
    ['value', 'PARK_CUSTOMER', 'plain', ['GRAB_CUSTOMER', 'PARK_XFER', 'SWAP_PARK_CUSTOMER']],
  ]),
  vicidial('ra_call_control', 'agc/api.php', [
    ['agent_user', '1000', 'agent'],
    ['function', 'ra_call_control', 'service'],
    ['value', 'agent-1000_0', 'plain'],
    ['stage', 'HANGUP', 'plain', ['EXTENSIONTRANSFER', 'INGROUPTRANSFER']],
    ['phone_number', '5550300', 'plain'],
  ]),
  vicidial('external_status', 'agc/api.php', [
    ['agent_user', '1000', 'agent'],
    ['function', 'external_status', 'service'],
    ['value', 'A', 'plain', ['CALLBK', 'SALE']],
    ['callback_datetime', '2030-01-25+12:00:00', 'plain', ['', '2030-13-45+99:99']],
    ['callback_type', 'USERONLY', 'plain', ['ANYONE', '']],
    ['callback_comments', 'call+back', 'plain'],
    ['qm_dispo_code', '4711', 'plain'],
  ]),
  vicidial('external_dial', 'agc/api.php', [
    ['agent_user', '1000', 'agent'],
    ['function', 'external_dial', 'service'],
    ['value', '7275551212', 'number'],
    ['phone_code', '1', 'plain'],
    ['search', 'YES', 'plain', ['NO']],
    ['preview', 'NO', 'plain', ['YES']],
    ['focus', 'NO', 'plain'],
    ['lead_id', '2', 'plain'],
    ['alt_dial', 'MAIN', 'plain', ['ALT', 'ADDR3', 'SEARCH']],
    ['group_alias', 'TESTALIAS', 'plain'],
  ]),
  vicidial('preview_dial_action', 'agc/api.php', [
    ['agent_user', '1000', 'agent'],
    ['function', 'preview_dial_action', 'service'],
    ['value', 'SKIP', 'plain', ['DIALONLY', 'ALTDIAL', 'ADR3DIAL', 'FINISH']],
  ]),
  vicidial('external_add_lead', 'agc/api.php', [
    ['agent_user', '1000', 'agent'],
    ['function', 'external_add_lead', 'service'],
    ['phone_number', '7275551212', 'number'],
    ['phone_code', '1', 'plain'],
    ['first_name', 'Bob', 'plain'],
    ['last_name', "O'Brien", 'plain'],
    ['comments', 'said+"hi"', 'plain'],
    ['date_of_birth', '1970-01-31', 'plain'],
    ['rank', '5', 'plain'],
    ['dnc_check', 'YES', 'plain', ['NO', 'Y']],
    ['campaign_dnc_check', 'YES', 'plain', ['NO']],
  ]),
  vicidial('update_fields', 'agc/api.php', [
    ['agent_user', '1000', 'agent'],
    ['function', 'update_fields', 'service'],
    ['city', 'Frankfurt', 'plain'],
    ['vendor_lead_code', '1234567', 'plain'],
    ['first_name', 'Bob', 'plain'],
    ['date_of_birth', '1970-01-31', 'plain'],
    ['formreload', '1', 'plain'],
  ]),
  vicidial('refresh_panel', 'agc/api.php', [
    ['agent_user', '1000', 'agent'],
    ['function', 'refresh_panel', 'service'],
    ['formreload', '1', 'plain'],
    ['callbacksreload', '1', 'plain'],
  ]),
  vicidial('set_timer_action', 'agc/api.php', [
    ['agent_user', '1000', 'agent'],
    ['function', 'set_timer_action', 'service'],
    ['value', 'MESSAGE_ONLY', 'plain', ['NONE', 'D1_DIAL', 'WEBFORM']],
    ['notes', 'test+message', 'plain'],
    ['rank', '15', 'plain'],
  ]),
  vicidial('st_get_agent_active_lead', 'agc/api.php', [
    ['function', 'st_get_agent_active_lead', 'service'],
    ['value', '876543', 'plain'],
    ['vendor_id', '207', 'plain'],
  ]),
  vicidial('switch_lead', 'agc/api.php', [
    ['agent_user', '1000', 'agent'],
    ['function', 'switch_lead', 'service'],
    ['lead_id', '2', 'plain'],
    ['vendor_lead_code', 'DEMO-2', 'plain'],
  ]),
  vicidial('vm_message', 'agc/api.php', [
    ['agent_user', '1000', 'agent'],
    ['function', 'vm_message', 'service'],
    ['value', 'hello-world|beep', 'plain', ['-beep', '']],
    ['lead_id', '1', 'plain', ['2', '']],
  ]),
  vicidial('force_fronter_leave_3way', 'agc/api.php', [
    ['agent_user', '1000', 'agent'],
    ['function', 'force_fronter_leave_3way', 'service'],
    ['value', 'LOCAL_ONLY', 'plain', ['LOCAL_AND_CCC', 'CCC_REMOTE']],
    ['lead_id', '1', 'plain'],
  ]),
  vicidial('force_fronter_audio_stop', 'agc/api.php', [
    ['agent_user', '1000', 'agent'],
    ['function', 'force_fronter_audio_stop', 'service'],
    ['value', 'LOCAL_ONLY', 'plain', ['LOCAL_AND_CCC', 'CCC_REMOTE']],
    ['stage', 'X', 'plain'],
    ['lead_id', '1', 'plain'],
  ]),
  vicidial('send_notification', 'agc/api.php', [
    ['function', 'send_notification', 'service'],
    ['recipient', '1000', 'plain', ['AGENTS', 'TESTCAMP', '']],
    ['recipient_type', 'USER', 'plain', ['USER_GROUP', 'CAMPAIGN', 'TEAM']],
    ['notification_text', 'Call+back', 'plain'],
    ['notification_date', '2030-01-02+03:04:05', 'plain', ['2030-13-45']],
    ['show_confetti', 'Y', 'plain', ['N']],
  ]),
  vicidial('non_agent version', 'vicidial/non_agent_api.php', [['function', 'version', 'service']], false),
  vicidial('non_agent agent_status', 'vicidial/non_agent_api.php', [
    ['function', 'agent_status', 'service'],
    ['agent_user', '1000', 'agent'],
    ['stage', 'csv', 'plain'],
  ]),
  vicidial('non_agent copy_user', 'vicidial/non_agent_api.php', [
    ['function', 'copy_user', 'service'],
    ['agent_user', '5001', 'plain'],
    ['agent_pass', '9999', 'secret'],
    ['agent_full_name', 'Copy Person', 'plain'],
    ['source_user', '1000', 'agent'],
  ]),
  vicidial('non_agent add_group_alias', 'vicidial/non_agent_api.php', [
    ['function', 'add_group_alias', 'service'],
    ['caller_id_number', '7275551212', 'number'],
    ['group_alias_id', 'robust_alias', 'plain'],
    ['group_alias_name', 'robust alias', 'plain'],
  ]),
  vicidial('non_agent update_campaign', 'vicidial/non_agent_api.php', [
    ['function', 'update_campaign', 'service'],
    ['campaign_id', 'TESTCAMP', 'plain'],
    ['dial_timeout', '45', 'number'],
    ['dial_status_add', 'CALLBK', 'plain'],
  ]),
  vicidial('non_agent batch_update_lead', 'vicidial/non_agent_api.php', [
    ['function', 'batch_update_lead', 'service'],
    ['lead_ids', '1,2', 'plain', ['1,,2', '99999999999999999999']],
    ['status', 'CALLBK', 'plain', ['TOOLONGSTATUS']],
    ['called_count', '2', 'number', ['99999999999']],
    ['list_id_field', '101', 'number', ['99999999999999999999']],
  ]),
  vicidial('non_agent sounds_list', 'vicidial/non_agent_api.php', [
    ['function', 'sounds_list', 'service'],
    ['format', 'selectframe', 'plain'],
    ['stage', 'date', 'plain'],
    ['comments', 'prompt_field', 'plain'],
  ]),
];

// ---- VoIPSUN: `/api/api.php`, GET query strings ------------------------------------------------------

function voipsun(name: string, specs: readonly FieldSpec[]): DialectOperation {
  return {
    dialect: 'voipsun',
    name,
    valid: () => ({
      method: 'GET',
      path: segments('api/api.php'),
      pathParams: [],
      pathFrom: 2,
      fields: fields('query', [['username', 'voipsun', 'plain'], ['password', 'secretpwd', 'secret'], ...specs]),
      bodyEncoding: 'none',
      headers: {},
    }),
  };
}

const VOIPSUN: readonly DialectOperation[] = [
  voipsun('originate', [
    ['action', 'originate', 'service'],
    ['srcExtenId', '5', 'number', ['6', '7']],
    ['dstNum', '800123456', 'number', ['+420800123456', '*97', '800999000']],
    ['customCDR1', 'bad-input', 'plain'],
    ['dialerCid', 'customCDR1', 'plain', ['299299000', '000']],
    ['srcRingTimeout', '5', 'number', ['1', '3600']],
    ['monitorFilename', 'call-record', 'file'],
  ]),
  voipsun('hangupcall', [
    ['action', 'hangupcall', 'service'],
    ['channelName', 'SIP\\5555-0000b704', 'plain', ['PJSIP/sip100-99999999', 'SIP/5555-0000b704']],
  ]),
  voipsun('listcalls', [['action', 'listcalls', 'service']]),
  voipsun('spying', [
    ['action', 'spying', 'service'],
    ['srcExtenId', '5', 'number', ['6']],
    ['dstExtenPublicNum', '299299555', 'number', ['299299001']],
    ['srcDialplanName', 'default', 'plain'],
    ['spyCid', '299299111', 'number', ['000']],
    ['spyName', 'Supervisor', 'plain'],
  ]),
  voipsun('sipstatus', [['action', 'sipstatus', 'service']]),
  // An action of the document the gateway does not run yet: errno 110.
  voipsun('queuestatus', [
    ['action', 'queuestatus', 'service'],
    ['queue', 'FrontaIT', 'plain'],
  ]),
];

// ---- CC-Gateway: `/agentgateway/resource/…`, JSON bodies, the GUID header -------------------------------

const CCGATEWAY_PREFIX = 'agentgateway/resource';

function ccgateway(
  name: string,
  method: string,
  path: string,
  guid: ((credentials: LiveCredentials) => string) | null,
  body: readonly FieldSpec[] = [],
  query: readonly FieldSpec[] = [],
): DialectOperation {
  const parts = segments(`${CCGATEWAY_PREFIX}/${path}`);
  const pathParams = parts.flatMap((part, index) => (/^\d+$/.test(part) ? [index] : []));
  return {
    dialect: 'ccgateway',
    name,
    valid: (credentials) => ({
      method,
      path: [...parts],
      pathParams: [...pathParams],
      pathFrom: segments(CCGATEWAY_PREFIX).length,
      fields: [...fields('query', query), ...fields('body', body)],
      bodyEncoding: body.length > 0 ? 'json' : 'none',
      headers: guid ? { Guid: guid(credentials) } : ({} as Record<string, string>),
    }),
  };
}

const SIGN_IN_102: readonly FieldSpec[] = [
  ['password', 'Agent@102', 'secret'],
  ['phonenum', '102', 'number', ['40038', '0', '999999999999999999999999']],
  ['status', '4', 'number', ['3', '5', 4]],
  ['releasephone', 'false', 'plain', [true, 'TRUE', 0, '1']],
  ['agenttype', '4', 'number', ['11', 4]],
  ['autoenteridle', true, 'plain', ['false', 0]],
  ['ip', '10.0.0.1', 'plain', ['255.255.255.255', '999.1.1.1']],
];

const SEED_PLAY: readonly FieldSpec[] = [
  ['voicepath', 'Y:/1/0/20180621/105/1406470.V3', 'file', ['Y:/1/0/20180621/105/1406470', 'Y:/hello-world.V3']],
  ['startpostion', 0, 'number', ['1', 2147483]],
  ['volumechange', 20, 'number', ['99999']],
  ['speedchange', 20, 'number', ['1']],
  ['times', 1, 'number', [3, -1]],
  ['codeformat', 0, 'number', ['0']],
  ['locationId', -1, 'number', [0]],
];

const guid101 = (credentials: LiveCredentials): string => credentials.guid101;
const guid102 = (credentials: LiveCredentials): string => credentials.guid102;

const CCGATEWAY: readonly DialectOperation[] = [
  ccgateway('login', 'PUT', 'onlineagent/102', null, SIGN_IN_102),
  ccgateway('forceLogin', 'PUT', 'onlineagent/102/forcelogin', null, SIGN_IN_102),
  ccgateway('logout', 'DELETE', 'onlineagent/102/logout', guid102),
  ccgateway('forceLogout', 'DELETE', 'onlineagent/102/forcelogout', guid102),
  ccgateway('getAgentEvent', 'GET', 'agentevent/101', guid101, [], [['calldata', '1', 'plain']]),
  ccgateway('beginPlay', 'PUT', 'recordplay/101/play', guid101, SEED_PLAY),
  ccgateway('beginNetPlay', 'POST', 'recordplay/101/netplay', guid101, [
    ['fileName', 'Y:/1/0/20180621/105/1406470.V3', 'file', ['Y:/hello-world.V3', 'C:/Windows/win.ini']],
    ['position', 0, 'number', ['1', 2147483]],
    ['playTime', 1, 'number', [0, '3']],
    ['fileFormat', 0, 'number', ['2', 3]],
    ['ccId', 1, 'number', ['0', -1]],
    ['locationId', 0, 'number', [65535, 65536]],
  ]),
  ccgateway('stopPlay', 'DELETE', 'recordplay/101/stopplay', guid101),
  ccgateway('pausePlay', 'POST', 'recordplay/101/pauseplay', guid101),
  ccgateway('resumePlay', 'POST', 'recordplay/101/resumeplay', guid101),
  ccgateway('foreFastPlay', 'POST', 'recordplay/101/forefast/5', guid101),
  ccgateway('backFastPlay', 'POST', 'recordplay/101/backfast/5', guid101),
  ccgateway('sayBusy', 'POST', 'onlineagent/101/saybusy', guid101, [], [
    ['reason', '201', 'number', ['0', '250', '']],
    ['prolong', 'true', 'plain', ['false']],
  ]),
  ccgateway('cancelBusy', 'POST', 'onlineagent/101/cancelbusy', guid101),
  ccgateway('sayFree', 'POST', 'onlineagent/101/sayfree', guid101),
  ccgateway('getAgentStatus', 'GET', 'onlineagent/101/agentstatus', guid101),
  // Quality control by 101, which has no inspection right: every good request is refused with 000-003.
  ccgateway('addSupervise', 'PUT', 'qualitycontrol/101/addsupervise/102', guid101),
  ccgateway('requestWhisperAgent', 'POST', 'qualitycontrol/101/requestwhisperagent', guid101, [], [['whisperagentid', '102', 'number', ['40038']]]),
  ccgateway('forceBusy', 'POST', 'qualitycontrol/101/forcebusy/102', guid101),
  ccgateway('adjustSkill', 'POST', 'qualitycontrol/101/adjustskill', guid101, [
    ['workNo', '102', 'agent', ['40038', 102]],
    ['skills', [1, 2], 'plain', [[], [1]]],
  ]),
  ccgateway('transfer', 'POST', 'voicecall/101/transfer', guid101, [
    ['devicetype', 5, 'number', ['1', 2]],
    ['address', '800123456', 'number', ['11']],
    ['mode', 2, 'number', ['3', 0]],
  ]),
  ccgateway('beginMute', 'POST', 'voicecall/101/beginmute', guid101),
  ccgateway('forceLogoutWithReason', 'DELETE', 'onlineagent/102/forcelogoutwithreason/7', guid102),
  ccgateway('secondDialEx', 'POST', 'voicecall/101/seconddialex', guid101, [], [['number', '12#', 'plain', ['*', '123456789012345678901234']]]),
  ccgateway('loginEx', 'PUT', 'onlineagent/102/loginex', null, SIGN_IN_102),
  ccgateway('beginRecord', 'PUT', 'recordplay/101/record', guid101, [
    ['fileName', 'Y:/1/0/20180621/105/recorded.V3', 'file', ['', 'Y:/../../etc/passwd']],
    ['mediaType', 5, 'number', ['5', 4]],
    ['recordMode', 0, 'number', [1, '0']],
    ['recordFormat', 0, 'number', [4, '1']],
  ]),
  ccgateway('pauseRecord', 'POST', 'recordplay/101/pauserecord', guid101),
  ccgateway('resumeRecord', 'POST', 'recordplay/101/resumerecord', guid101),
  ccgateway('stopRecord', 'DELETE', 'recordplay/101/stoprecord', guid101),
  ccgateway('queryQueueLengthBySkillId', 'GET', 'queuedevice/101/skillwaitnum/1', guid101),
  ccgateway('queryAgentInfoBySkillId', 'GET', 'agentgroup/101/agentbyskill/1', guid101),
  ccgateway('queryCallAppData', 'GET', 'calldata/101/appdata', guid101, [], [
    ['isEncodeResult', 'true', 'plain', ['false', '']],
    ['callId', '1456401416-3', 'plain', ['']],
  ]),
  ccgateway('setCallAppDataEx', 'PUT', 'calldata/101/setcalldataex', guid101, [
    ['callid', '1456401416-3', 'plain', ['']],
    ['calldata', 'dGlja2V0PTc=', 'plain', ['ticket=7', '']],
    ['isDataEncoded', true, 'plain', ['false', false, 'true']],
  ]),
  ccgateway('queryCallInfo', 'GET', 'calldata/101/callinfo', guid101, [], [['isNoContainLastCall', 'true', 'plain', ['false', '']]]),
  ccgateway('queryCallInfoByCallId', 'GET', 'calldata/101/callinfobycallid/1456401416-3', guid101),
  ccgateway('queryCallInfoBeforeAnswer', 'GET', 'calldata/101/callinfobeforeanswer', guid101),
  // Help from another agent with the customer of the agent's call.
  ccgateway('innerHelp', 'POST', 'voicecall/101/innerhelp', guid101, [
    ['dstaddress', '102', 'number'],
    ['devicetype', 2, 'number', ['1', 1]],
  ]),
  // The three-party call of a held call named in the body, the release of a number, and the ringing phone turning its call away.
  ccgateway('confJoin', 'POST', 'voicecall/101/confjoin', guid101, [['callid', '1455885056-1095', 'plain', ['']]]),
  ccgateway('disconnect', 'POST', 'voicecall/101/disconnect/800123456', guid101),
  ccgateway('phoneHangup', 'POST', 'voicecall/101/phonehangup', guid101),
  // Polled by 101, which has no inspection right: the good request is refused with 000-003.
  ccgateway('getAllAgentEvent', 'GET', 'agentevent/allagentevent', guid101),
  ccgateway('queryWaitCallInfoBySkillId', 'GET', 'calldata/101/waitcallinfo/1', guid101),
  ccgateway('queryCallNumsOnAgent', 'GET', 'calldata/101/callnums', guid101),
  ccgateway('queryAllCallInfoByAgentWorkNoEx', 'GET', 'calldata/101/allcallinfoEx/102', guid101),
  ccgateway('querySkillQueueOnAgentVDN', 'GET', 'queuedevice/101/agentvdnskill', guid101),
];

// ---- Sip_Call: `service=App.Sip_*` on `/`, form bodies ------------------------------------------------

function sipcall(name: string, specs: (credentials: LiveCredentials) => readonly FieldSpec[]): DialectOperation {
  return {
    dialect: 'sipcall',
    name,
    valid: (credentials) => ({
      method: 'POST',
      path: [],
      pathParams: [],
      pathFrom: 0,
      fields: fields('body', specs(credentials)),
      bodyEncoding: name === 'App.Sip_Call.PlayVoice' ? 'multipart' : 'form',
      headers: {},
    }),
  };
}

const SIPCALL: readonly DialectOperation[] = [
  sipcall('App.Sip_Auth.Login', () => [
    ['service', 'App.Sip_Auth.Login', 'service', ['Sip_Auth.Login', 'app.sip_auth.login']],
    ['appid', 'demoappid', 'plain'],
    ['accesskey', 'demoaccesskey', 'secret'],
  ]),
  sipcall('App.Sip_Auth.Logout', (credentials) => [
    ['service', 'App.Sip_Auth.Logout', 'service'],
    ['token', credentials.sipcallLogoutToken, 'secret'],
  ]),
  sipcall('App.Sip_Call.PlayVoice', (credentials) => [
    ['service', 'App.Sip_Call.PlayVoice', 'service'],
    ['token', credentials.sipcallToken, 'secret'],
    ['voicetype', '2', 'number', ['1']],
    ['destnumber', '13333333333', 'number', ['+8613333333333', '800123456']],
    ['voicefile', 'wwww.baidu.com/test.mp3', 'file', ['https://www.baidu.com/a.wav', 'hello-world', 'welcome.mp3']],
    ['chengshudu', '1', 'plain'],
    ['userid', '1@extGroup-1', 'plain', ['@extGroup-1', '#@extGroup-1', '1@noSuchGroup']],
    ['disnumber', '13333333333', 'number', ['']],
    ['customuuid', 'bad-input', 'plain'],
  ]),
  sipcall('App.Sip_Call.MakeCall', (credentials) => [
    ['service', 'App.Sip_Call.MakeCall', 'service'],
    ['token', credentials.sipcallToken, 'secret'],
    ['extnumber', '100', 'number', ['101', '999']],
    ['destnumber', '13333333333', 'number', ['+8613333333333', '800123456']],
    ['disnumber', '13333333333', 'number', ['']],
    ['customuuid', 'bad-input', 'plain'],
  ]),
  sipcall('App.Sip_Call.HangupCall', (credentials) => [
    ['service', 'App.Sip_Call.HangupCall', 'service'],
    ['token', credentials.sipcallToken, 'secret'],
    ['extnumber', '100', 'number', ['101', '999']],
  ]),
  sipcall('App.Sip_Call.MakePloyCall', (credentials) => [
    ['service', 'App.Sip_Call.MakePloyCall', 'service'],
    ['token', credentials.sipcallToken, 'secret'],
    ['extnumber', '100', 'number', ['101', '999']],
    ['destnumber', '13333333333', 'number', ['+8613333333333', '800123456']],
    ['customuuid', 'bad-input', 'plain'],
  ]),
  // A service the gateway does not have: ret 404.
  sipcall('App.Sip_Call.SendSms', (credentials) => [
    ['service', 'App.Sip_Call.SendSms', 'service'],
    ['token', credentials.sipcallToken, 'secret'],
    ['destnumber', '13333333333', 'number'],
  ]),
];

export const OPERATIONS: readonly DialectOperation[] = [...VICIDIAL, ...VOIPSUN, ...CCGATEWAY, ...SIPCALL];
