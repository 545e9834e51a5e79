import { AOR_DEFAULTS, AUTH_DEFAULTS, ENDPOINT_DEFAULTS } from './pjsip-object-defaults';

export type PjsipObjectType = 'endpoint' | 'auth' | 'aor';

/** A field as ARI's `ConfigTuple` gives it. */
export interface ConfigField {
  attribute: string;
  value: string;
}

/** What a create or change came to, in Asterisk's words. */
export type PutOutcome =
  | { ok: true; created: boolean; attributes: ReadonlyArray<readonly [string, string]> }
  | { ok: false; status: number; body: { message: string } | { error: string } };

const DEFAULTS: Record<PjsipObjectType, ReadonlyArray<readonly [string, string]>> = {
  endpoint: ENDPOINT_DEFAULTS,
  auth: AUTH_DEFAULTS,
  aor: AOR_DEFAULTS,
};

const BOOLEAN_TEXT = new Set(['true', 'false']);
const TRUE_WORDS = ['yes', 'true', 'y', 't', '1', 'on'];
const DIGEST = /^(MD5:[0-9a-f]{32}|SHA-256:[0-9a-f]{64}|SHA-512-256:[0-9a-f]{64})$/i;

/**
 * res_pjsip's endpoints, auths and AORs created at runtime, as Asterisk
 * 22.10.1 keeps them in the `memory` wizard of the project's sorcery.conf:
 * applied over the defaults field by field (an unknown attribute or a value
 * that does not parse fails the whole object), listed with the defaults'
 * attributes in their order. What the measured build does is reproduced:
 * an endpoint created without codecs cannot be changed (500 `Allocation
 * failed`), an auth needs a user name and a password or a digest.
 */
export class PjsipObjects {
  private readonly objects: Record<PjsipObjectType, Map<string, Map<string, string>>> = { endpoint: new Map(), auth: new Map(), aor: new Map() };

  get(type: PjsipObjectType, id: string): ReadonlyArray<readonly [string, string]> | undefined {
    const stored = this.objects[type].get(id);
    return stored && [...stored.entries()];
  }

  has(type: PjsipObjectType, id: string): boolean {
    return this.objects[type].has(id);
  }

  put(type: PjsipObjectType, id: string, fields: readonly ConfigField[]): PutOutcome {
    const existing = this.objects[type].get(id);
    // A change starts from the stored object written out and read back: an endpoint without codecs
    // (`allow` shown as `(nothing)`) does not read back, and its caller id `<unknown>` comes back `unknown`.
    if (existing && type === 'endpoint' && existing.get('allow') === '(nothing)') return { ok: false, status: 500, body: { error: 'Allocation failed' } };
    const next = new Map(existing ?? DEFAULTS[type]);
    if (existing && type === 'endpoint' && next.get('callerid') === '<unknown>') next.set('callerid', 'unknown');
    for (const field of fields) {
      if (!applyField(type, next, field)) return invalid(id, existing !== undefined);
    }
    if (type === 'auth' && !validAuth(next)) return invalid(id, existing !== undefined);
    this.objects[type].set(id, next);
    return { ok: true, created: existing === undefined, attributes: [...next.entries()] };
  }

  remove(type: PjsipObjectType, id: string): boolean {
    return this.objects[type].delete(id);
  }
}

function invalid(id: string, existed: boolean): PutOutcome {
  const message = existed ? `Update of object '${id}' failed field value validation` : `Creation of object '${id}' failed field value validation`;
  return { ok: false, status: 400, body: { message } };
}

function applyField(type: PjsipObjectType, object: Map<string, string>, field: ConfigField): boolean {
  const { attribute, value } = field;
  if (type === 'endpoint' && attribute === 'disallow') {
    if (value !== 'all') return false;
    object.set('allow', '(nothing)');
    return true;
  }
  if (type === 'endpoint' && attribute === 'allow') {
    const current = object.get('allow') ?? '(nothing)';
    const codecs = current === '(nothing)' ? [] : current.slice(1, -1).split('|');
    for (const codec of value.split(',')) if (codec !== '' && !codecs.includes(codec)) codecs.push(codec);
    object.set('allow', codecs.length === 0 ? '(nothing)' : `(${codecs.join('|')})`);
    return true;
  }
  if (type === 'auth' && attribute === 'password_digest') {
    if (!DIGEST.test(value)) return false;
    object.set('password_digest', value);
    object.set('md5_cred', value.startsWith('MD5:') ? value.slice(4) : '');
    return true;
  }
  const current = object.get(attribute);
  if (current === undefined) return false;
  // ast_true: anything but a word for true is false, never an error.
  if (BOOLEAN_TEXT.has(current)) {
    object.set(attribute, TRUE_WORDS.includes(value.trim().toLowerCase()) ? 'true' : 'false');
    return true;
  }
  if (/^\d+$/.test(current) && !/^\s*\d+\s*$/.test(value)) return false;
  object.set(attribute, value);
  return true;
}

function validAuth(auth: Map<string, string>): boolean {
  return (auth.get('username') ?? '') !== '' && ((auth.get('password') ?? '') !== '' || (auth.get('password_digest') ?? '') !== '');
}
