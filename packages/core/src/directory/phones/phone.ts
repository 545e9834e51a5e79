/**
 * A phone: a device of the PBX on one server, by its extension (its name on
 * the engine, `PJSIP/<extension>`), with the login and password an agent
 * signs in to it with and the voicemail box it uses. Passwords are kept only
 * as hashes: the login's as a slow salted hash, the registration's as what
 * the engine checks a registration against (Pbx.deviceCredential).
 */
export interface Phone {
  extension: string;
  serverIp: string;
  /** The number other phones dial to reach it. */
  dialplanNumber: string;
  voicemailId: string;
  login: string;
  passHash: string;
  /** `SIP`, `IAX2`, `Zap` or `EXTERNAL`: only SIP phones are devices of the engine. */
  protocol: string;
  /** What the engine checks the device's registration password against; empty without a password. */
  registrationCredential: string;
  fullName: string;
  email: string;
  /** The dialplan context of its calls, as the dialect names it. */
  context: string;
  outboundCid: string;
  active: boolean;
  /** The user group that administers it; `---ALL---` for every group. */
  userGroup: string;
  /** Dialect-specific settings kept as given (time zone, web phone, ring timeout ...). */
  attributes: Readonly<Record<string, string>>;
}

/** A phone as it is asked for: passwords in clear, hashed by the core before they are kept. */
export interface NewPhone extends Omit<Phone, 'passHash' | 'registrationCredential'> {
  pass: string;
  registrationPassword: string;
}

/** What an update changes: absent fields stay; `attributes` are merged. */
export interface PhoneChanges {
  dialplanNumber?: string;
  voicemailId?: string;
  login?: string;
  pass?: string;
  protocol?: string;
  /** Empty removes the password (the device then cannot register). */
  registrationPassword?: string;
  fullName?: string;
  email?: string;
  context?: string;
  outboundCid?: string;
  active?: boolean;
  userGroup?: string;
  attributes?: Readonly<Record<string, string>>;
}

/** Several phones' logins under one name (VICIdial's phone alias): an agent signs in to them at once. */
export interface PhoneAlias {
  id: string;
  name: string;
  /** Phone logins, in the order given. */
  logins: readonly string[];
}

/** Whether a phone is a device the engine must have: an active SIP phone with a registration password. */
export const isEngineDevice = (phone: Phone): boolean => phone.active && phone.protocol === 'SIP' && phone.registrationCredential !== '';
