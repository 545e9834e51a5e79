import type { JsonObject } from '../util/json';
import { DEFAULT_PHONE_ANSWER_MS, type NumberRule, type PhoneConfig } from '../options';
import { validateRules } from './number-rules';
import { PjsipObjects } from './pjsip-objects';
import { phoneContacts, trunkContacts, PHONE_QUALIFY_FREQUENCY, TRUNK_QUALIFY_FREQUENCY, type PhoneRegistration, type SimContact } from './contacts';

export interface Phone {
  resource: string;
  registered: boolean;
  answerAfterMs: number | null;
  busy: boolean;
  context: string;
  callerName: string;
  /**
   * Created through ARI at runtime (res_pjsip's memory wizard): no configured
   * contact reaches it, only its own registration.
   */
  runtime?: boolean;
  /** The phone's own REGISTER, when it sent one (control API); absent, the configured contact reaches it. */
  registration?: PhoneRegistration & { callId: string; expirationTime: number };
}

/** What a PJSIP dial string reaches. */
export type PjsipTarget =
  | { kind: 'phone'; phone: Phone; dialstring: string }
  | { kind: 'number'; number: string; trunk: string; dialstring: string }
  | { kind: 'unavailable' };

/**
 * The telephone network behind the simulated Asterisk: SIP phones that
 * register or not, trunks, and the rules external numbers follow.
 */
export class Network {
  private readonly phones = new Map<string, Phone>();
  /** Endpoints, auths and AORs created through ARI (`/asterisk/config/dynamic/res_pjsip/...`). */
  readonly objects = new PjsipObjects();
  private trunks?: Set<string>;
  private rules: NumberRule[] = [];

  constructor(phones: readonly PhoneConfig[], trunks: readonly string[] | undefined, rules: readonly NumberRule[]) {
    this.setPhones(phones);
    this.trunks = trunks ? new Set(trunks) : undefined;
    this.setRules(rules);
  }

  setPhones(phones: readonly PhoneConfig[]): void {
    this.phones.clear();
    for (const config of phones) this.phones.set(config.resource, toPhone(config));
  }

  upsertPhone(config: PhoneConfig): Phone {
    const registration = this.phones.get(config.resource)?.registration;
    const phone = toPhone({ ...this.phoneConfig(config.resource), ...config });
    if (registration && phone.registered) phone.registration = registration;
    this.phones.set(phone.resource, phone);
    return phone;
  }

  /** An endpoint created through ARI: offline until it registers itself. */
  addRuntimePhone(resource: string, context: string): Phone {
    const phone: Phone = { ...toPhone({ resource, registered: false, context }), runtime: true };
    this.phones.set(resource, phone);
    return phone;
  }

  removePhone(resource: string): void {
    this.phones.delete(resource);
  }

  /** Whether the object is one of the configuration's (pjsip.conf): those cannot be changed or deleted through ARI. */
  isConfigured(objectType: string, id: string): boolean {
    if (objectType === 'endpoint' || objectType === 'aor') {
      const phone = this.phones.get(id);
      return phone ? phone.runtime !== true : this.configuredTrunks().includes(id);
    }
    if (objectType === 'auth') {
      const phone = this.phones.get(id);
      return (phone !== undefined && phone.runtime !== true) || this.configuredTrunks().some((trunk) => `${trunk}-auth` === id);
    }
    return false;
  }

  phone(resource: string): Phone | undefined {
    return this.phones.get(resource);
  }

  listPhones(): Phone[] {
    return [...this.phones.values()];
  }

  setRules(rules: readonly NumberRule[]): void {
    this.rules = validateRules(rules);
  }

  getRules(): NumberRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  isTrunk(name: string): boolean {
    if (this.phones.has(name)) return false;
    return this.trunks ? this.trunks.has(name) : name !== '';
  }

  configuredTrunks(): string[] {
    return this.trunks ? [...this.trunks] : [];
  }

  /**
   * `PJSIP/<endpoint>`, `PJSIP/<number>@<endpoint>` or `PJSIP/<endpoint>/<sip uri>`.
   * An unknown endpoint or an unregistered phone cannot be called.
   */
  resolvePjsip(resource: string): PjsipTarget {
    const slash = resource.indexOf('/');
    let endpointName: string;
    let number: string | undefined;
    if (slash >= 0) {
      endpointName = resource.slice(0, slash);
      const uri = resource.slice(slash + 1);
      number = /^sips?:([^@;]+)@/i.exec(uri)?.[1] ?? uri;
    } else {
      const at = resource.indexOf('@');
      endpointName = at >= 0 ? resource.slice(at + 1) : resource;
      number = at >= 0 ? resource.slice(0, at) : undefined;
    }
    const phone = this.phones.get(endpointName);
    if (phone) return phone.registered ? { kind: 'phone', phone, dialstring: resource } : { kind: 'unavailable' };
    if (number !== undefined && number !== '' && this.isTrunk(endpointName)) {
      return { kind: 'number', number, trunk: endpointName, dialstring: resource };
    }
    return { kind: 'unavailable' };
  }

  rulesSnapshot(): readonly NumberRule[] {
    return this.rules;
  }

  /** Endpoint model; `online` for registered phones and for trunks. */
  endpointsJson(channelIds: (endpoint: string) => string[]): JsonObject[] {
    const phones = [...this.phones.values()].map((p) => endpointJson(p.resource, p.registered ? 'online' : 'offline', channelIds(`PJSIP/${p.resource}`)));
    const trunks = this.configuredTrunks().map((t) => endpointJson(t, 'online', channelIds(`PJSIP/${t}`)));
    return [...phones, ...trunks];
  }

  /** An address of record (a phone's or a trunk's, same name as the endpoint): its contacts and qualify frequency. */
  aor(resource: string): { contacts: SimContact[]; qualifyFrequency: number } | undefined {
    const phone = this.phones.get(resource);
    if (phone && !phone.runtime) return { contacts: phoneContacts(phone), qualifyFrequency: PHONE_QUALIFY_FREQUENCY };
    if (this.configuredTrunks().includes(resource)) return { contacts: trunkContacts(), qualifyFrequency: TRUNK_QUALIFY_FREQUENCY };
    return undefined;
  }

  hasEndpoint(resource: string): boolean {
    return this.phones.has(resource) || this.configuredTrunks().includes(resource);
  }

  private phoneConfig(resource: string): PhoneConfig {
    const phone = this.phones.get(resource);
    return phone
      ? { resource, registered: phone.registered, answerAfterMs: phone.answerAfterMs, busy: phone.busy, context: phone.context, callerName: phone.callerName }
      : { resource };
  }
}

function endpointJson(resource: string, state: string, channelIds: string[]): JsonObject {
  return { technology: 'PJSIP', resource, state, channel_ids: channelIds };
}

function toPhone(config: PhoneConfig): Phone {
  return {
    resource: config.resource,
    registered: config.registered ?? true,
    answerAfterMs: config.answerAfterMs === undefined ? DEFAULT_PHONE_ANSWER_MS : config.answerAfterMs,
    busy: config.busy ?? false,
    context: config.context ?? 'default',
    callerName: config.callerName ?? '',
  };
}
