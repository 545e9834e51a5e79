import { DomainError, type Campaign, type LeadList } from '@pbx-gateway/core';
import type { AdminRoute } from '../admin-route';
import { sliceOf } from '../admin-paging';
import { bool, integer, integerId, nameSchema, nullableInteger, nullableText, objectSchema, text, textMap } from '../admin-schemas';
import { provisionedRoutes } from './provisioned-resource';

export const campaignSchema = objectSchema({
  id: text,
  name: text,
  active: bool,
  dialMethod: text,
  allowInbound: bool,
  manualDialListId: nullableInteger,
  apiManualDial: text,
  manualPreviewDial: text,
  altNumberDialing: bool,
  agentLeadSearch: text,
  defaultXferGroup: nullableText,
  parkExt: nullableText,
  campaignCid: nullableText,
  dialPrefix: text,
  useOtherCampaignDnc: nullableText,
  settings: textMap,
});

const campaignView = (campaign: Campaign) => ({ ...campaign, settings: { ...campaign.settings } });

export const listSchema = objectSchema({ id: integer, name: text, campaignId: text, active: bool });
// The VICIdial settings a list keeps (add_list, update_list) are the Non-Agent API's to manage, not provisioning's.
const listView = (list: LeadList) => ({ id: list.id, name: list.name, campaignId: list.campaignId, active: list.active });

/** The dialer's campaigns and their lead lists: provisioning's `campaigns:` and `lists:`. */
export const campaignRoutes: readonly AdminRoute[] = [
  ...provisionedRoutes<{ campaignId: string }, Campaign, ReturnType<typeof campaignView>>({
    tag: 'campaigns',
    collection: '/campaigns',
    singular: 'campaign',
    plural: 'campaigns',
    keyParams: { campaignId: nameSchema },
    keyOf: (params) => ({ campaignId: String(params.campaignId) }),
    section: 'campaigns',
    keyFields: ['id'],
    entryOf: (key, body) => ({ ...body, id: key.campaignId }),
    list: ({ store }, page) => sliceOf(() => store.direct.campaigns.list())(page),
    get: ({ store }, key) => store.direct.campaigns.get(key.campaignId),
    view: campaignView,
    viewSchema: campaignSchema,
    notFoundCode: 'CAMPAIGN_NOT_FOUND',
  }),
  ...provisionedRoutes<{ listId: number }, LeadList, ReturnType<typeof listView>>({
    tag: 'lists',
    collection: '/lists',
    singular: 'list',
    plural: 'lists',
    keyParams: { listId: integerId },
    keyOf: (params) => ({ listId: Number(params.listId) }),
    section: 'lists',
    keyFields: ['id'],
    entryOf: (key, body) => ({ ...body, id: key.listId }),
    list: ({ store }, page) => store.direct.leadLists.list(page),
    get: ({ store }, key) => store.direct.leadLists.get(key.listId),
    async check({ store }, entry) {
      const campaignId = String(entry.campaignId);
      if (!(await store.direct.campaigns.get(campaignId))) throw new DomainError('CAMPAIGN_NOT_FOUND', `campaign ${campaignId} does not exist`);
    },
    putRefusals: ['CAMPAIGN_NOT_FOUND'],
    view: listView,
    viewSchema: listSchema,
    notFoundCode: 'NOT_FOUND',
  }),
];
