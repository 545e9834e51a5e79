import type { Extension } from '@pbx-gateway/core';
import type { AdminRoute } from '../admin-route';
import { sliceOf } from '../admin-paging';
import { bool, integer, integerId, nullableText, objectSchema, text } from '../admin-schemas';
import { provisionedRoutes } from './provisioned-resource';

export const phoneSchema = objectSchema({
  id: integer,
  internalNumber: text,
  publicNumber: nullableText,
  sipUsername: text,
  dialplan: text,
  endpoint: text,
  callerIdNumber: text,
  callerIdName: text,
  recordCalls: bool,
});

const phoneView = (extension: Extension) => ({ ...extension });

/** The PBX's phone lines (extensions): provisioning's `extensions:`. */
export const phoneRoutes: readonly AdminRoute[] = provisionedRoutes<{ phoneId: number }, Extension, ReturnType<typeof phoneView>>({
  tag: 'phones',
  collection: '/phones',
  singular: 'phone',
  plural: 'phones',
  keyParams: { phoneId: integerId },
  keyOf: (params) => ({ phoneId: Number(params.phoneId) }),
  section: 'extensions',
  keyFields: ['id'],
  entryOf: (key, body) => ({ ...body, id: key.phoneId }),
  list: ({ core }, page) => sliceOf(async () => (await core.listExtensions()).sort((a, b) => a.id - b.id))(page),
  get: ({ store }, key) => store.direct.extensions.get(key.phoneId),
  view: phoneView,
  viewSchema: phoneSchema,
  notFoundCode: 'EXTENSION_NOT_FOUND',
});
