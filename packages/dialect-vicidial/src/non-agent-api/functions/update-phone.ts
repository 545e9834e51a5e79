import type { PhoneChanges } from '@pbx-gateway/core';
import { bytesToText } from '../../wire/php-params';
import { astAdminAccess } from '../ast-admin-access';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { IDENTIFIER, readWith } from '../params';
import { BLANK, isTimeZone, PHONE_FILTERS, PROTOCOLS, readOutboundCid, readSwitches, templateOf } from '../phone-fields';
import { ownedObjectsFilter } from '../visible-group';

const readInput = readWith((params) => ({
  extension: params.read('extension', PHONE_FILTERS.extension),
  serverIp: params.read('server_ip', PHONE_FILTERS.serverIp),
  deletePhone: params.read('delete_phone', PHONE_FILTERS.upper),
  localGmt: params.read('local_gmt', PHONE_FILTERS.localGmt),
  email: params.read('email', PHONE_FILTERS.email),
  context: params.read('phone_context', IDENTIFIER),
  fullName: params.read('phone_full_name', PHONE_FILTERS.phoneFullName),
  registrationPassword: params.read('registration_password', PHONE_FILTERS.secret),
  protocol: params.read('protocol', PHONE_FILTERS.protocol),
  phonePass: params.read('phone_pass', PHONE_FILTERS.secret),
  phoneLogin: params.read('phone_login', IDENTIFIER),
  voicemailId: params.read('voicemail_id', PHONE_FILTERS.voicemailId),
  dialplanNumber: params.read('dialplan_number', PHONE_FILTERS.dialplanNumber),
  active: params.read('active', PHONE_FILTERS.upper),
  outboundCid: readOutboundCid(params),
  adminUserGroup: params.read('admin_user_group', IDENTIFIER),
  outboundAltCid: params.read('outbound_alt_cid', PHONE_FILTERS.outboundAltCid),
  ringTimeout: params.read('phone_ring_timeout', PHONE_FILTERS.ringTimeout),
  deleteVmAfterEmail: params.read('delete_vm_after_email', PHONE_FILTERS.letters),
  switches: readSwitches(params),
  templateId: params.read('template_id', IDENTIFIER),
}));

type Input = ReturnType<typeof readInput>['value'];

const outside = (value: string, min: number, max: number): boolean => value.length < min || value.length > max;

/**
 * The changes asked for, checked in VICIdial's order; the first field that
 * fails answers its line. `--BLANK--` empties the fields that allow it.
 */
async function changesOf(ctx: NonAgentContext, input: Input, extension: string, serverIp: string): Promise<PhoneChanges> {
  const line = (reason: string, data: string): never => {
    throw refuse(`ERROR: update_phone ${reason}: |${ctx.user}|${data}`);
  };
  const text = bytesToText;
  const changes: PhoneChanges = {};
  const attributes: Record<string, string> = {};
  if (input.localGmt !== '') {
    if (!isTimeZone(input.localGmt)) line('YOU MUST USE A VALID TIMEZONE', input.localGmt);
    attributes.local_gmt = input.localGmt;
  }
  if (input.email !== '') {
    if (input.email !== BLANK && outside(input.email, 5, 300)) line('YOU MUST USE A VALID EMAIL', input.email);
    changes.email = input.email === BLANK ? '' : text(input.email);
  }
  if (input.context !== '') {
    if (input.context !== BLANK && outside(input.context, 2, 30)) line('YOU MUST USE A VALID PHONE CONTEXT', input.context);
    changes.context = input.context === BLANK ? '' : text(input.context);
  }
  if (input.fullName !== '') {
    if (input.fullName !== BLANK && outside(input.fullName, 2, 30)) line('YOU MUST USE A VALID PHONE NAME', input.fullName);
    changes.fullName = input.fullName === BLANK ? '' : text(input.fullName);
  }
  if (input.registrationPassword !== '') {
    if (input.registrationPassword !== BLANK && outside(input.registrationPassword, 2, 30)) line('YOU MUST USE A VALID REGISTRATION PASSWORD', input.registrationPassword);
    changes.registrationPassword = input.registrationPassword === BLANK ? '' : text(input.registrationPassword);
  }
  if (input.protocol !== '') {
    if (!PROTOCOLS.includes(input.protocol)) line('YOU MUST USE A VALID PROTOCOL', input.protocol);
    changes.protocol = input.protocol;
  }
  if (input.phonePass !== '') {
    if (outside(input.phonePass, 2, 30)) line('YOU MUST USE A VALID PHONE PASSWORD', input.phonePass);
    changes.pass = text(input.phonePass);
  }
  if (input.phoneLogin !== '') {
    const others = (await ctx.core.phonesWithLogin(text(input.phoneLogin))).filter((phone) => phone.extension !== extension || phone.serverIp !== serverIp);
    if (others.length > 0) line('LOGIN ALREADY EXISTS', input.phoneLogin);
    changes.login = text(input.phoneLogin);
  }
  // `--BLANK--` cannot reach the voicemail id and the alternative caller id: their filters take the dashes.
  if (input.voicemailId !== '') {
    if (outside(input.voicemailId, 2, 30)) line('YOU MUST USE A VALID VOICEMAIL NUMBER', input.voicemailId);
    changes.voicemailId = text(input.voicemailId);
  }
  if (input.dialplanNumber !== '') {
    if (outside(input.dialplanNumber, 3, 30)) line('YOU MUST USE A VALID DIALPLAN NUMBER', input.dialplanNumber);
    changes.dialplanNumber = text(input.dialplanNumber);
  }
  if (input.active !== '') {
    if (input.active !== 'Y' && input.active !== 'N') line('ACTIVE MUST BE Y OR N, THIS IS AN OPTIONAL FIELD', input.active);
    changes.active = input.active === 'Y';
  }
  if (input.outboundCid !== '') {
    if (outside(input.outboundCid, 6, 18)) line('OUTBOUND CID MUST BE FROM 6 TO 18 DIGITS, THIS IS AN OPTIONAL FIELD', input.outboundCid);
    changes.outboundCid = input.outboundCid;
  }
  if (input.adminUserGroup !== '') {
    if (outside(input.adminUserGroup, 2, 20)) line('USER GROUP MUST BE FROM 2 TO 20 CHARACTERS, THIS IS AN OPTIONAL FIELD', input.adminUserGroup);
    changes.userGroup = text(input.adminUserGroup);
  }
  if (input.outboundAltCid !== '') {
    if (outside(input.outboundAltCid, 6, 18)) line('OUTBOUND ALT CID MUST BE FROM 6 TO 18 DIGITS, THIS IS AN OPTIONAL FIELD', input.outboundAltCid);
    attributes.outbound_alt_cid = input.outboundAltCid;
  }
  if (input.ringTimeout !== '') {
    const seconds = Number(input.ringTimeout);
    // VICIdial echoes outbound_alt_cid in this line, not the timeout.
    if (seconds > 180 || seconds < 2) line('PHONE RING TIMEOUT MUST BE FROM 2 TO 180 SECONDS, THIS IS AN OPTIONAL FIELD', input.outboundAltCid);
    attributes.phone_ring_timeout = input.ringTimeout;
  }
  if (input.deleteVmAfterEmail !== '') {
    if (input.deleteVmAfterEmail !== 'Y' && input.deleteVmAfterEmail !== 'N') line('DELETE VOICEMAIL AFTER EMAIL MUST BE Y OR N, THIS IS AN OPTIONAL FIELD', input.deleteVmAfterEmail);
    attributes.delete_vm_after_email = input.deleteVmAfterEmail;
  }
  Object.assign(attributes, input.switches);
  const template = templateOf(input.templateId);
  if (template === 'unknown') line('TEMPLATE ID DOES NOT EXIST, THIS IS AN OPTIONAL FIELD', `${input.phoneLogin}|${input.templateId}`);
  if (template === 'blank') attributes.template_id = '';
  return { ...changes, attributes };
}

