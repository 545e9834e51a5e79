import type { Phone } from './network';

/** A REGISTER a phone sent: where from, and what it said it is. */
export interface PhoneRegistration {
  host: string;
  port: number;
  userAgent: string;
}

/** One contact of an address of record, as res_pjsip keeps it. */
export interface SimContact {
  uri: string;
  /** Present for a registered contact (an object of its own); a configured contact has none. */
  registration?: PhoneRegistration & { callId: string; expirationTime: number };
}

/**
 * Where the project's configuration reaches each phone when it has not
 * registered itself: the far end, as the test rig's site file gives every
 * phone's AOR a static contact (docs/asterisk.md, "Far ends").
 */
export const PHONE_FAR_END = { host: '127.0.0.2', port: 5060 } as const;
/** The carrier trunk's contact in the project's pjsip.conf. */
export const TRUNK_CONTACT = 'sip:carrier.example.net:5060';
/** qualify_frequency of the project's phone AORs (`phone-aor`) and of the trunk's. */
export const PHONE_QUALIFY_FREQUENCY = 30;
export const TRUNK_QUALIFY_FREQUENCY = 0;

/**
 * A phone's contacts, registered first (Asterisk lists an AOR's dynamic
 * contacts before its static ones). A phone that is not registered is
 * reached at no address at all, nor is one created at runtime until it
 * registers itself.
 */
export function phoneContacts(phone: Phone): SimContact[] {
  if (!phone.registered) return [];
  const registration = phone.registration;
  if (phone.runtime) return registration ? [{ uri: `sip:${phone.resource}@${registration.host}:${registration.port}`, registration }] : [];
  const configured: SimContact = { uri: `sip:${phone.resource}@${PHONE_FAR_END.host}:${PHONE_FAR_END.port}` };
  if (!registration) return [configured];
  return [{ uri: `sip:${phone.resource}@${registration.host}:${registration.port}`, registration }, configured];
}

export function trunkContacts(): SimContact[] {
  return [{ uri: TRUNK_CONTACT }];
}
