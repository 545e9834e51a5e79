import { bytesToText } from '../../wire/php-params';
import { astAdminAccess } from '../ast-admin-access';
import { defineNonAgentFunction, refuse } from '../operation';
import { IDENTIFIER, readWith } from '../params';
import { isTimeZone, PHONE_FILTERS, PROTOCOLS, readOutboundCid, readSwitches, templateOf } from '../phone-fields';

const readInput = readWith((params) => ({
  extension: params.read('extension', PHONE_FILTERS.extension),
  dialplanNumber: params.read('dialplan_number', PHONE_FILTERS.dialplanNumber),
  voicemailId: params.read('voicemail_id', PHONE_FILTERS.voicemailId),
  phoneLogin: params.read('phone_login', IDENTIFIER),
  phonePass: params.read('phone_pass', PHONE_FILTERS.secret),
  serverIp: params.read('server_ip', PHONE_FILTERS.serverIp),
  protocol: params.read('protocol', PHONE_FILTERS.protocol),
  registrationPassword: params.read('registration_password', PHONE_FILTERS.secret),
  fullName: params.read('phone_full_name', PHONE_FILTERS.phoneFullName),
  localGmt: params.read('local_gmt', PHONE_FILTERS.localGmt),
  outboundCid: readOutboundCid(params),
  context: params.read('phone_context', IDENTIFIER),
  email: params.read('email', PHONE_FILTERS.email),
  adminUserGroup: params.read('admin_user_group', IDENTIFIER),
  switches: readSwitches(params),
  templateId: params.read('template_id', IDENTIFIER),
}));

type Input = ReturnType<typeof readInput>['value'];

const missingRequired = (input: Input): boolean =>
  input.extension.length < 2 ||
  input.dialplanNumber.length < 2 ||
  [input.voicemailId, input.phoneLogin, input.phonePass, input.serverIp, input.protocol, input.registrationPassword, input.fullName, input.localGmt, input.outboundCid].some((value) => value.length < 1) ||
  !PROTOCOLS.includes(input.protocol);

/**
 * add_phone: a phone on the gateway's server, active. A SIP phone becomes
 * a device of the engine (an endpoint that registers with the extension as
 * user name and the registration password) before SUCCESS. The passwords
 * are kept hashed; VICIdial echoes them only in the line of missing fields.
 */
export const addPhone = defineNonAgentFunction({
  name: 'add_phone',
  function: 'add_phone',
  partial: 'configuration templates: the gateway has none, so a template_id is refused',
  auth: astAdminAccess('add_phone', 'ADD PHONES'),
  input: readInput,
  async run(ctx, input) {
    const line = (reason: string, data: string): never => {
      throw refuse(`ERROR: add_phone ${reason}: |${ctx.user}|${data}`);
    };
    if (missingRequired(input)) {
      const fields = [input.extension, input.dialplanNumber, input.voicemailId, input.phoneLogin, input.phonePass, input.serverIp, input.protocol, input.registrationPassword, input.fullName, input.localGmt, input.outboundCid];
      line('YOU MUST USE ALL REQUIRED FIELDS', fields.join('|'));
    }
    const extension = bytesToText(input.extension);
    const serverIp = bytesToText(input.serverIp);
    const login = bytesToText(input.phoneLogin);
    if (!ctx.core.isPhoneServer(serverIp)) line('SERVER DOES NOT EXIST', input.serverIp);
    if (await ctx.core.getPhone(extension, serverIp)) line('PHONE ALREADY EXISTS ON THIS SERVER', `${input.serverIp}|${input.extension}`);
    if ((await ctx.core.phonesWithLogin(login)).length > 0) line('PHONE LOGIN ALREADY EXISTS', input.phoneLogin);
    if (!isTimeZone(input.localGmt)) line('YOU MUST USE A VALID TIMEZONE', input.localGmt);
    const template = templateOf(input.templateId);
    if (template === 'unknown') line('TEMPLATE ID DOES NOT EXIST, THIS IS AN OPTIONAL FIELD', `${input.phoneLogin}|${input.templateId}`);
    const outcome = await ctx.core.addPhone({
      extension,
      serverIp,
      dialplanNumber: bytesToText(input.dialplanNumber),
      voicemailId: bytesToText(input.voicemailId),
      login,
      pass: bytesToText(input.phonePass),
      protocol: input.protocol,
      registrationPassword: bytesToText(input.registrationPassword),
      fullName: bytesToText(input.fullName),
      email: bytesToText(input.email),
      context: input.context === '' ? 'default' : bytesToText(input.context),
      outboundCid: input.outboundCid,
      active: true,
      userGroup: input.adminUserGroup === '' ? '---ALL---' : bytesToText(input.adminUserGroup),
      attributes: { local_gmt: input.localGmt, ...input.switches, ...(template === 'blank' ? { template_id: '' } : {}) },
    });
    // Another request added the same phone or login since the checks.
    if (outcome.outcome === 'extension_taken') line('PHONE ALREADY EXISTS ON THIS SERVER', `${input.serverIp}|${input.extension}`);
    if (outcome.outcome === 'login_taken') line('PHONE LOGIN ALREADY EXISTS', input.phoneLogin);
    if (outcome.outcome === 'no_such_server') line('SERVER DOES NOT EXIST', input.serverIp);
    return `${input.extension}|${input.serverIp}|${input.protocol}|${input.dialplanNumber}`;
  },
  render: (data, ctx) => `SUCCESS: add_phone PHONE HAS BEEN ADDED - ${ctx.user}|${data}`,
});
