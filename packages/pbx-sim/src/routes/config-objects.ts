import { createHash } from 'node:crypto';
import { bodyParam, fail, noContent, ok, pathParam, type AriResult, type ParamSpec, type RouteSpec } from '../ari/route-spec';
import { phoneContacts } from '../network/contacts';
import { AOR_DEFAULTS } from '../network/pjsip-object-defaults';
import type { ConfigField, PjsipObjectType } from '../network/pjsip-objects';
import type { World } from '../engine/world';
import type { SimContact } from '../network/contacts';
import { isJsonObject, type Json, type JsonObject } from '../util/json';

/**
 * `GET /asterisk/config/dynamic/{configClass}/{objectType}/{id}`: res_pjsip's
 * AORs and registered contacts as Asterisk 22.10.1 shows them (a list of
 * `ConfigTuple`s in its order, measured). An AOR lists one `contact` per
 * contact, registered ones first; a registered contact is its own object,
 * `<aor>;@<md5 of its URI>`; a configured (static) one is not retrievable.
 */
function aorTuples(contacts: readonly SimContact[], qualifyFrequency: number, maxContacts: number): JsonObject[] {
  // The attributes of an AOR made with no fields, in their order, with the phone's own values.
  const own: Readonly<Record<string, readonly string[]>> = {
    max_contacts: [String(maxContacts)],
    contact: contacts.map((contact) => contact.uri),
    qualify_frequency: [String(qualifyFrequency)],
  };
  return AOR_DEFAULTS.flatMap(([attribute, value]) => (own[attribute] ?? [value]).map((shown) => ({ attribute, value: shown })));
}

function contactTuples(aor: string, contact: SimContact, qualifyFrequency: number): JsonObject[] {
  const registration = contact.registration;
  if (!registration) return [];
  const tuples: Array<[string, string]> = [
    ['via_addr', registration.host],
    ['qualify_timeout', '3.000000'],
    ['qualify_2xx_only', 'false'],
    ['call_id', registration.callId],
    ['reg_server', ''],
    ['prune_on_boot', 'no'],
    ['path', ''],
    ['endpoint', aor],
    ['via_port', String(registration.port)],
    ['authenticate_qualify', 'no'],
    ['uri', contact.uri],
    ['qualify_frequency', String(qualifyFrequency)],
    ['user_agent', registration.userAgent],
    ['expiration_time', String(registration.expirationTime)],
    ['outbound_proxy', ''],
  ];
  return tuples.map(([attribute, value]) => ({ attribute, value }));
}

const contactId = (aor: string, uri: string): string => `${aor};@${createHash('md5').update(uri).digest('hex')}`;

const tuplesOf = (attributes: ReadonlyArray<readonly [string, string]>): JsonObject[] => attributes.map(([attribute, value]) => ({ attribute, value }));

/** An AOR created at runtime: its stored attributes, one `contact` per contact of its phone (an empty one without). */
function runtimeAorTuples(world: World, id: string, attributes: ReadonlyArray<readonly [string, string]>): JsonObject[] {
  const phone = world.network.phone(id);
  const uris = phone?.runtime ? phoneContacts(phone).map((contact) => contact.uri) : [];
  return tuplesOf(attributes.flatMap(([attribute, value]): Array<readonly [string, string]> =>
    attribute === 'contact' ? (uris.length === 0 ? [[attribute, value]] : uris.map((uri) => [attribute, uri] as const)) : [[attribute, value]],
  ));
}

function findObject(world: World, objectType: string, id: string): JsonObject[] | undefined {
  if (isPjsipObjectType(objectType)) {
    const runtime = world.network.objects.get(objectType, id);
    if (runtime) return objectType === 'aor' ? runtimeAorTuples(world, id, runtime) : tuplesOf(runtime);
  }
  if (objectType === 'aor') {
    const aor = world.network.aor(id);
    // A phone's AOR allows one contact (the project's `phone-aor`); the trunk's sets none.
    return aor && aorTuples(aor.contacts, aor.qualifyFrequency, aor.qualifyFrequency > 0 ? 1 : 0);
  }
  if (objectType === 'contact') {
    const separator = id.indexOf(';@');
    const aorName = separator < 0 ? '' : id.slice(0, separator);
    const aor = world.network.aor(aorName);
    const contact = aor?.contacts.find((candidate) => candidate.registration && contactId(aorName, candidate.uri) === id);
    return aor && contact ? contactTuples(aorName, contact, aor.qualifyFrequency) : undefined;
  }
  return undefined;
}

const OBJECT_TYPES = ['aor', 'contact', 'endpoint', 'auth', 'transport', 'identify', 'registration', 'global', 'system', 'domain_alias'];

const isPjsipObjectType = (objectType: string): objectType is PjsipObjectType => objectType === 'endpoint' || objectType === 'auth' || objectType === 'aor';

const objectParams = (verb: string): ParamSpec[] => [
  pathParam('configClass', 'string', 'The configuration class containing dynamic configuration objects.'),
  pathParam('objectType', 'string', `The type of configuration object to ${verb}.`),
  pathParam('id', 'string', `The unique identifier of the object to ${verb}.`),
];

