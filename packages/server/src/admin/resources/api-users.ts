import type { ApiUser, UserGroup } from '@pbx-gateway/core';
import type { AdminRoute } from '../admin-route';
import { bool, integer, nullableDateTime, objectSchema, text, textList, textMap } from '../admin-schemas';
import { provisionedRoutes } from './provisioned-resource';

/** An API account as the admin API shows it: its rights, never its secret. */
export const apiUserSchema = objectSchema({
  id: text,
  realm: text,
  login: text,
  active: bool,
  permissions: { ...textList, description: 'operations the account may use; `*` for all' },
  attributes: textMap,
  failedLogins: integer,
  lastFailedLoginAt: nullableDateTime,
});

const apiUserView = (user: ApiUser) => ({
  id: user.id,
  realm: user.realm,
  login: user.login,
  active: user.active,
  permissions: [...user.permissions],
  attributes: { ...user.attributes },
  failedLogins: user.failedLogins,
  lastFailedLoginAt: user.lastFailedLoginAt?.toISOString() ?? null,
});

export const userGroupSchema = objectSchema({
  id: text,
  name: text,
  allowedCampaigns: { type: ['array', 'null'], items: { type: 'string' }, description: 'null: every campaign' },
  viewableGroups: { type: ['array', 'null'], items: { type: 'string' }, description: 'null: every group' },
  apiAllowedIps: { ...textList, description: 'empty: any address' },
});

const userGroupView = (group: UserGroup) => ({
  id: group.id,
  name: group.name,
  allowedCampaigns: group.allowedCampaigns === null ? null : [...group.allowedCampaigns],
  viewableGroups: group.viewableGroups === null ? null : [...group.viewableGroups],
  apiAllowedIps: [...group.apiAllowedIps],
});

type Realm = ApiUser['realm'];

/** The dialects' API accounts and their rights (permissions, user groups): provisioning's `apiUsers:` and `userGroups:`. */
export const apiUserRoutes: readonly AdminRoute[] = [
  ...provisionedRoutes<{ realm: Realm; login: string }, ApiUser, ReturnType<typeof apiUserView>>({
    tag: 'api-users',
    collection: '/api-users',
    singular: 'apiUser',
    plural: 'apiUsers',
    keyParams: { realm: { type: 'string', enum: ['vicidial', 'voipsun', 'sipcall'] }, login: { type: 'string', minLength: 1, maxLength: 100 } },
    keyOf: (params) => ({ realm: String(params.realm) as Realm, login: String(params.login) }),
    section: 'apiUsers',
    keyFields: ['realm', 'login'],
    entryOf: (key, body) => ({ ...body, realm: key.realm, login: key.login }),
    list: ({ store }, page) => store.direct.apiUsers.list(page),
    get: ({ store }, key) => store.direct.apiUsers.findByLogin(key.realm, key.login),
    view: apiUserView,
    viewSchema: apiUserSchema,
    notFoundCode: 'NOT_FOUND',
  }),
  ...provisionedRoutes<{ groupId: string }, UserGroup, ReturnType<typeof userGroupView>>({
    tag: 'api-users',
    collection: '/user-groups',
    singular: 'userGroup',
    plural: 'userGroups',
    keyParams: { groupId: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,20}$' } },
    keyOf: (params) => ({ groupId: String(params.groupId) }),
    section: 'userGroups',
    keyFields: ['id'],
    entryOf: (key, body) => ({ ...body, id: key.groupId }),
    list: ({ store }, page) => store.direct.userGroups.list(page),
    get: ({ store }, key) => store.direct.userGroups.get(key.groupId),
    view: userGroupView,
    viewSchema: userGroupSchema,
    notFoundCode: 'NOT_FOUND',
  }),
];