/**
 * update_phone: changes a phone of the gateway's server, or deletes it
 * (`delete_phone=Y`, with `ast_delete_phones`). The engine follows before
 * SUCCESS: a SIP phone's device changes, appears (active again, a password
 * given) or goes (deleted, inactive, no password, another protocol).
 */
export const updatePhone = defineNonAgentFunction({
  name: 'update_phone',
  function: 'update_phone',
  partial: 'configuration templates: the gateway has none, so a template_id is refused',
  auth: astAdminAccess('update_phone', 'UPDATE PHONES'),
  input: readInput,
  async run(ctx, input) {
    const line = (reason: string, data: string): never => {
      throw refuse(`ERROR: update_phone ${reason}: |${ctx.user}|${data}`);
    };
    if (input.extension.length < 2 || input.serverIp.length < 1) line('YOU MUST USE ALL REQUIRED FIELDS', `${input.extension}|${input.serverIp}`);
    const extension = bytesToText(input.extension);
    const serverIp = bytesToText(input.serverIp);
    if (!ctx.core.isPhoneServer(serverIp)) line('SERVER DOES NOT EXIST', input.serverIp);
    const [phone, visible] = await Promise.all([ctx.core.getPhone(extension, serverIp), ownedObjectsFilter(ctx)]);
    const notHere = `${input.serverIp}|${input.extension}`;
    if (!phone || !visible(phone.userGroup)) line('PHONE DOES NOT EXIST ON THIS SERVER', notHere);
    if (input.deletePhone === 'Y') {
      if (!ctx.apiUser.astDeletePhones) throw refuse(`NOTICE: update_phone USER DOES NOT HAVE PERMISSION TO DELETE PHONES: |${ctx.user}|0`);
      if (!(await ctx.core.removePhone({ extension, serverIp }))) line('PHONE DOES NOT EXIST ON THIS SERVER', notHere);
      return `SUCCESS: update_phone PHONE HAS BEEN DELETED - ${ctx.user}|${input.extension}|${input.serverIp}|`;
    }
    const changes = await changesOf(ctx, input, extension, serverIp);
    const outcome = await ctx.core.updatePhone({ extension, serverIp, changes });
    if (outcome.outcome === 'not_found') line('PHONE DOES NOT EXIST ON THIS SERVER', notHere);
    if (outcome.outcome === 'login_taken') line('LOGIN ALREADY EXISTS', input.phoneLogin);
    return `SUCCESS: update_phone PHONE HAS BEEN UPDATED - ${ctx.user}|${input.extension}|${input.serverIp}|`;
  },
  render: (answer) => answer,
});
