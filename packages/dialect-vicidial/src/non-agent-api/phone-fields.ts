import { IDENTIFIER, type NonAgentParams } from './params';

/** The filters of VICIdial 2.14's non_agent_api.php for the phone functions' parameters. */
export const PHONE_FILTERS = {
  extension: IDENTIFIER,
  dialplanNumber: { keep: '*#0-9{L}' },
  voicemailId: { keep: '0-9{L}' },
  secret: IDENTIFIER,
  serverIp: { keep: '.0-9' },
  protocol: { keep: '0-9{L}' },
  phoneFullName: { keep: '- +._0-9{L}' },
  localGmt: { keep: '-.0-9' },
  email: { keep: "- '+.:/@%_0-9{L}", plusIsSpace: true },
  upper: { keep: 'A-Z' },
  outboundAltCid: { keep: '0-9{L}' },
  ringTimeout: { keep: '0-9' },
  letters: { keep: '{L}' },
  phoneLogins: { keep: '-,_0-9{L}' },
  aliasName: { keep: '- +.:/@_0-9{L}' },
} as const;

/** `outbound_cid`: digits, unless it is exactly `---ALL---`. */
export const readOutboundCid = (params: NonAgentParams): string => {
  const word = params.read('outbound_cid', IDENTIFIER);
  return word === '---ALL---' ? word : word.replace(/[^0-9]/g, '');
};

/** The time zones (`local_gmt`) VICIdial takes, written as it compares them. */
const TIME_ZONES = new Set([
  '12.75', '12.00', '11.00', '10.00', '9.50', '9.00', '8.00', '7.00', '6.50', '6.00', '5.75', '5.50', '5.00', '4.50', '4.00', '3.50',
  '3.00', '2.00', '1.00', '0.00', '-1.00', '-2.00', '-3.00', '-3.50', '-4.00', '-5.00', '-6.00', '-7.00', '-8.00', '-9.00', '-10.00',
  '-11.00', '-12.00',
]);

export const isTimeZone = (localGmt: string): boolean => TIME_ZONES.has(localGmt);

export const PROTOCOLS = ['IAX2', 'SIP', 'Zap', 'EXTERNAL'];

/** VICIdial's `--BLANK--`: the value that empties a field. */
export const BLANK = '--BLANK--';

/** The optional switches stored as given when they match (case-insensitively, as VICIdial's pattern). */
const SWITCHES = [
  ['is_webphone', /^(Y|N|Y_API_LAUNCH)$/i],
  ['webphone_auto_answer', /^(Y|N)$/i],
  ['use_external_server_ip', /^(Y|N)$/i],
  ['on_hook_agent', /^(Y|N)$/i],
] as const;

export function readSwitches(params: NonAgentParams): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const [name, pattern] of SWITCHES) {
    const value = params.read(name, IDENTIFIER);
    if (pattern.test(value)) settings[name] = value;
  }
  return settings;
}

/**
 * `template_id`: the gateway has no configuration templates, so a template
 * named (2 bytes or more) does not exist; `--BLANK--` clears it.
 */
export const templateOf = (templateId: string): 'absent' | 'blank' | 'unknown' =>
  templateId.length <= 1 ? 'absent' : templateId.toUpperCase() === BLANK ? 'blank' : 'unknown';
