import { createHash } from 'node:crypto';
import { fail, ok, pathParam, type RouteSpec } from '../ari/route-spec';
import type { World } from '../engine/world';
import type { SimContact } from '../network/contacts';
import type { JsonObject } from '../util/json';

/**
 * `GET /asterisk/config/dynamic/{configClass}/{objectType}/{id}`: res_pjsip's
 * AORs and registered contacts as Asterisk 22.10.1 shows them (a list of
 * `ConfigTuple`s in its order, measured). An AOR lists one `contact` per
 * contact, registered ones first; a registered contact is its own object,
 * `<aor>;@<md5 of its URI>`; a configured (static) one is not retrievable.
 */
function aorTuples(contacts: readonly SimContact[], qualifyFrequency: number, maxContacts: number): JsonObject[] {
  const tuples: Array<[string, string]> = [
    ['minimum_expiration', '60'],
    ['default_expiration', '3600'],
    ['qualify_timeout', '3.000000'],
    ['qualify_2xx_only', 'false'],
    ['mailboxes', ''],
    ['support_path', 'false'],
    ['remove_unavailable', 'false'],
    ['voicemail_extension', ''],
    ['max_contacts', String(maxContacts)],
    ['authenticate_qualify', 'false'],
    ...contacts.map((contact): [string, string] => ['contact', contact.uri]),
    ['maximum_expiration', '7200'],
    ['qualify_frequency', String(qualifyFrequency)],
    ['remove_existing', 'false'],
    ['outbound_proxy', ''],
  ];
  return tuples.map(([attribute, value]) => ({ attribute, value }));
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

function findObject(world: World, objectType: string, id: string): JsonObject[] | undefined {
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
];
