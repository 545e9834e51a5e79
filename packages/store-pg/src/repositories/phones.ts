import type { Phone, PhoneAliasRepository, PhoneRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';

interface PhoneRow {
  extension: string;
  server_ip: string;
  dialplan_number: string;
  voicemail_id: string;
  login: string;
  pass_hash: string;
  protocol: string;
  registration_credential: string;
  full_name: string;
  email: string;
  context: string;
  outbound_cid: string;
  active: boolean;
  user_group: string;
  attributes: Record<string, string>;
}

const toPhone = (row: PhoneRow): Phone => ({
  extension: row.extension,
  serverIp: row.server_ip,
  dialplanNumber: row.dialplan_number,
  voicemailId: row.voicemail_id,
  login: row.login,
  passHash: row.pass_hash,
  protocol: row.protocol,
  registrationCredential: row.registration_credential,
  fullName: row.full_name,
  email: row.email,
  context: row.context,
  outboundCid: row.outbound_cid,
  active: row.active,
  userGroup: row.user_group,
  attributes: row.attributes,
});

const toRow = (phone: Phone): Omit<PhoneRow, 'attributes'> & { attributes: string } => ({
  extension: phone.extension,
  server_ip: phone.serverIp,
  dialplan_number: phone.dialplanNumber,
  voicemail_id: phone.voicemailId,
  login: phone.login,
  pass_hash: phone.passHash,
  protocol: phone.protocol,
  registration_credential: phone.registrationCredential,
  full_name: phone.fullName,
  email: phone.email,
  context: phone.context,
  outbound_cid: phone.outboundCid,
  active: phone.active,
  user_group: phone.userGroup,
  attributes: JSON.stringify(phone.attributes),
});

export function createPhoneRepository(db: Knex): PhoneRepository {
  return {
    async get(extension, serverIp) {
      const row: PhoneRow | undefined = await db('phones').where({ extension, server_ip: serverIp }).first();
      return row ? toPhone(row) : null;
    },
    async findByLogin(login) {
      const rows: PhoneRow[] = await db('phones').where({ login }).orderBy(['extension', 'server_ip']);
      return rows.map(toPhone);
    },
    async list() {
      const rows: PhoneRow[] = await db('phones').orderBy(['extension', 'server_ip']);
      return rows.map(toPhone);
    },
    async upsert(phone) {
      await db('phones').insert(toRow(phone)).onConflict(['extension', 'server_ip']).merge();
    },
    async remove(extension, serverIp) {
      return (await db('phones').where({ extension, server_ip: serverIp }).delete()) > 0;
    },
  };
}

interface PhoneAliasRow {
  id: string;
  name: string;
  logins: string[];
}

export function createPhoneAliasRepository(db: Knex): PhoneAliasRepository {
  return {
    async get(id) {
      const row: PhoneAliasRow | undefined = await db('phone_aliases').where({ id }).first();
      return row ? { id: row.id, name: row.name, logins: row.logins } : null;
    },
    async upsert(alias) {
      await db('phone_aliases').insert({ id: alias.id, name: alias.name, logins: [...alias.logins] }).onConflict('id').merge();
    },
    async remove(id) {
      return (await db('phone_aliases').where({ id }).delete()) > 0;
    },
  };
}
