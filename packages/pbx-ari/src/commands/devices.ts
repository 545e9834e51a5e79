import { createHash } from 'node:crypto';
import type { PbxDevice } from '@pbx-gateway/core';
import { unlessGone } from '../ari-error-mapping';
import type { AriConfigTuple, AriRestCall } from '../ari-operations';

/**
 * SIP devices made at runtime, through ARI's view of res_pjsip's sorcery
 * objects (`PUT|DELETE /asterisk/config/dynamic/res_pjsip/{type}/{id}`).
 * Asterisk takes them only into a writable wizard: the project's
 * `sorcery.conf` gives endpoints, auths and AORs the `memory` wizard after
 * pjsip.conf's, so an object of pjsip.conf cannot be changed (403) and the
 * engine forgets the others when it restarts (reconciliation puts them again).
 *
 * What Asterisk 22.10.1 was measured to do: an object is created or changed
 * in place, but a change starts from the stored object written out and read
 * back, which fails for an endpoint without codecs (500 `Allocation
 * failed`) and turns a caller id `<unknown>` into `unknown`; so an endpoint
 * is deleted and created again from the whole template. An auth needs a
 * user name and a password or a digest, else 400.
 */

/** The realm the credential is computed for, set on the auth so that a site's `default_realm` does not break it. */
const REALM = 'asterisk';

/**
 * The phones' settings, as docker/asterisk/pjsip.conf's `phone` and
 * `phone-aor` templates give them to the phones it declares.
 */
const ENDPOINT_TEMPLATE: readonly AriConfigTuple[] = [
  { attribute: 'transport', value: 'transport-udp' },
  { attribute: 'context', value: 'from-phones' },
  { attribute: 'disallow', value: 'all' },
  { attribute: 'allow', value: 'ulaw,alaw,opus' },
  { attribute: 'direct_media', value: 'no' },
  { attribute: 'rtp_symmetric', value: 'yes' },
  { attribute: 'force_rport', value: 'yes' },
  { attribute: 'rewrite_contact', value: 'yes' },
  { attribute: 'dtmf_mode', value: 'rfc4733' },
];
const AOR_TEMPLATE: readonly AriConfigTuple[] = [
  { attribute: 'max_contacts', value: '1' },
  { attribute: 'qualify_frequency', value: '30' },
];

/** HTTP digest's HA1 (RFC 2617): what Asterisk checks a registration against, with `password_digest = MD5:<HA1>`. */
export const deviceCredential = (username: string, password: string): string =>
  createHash('md5').update(`${username}:${REALM}:${password}`).digest('hex');

const object = (objectType: string, id: string): { configClass: string; objectType: string; id: string } => ({ configClass: 'res_pjsip', objectType, id });

export async function putDevice(call: AriRestCall, device: PbxDevice): Promise<void> {
  const { resource } = device;
  await call('asterisk.updateObject', {
    ...object('auth', resource),
    fields: [
      { attribute: 'auth_type', value: 'digest' },
      { attribute: 'username', value: device.username },
      { attribute: 'realm', value: REALM },
      { attribute: 'password_digest', value: `MD5:${device.credential}` },
    ],
  }, { idempotent: true });
  await call('asterisk.updateObject', { ...object('aor', resource), fields: AOR_TEMPLATE }, { idempotent: true });
  await unlessGone(call('asterisk.deleteObject', object('endpoint', resource), { idempotent: true }), undefined);
  await call('asterisk.updateObject', {
    ...object('endpoint', resource),
    fields: [...ENDPOINT_TEMPLATE, { attribute: 'auth', value: resource }, { attribute: 'aors', value: resource }],
    // Sent twice, a creation that did happen would meet the refusal to change an endpoint.
  }, { idempotent: false });
}

/** The endpoint first, so that nothing can register or call through it while its parts go. */
export async function removeDevice(call: AriRestCall, resource: string): Promise<void> {
  for (const objectType of ['endpoint', 'aor', 'auth']) {
    await unlessGone(call('asterisk.deleteObject', object(objectType, resource), { idempotent: true }), undefined);
  }
}