/** The `fields` of a body as ConfigTuples; anything else is no field (Asterisk 22.10.1 ignores a `fields` that is not a list). */
function fieldsOf(body: Json | undefined): ConfigField[] {
  const fields = isJsonObject(body) ? body.fields : undefined;
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((field) =>
    isJsonObject(field) && typeof field.attribute === 'string' ? [{ attribute: field.attribute, value: typeof field.value === 'string' ? field.value : '' }] : [],
  );
}

/** The checks both a change and a deletion start with: the class and type must exist. */
function unknownClassOrType(configClass: string, objectType: string): AriResult | null {
  if (configClass !== 'res_pjsip') return fail(404, `configClass '${configClass}' not found`);
  if (!OBJECT_TYPES.includes(objectType)) return fail(404, `objectType '${objectType}' not found`);
  return null;
}

/**
 * `PUT`: creates or changes an object in the memory wizard the project's
 * sorcery.conf adds for endpoints, auths and AORs. Other types have no
 * writable wizard, and objects of pjsip.conf cannot be changed (403). A new
 * endpoint is a phone of the network, offline until it registers itself.
 */
function putObject(world: World, configClass: string, objectType: string, id: string, body: Json | undefined): AriResult {
  const unknown = unknownClassOrType(configClass, objectType);
  if (unknown) return unknown;
  if (!isPjsipObjectType(objectType)) return fail(403, `Cannot create sorcery objects of type '${objectType}'`);
  if (world.network.isConfigured(objectType, id)) return fail(403, `Cannot update sorcery objects of type '${objectType}'`);
  const outcome = world.network.objects.put(objectType, id, fieldsOf(body));
  if (!outcome.ok) return { status: outcome.status, body: outcome.body };
  if (objectType === 'endpoint') world.network.addRuntimePhone(id, new Map(outcome.attributes).get('context') ?? 'default');
  return ok(objectType === 'aor' ? runtimeAorTuples(world, id, outcome.attributes) : tuplesOf(outcome.attributes));
}

function deleteObject(world: World, configClass: string, objectType: string, id: string): AriResult {
  const unknown = unknownClassOrType(configClass, objectType);
  if (unknown) return unknown;
  if (world.network.isConfigured(objectType, id)) return fail(403, `Could not delete object with id '${id}'`);
  if (!isPjsipObjectType(objectType) || !world.network.objects.remove(objectType, id)) return fail(404, `Object with id '${id}' not found`);
  if (objectType === 'endpoint') world.network.removePhone(id);
  return noContent();
}

export const configObjectRoutes: RouteSpec[] = [
  {
    resource: 'asterisk',
    path: '/asterisk/config/dynamic/{configClass}/{objectType}/{id}',
    method: 'GET',
    nickname: 'getObject',
    summary: 'Retrieve a dynamic configuration object.',
    responseClass: 'List[ConfigTuple]',
    params: [
      pathParam('configClass', 'string', 'The configuration class containing dynamic configuration objects.'),
      pathParam('objectType', 'string', 'The type of configuration object to retrieve.'),
      pathParam('id', 'string', 'The unique identifier of the object to retrieve.'),
    ],
    errorResponses: [{ code: 404, reason: '{configClass|objectType|id} not found' }],
    handler: ({ world, path }) => {
      const configClass = path.configClass ?? '';
      const objectType = path.objectType ?? '';
      const id = path.id ?? '';
      if (configClass !== 'res_pjsip') return fail(404, `configClass '${configClass}' not found`);
      if (!OBJECT_TYPES.includes(objectType)) return fail(404, `objectType '${objectType}' not found`);
      const found = findObject(world, objectType, id);
      return found ? ok(found) : fail(404, `Object with id '${id}' not found`);
    },
  },
  {
    resource: 'asterisk',
    path: '/asterisk/config/dynamic/{configClass}/{objectType}/{id}',
    method: 'PUT',
    nickname: 'updateObject',
    summary: 'Create or update a dynamic configuration object.',
    responseClass: 'List[ConfigTuple]',
    params: [
      ...objectParams('create or update'),
      bodyParam('fields', 'containers', 'The body object should have a value that is a list of ConfigTuples, which provide the fields to update. Ex. [ { "attribute": "directmedia", "value": "false" } ]'),
    ],
    errorResponses: [
      { code: 400, reason: 'Bad request body' },
      { code: 403, reason: 'Could not create or update object' },
      { code: 404, reason: '{configClass|objectType} not found' },
    ],
    handler: ({ world, path, args }) => putObject(world, path.configClass ?? '', path.objectType ?? '', path.id ?? '', args.body()),
  },
  {
    resource: 'asterisk',
    path: '/asterisk/config/dynamic/{configClass}/{objectType}/{id}',
    method: 'DELETE',
    nickname: 'deleteObject',
    summary: 'Delete a dynamic configuration object.',
    responseClass: 'void',
    params: objectParams('delete'),
    errorResponses: [
      { code: 403, reason: 'Could not delete object' },
      { code: 404, reason: '{configClass|objectType|id} not found' },
    ],
    handler: ({ world, path }) => deleteObject(world, path.configClass ?? '', path.objectType ?? '', path.id ?? ''),
  },
];
