import type { SipcallLanguage } from './settings';

/**
 * Every text the dialect writes, in the platform's two languages. The PhalApi
 * framework texts (`require, but miss`, `no such service as`, ...) are
 * PhalApi's own, so clients matching on them keep working.
 */
const TEXTS = {
  // PhalApi framework
  badRequest: { en: 'Bad Request: {message}', zh: '非法请求：{message}' },
  missing: { en: '{name} require, but miss', zh: '缺少必要参数{name}' },
  tooLong: { en: '{name}.len should <= {max}, but now {name}.len = {value}', zh: '{name}.len应该小于等于{max}, 但现在{name}.len = {value}' },
  notInRange: { en: '{name} should be in {range}, but now {name} = {value}', zh: '参数{name}应该为：{range}，但现在{name} = {value}' },
  serviceIllegal: { en: 'service ({service}) illegal', zh: '非法服务：{service}' },
  noSuchService: { en: 'no such service as {service}', zh: '接口服务{service}不存在' },
  internalError: { en: 'Internal Server Error: {message}', zh: '服务器运行错误: {message}' },
  unexpectedFailure: { en: 'unexpected failure', zh: '系统异常' },
  // request bodies
  bodyTooLarge: { en: 'request body too large', zh: '请求数据过大' },
  bodyMalformed: { en: 'malformed request body', zh: '请求数据格式错误' },
  // parameters
  invalidCharacters: { en: '{name} contains invalid characters', zh: '{name}包含非法字符' },
  invalidVoiceName: { en: 'voicefile must be the name of an uploaded voice file', zh: 'voicefile必须是已上传的语音文件名' },
  invalidVoiceUrl: { en: 'voicefile must be an http or https URL', zh: 'voicefile必须是http或https地址' },
  invalidUserid: { en: 'userid must be <key>@<extension group>', zh: 'userid格式错误，应为：按键@分机组' },
  invalidDisnumber: { en: 'disnumber must be a phone number', zh: 'disnumber必须是电话号码' },
  invalidExtnumber: { en: '{name} must be an extension number', zh: '{name}必须是分机号' },
  invalidQueuename: { en: 'queuename must be the name of a queue', zh: 'queuename必须是队列名' },
  invalidDateTime: { en: '{name} must be a time as yyyy-mm-dd hh:mm:ss', zh: '{name}必须是时间，格式为：yyyy-mm-dd hh:mm:ss' },
  invalidRecordFilename: { en: 'filename must be the name of a recording', zh: 'filename必须是录音文件名' },
  invalidTransferTarget: { en: 'destnumber must be a number, an extension or a queue name', zh: 'destnumber必须是号码、分机号或队列名' },
  invalidNumberList: { en: '{name} must be a comma-separated list of phone numbers', zh: '{name}必须是以逗号分隔的电话号码' },
  tooManyNumbers: { en: '{name} should contain at most {max} numbers, but now {name} contains {value}', zh: '{name}最多包含{max}个号码，但现在{name}包含{value}个' },
  invalidPageNumber: { en: '{name} must be a whole number from 1 to {max}', zh: '{name}必须是1到{max}的整数' },
  // ret 600-604
  tokenInvalid: { en: 'Token invalid, please log in again', zh: 'token无效，请重新登录' },
  appidNotAuthorized: { en: 'Appid not authorized', zh: 'appid未授权' },
  appidExpired: { en: 'Appid authorization expired', zh: 'appid授权已过期' },
  moduleNotLicensed: { en: 'Module not licensed', zh: '模块未授权' },
  ipNotAuthorized: { en: 'IP not authorized', zh: 'IP未授权' },
  // data.desc of successes
  loginDone: { en: 'Authorization successful', zh: '授权成功' },
  logoutDone: { en: 'Logout successful', zh: '注销成功' },
  playVoiceDone: { en: 'Play command sent successfully', zh: '播放命令发送成功' },
  callDone: { en: 'Call command sent successfully', zh: '呼叫命令发送成功' },
  transferDone: { en: 'Transfer command sent successfully', zh: '转接命令发送成功' },
  hangupDone: { en: 'Hangup command sent successfully', zh: '挂断命令发送成功' },
  signInDone: { en: 'Sign in successful', zh: '签入成功' },
  signOutDone: { en: 'Sign out successful', zh: '签出成功' },
  queryDone: { en: 'Query successful', zh: '查询成功' },
  // data.errors.codemsg of business failures
  telephonyUnreachable: { en: 'Could not connect to the telephony server', zh: '连接服务器失败' },
  invalidNumber: { en: 'Invalid number', zh: '号码无效' },
  groupNotFound: { en: 'Extension group does not exist', zh: '分机组不存在' },
  voiceNotAllowed: { en: 'Voice file not allowed', zh: '语音文件不允许' },
  abnormalOperation: { en: 'Abnormal operation', zh: '操作异常' },
  authFailed: { en: 'Authorization failed', zh: '授权失败' },
  noLine: { en: 'No line available', zh: '无可用线路' },
  commandFailed: { en: 'Command failed to send', zh: '命令发送失败' },
  operationFailed: { en: 'Operation failed', zh: '操作失败' },
  extensionNotFound: { en: 'Extension does not exist', zh: '分机不存在' },
  extensionNotInCall: { en: 'Extension not in a call', zh: '分机未通话' },
  queueNotFound: { en: 'Queue does not exist', zh: '队列不存在' },
  fileNotFound: { en: 'File does not exist', zh: '文件不存在' },
} as const satisfies Record<string, Record<SipcallLanguage, string>>;

export type MessageKey = keyof typeof TEXTS;

export type MessageVars = Readonly<Record<string, string | number>>;

/** The text of `key` in `language`, with `{name}` placeholders filled. */
export function text(language: SipcallLanguage, key: MessageKey, vars: MessageVars = {}): string {
  return TEXTS[key][language].replace(/\{([a-z]+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A PhalApi `BadRequestException` message: the framework's prefix around the reason. */
export function badRequest(language: SipcallLanguage, key: MessageKey, vars: MessageVars = {}): string {
  return text(language, 'badRequest', { message: text(language, key, vars) });
}
