import { ADMIN_API_PREFIX, defineRoute, type AdminRoute } from './admin-route';
import { openApiDocument } from './openapi-document';
import { agentRoutes } from './resources/agents';
import { apiUserRoutes } from './resources/api-users';
import { campaignRoutes } from './resources/campaigns';
import { timeZoneRoutes } from './resources/time-zones';
import { leadRoutes } from './resources/leads';
import { leadArchiveRoutes } from './resources/lead-archive';
import { phoneRoutes } from './resources/phones';
import { callRoutes } from './resources/calls';
import { cdrRoutes } from './resources/cdrs';
import { queueRoutes } from './resources/queues';
import { recordingRoutes } from './resources/recordings';
import { sessionRoutes } from './resources/sessions';
import { webhookRoutes } from './resources/webhooks';

/** The version of the admin API's description; the path prefix carries the major one. */
export const ADMIN_API_VERSION = '1.0.0';

/** Every operation of the admin API, its description included: one registration line per resource. */
export function adminRoutes(prefix = ADMIN_API_PREFIX): AdminRoute[] {
  const routes: AdminRoute[] = [
    ...sessionRoutes,
    ...agentRoutes,
    ...phoneRoutes,
    ...queueRoutes,
    ...campaignRoutes,
    ...timeZoneRoutes,
    ...leadRoutes,
    ...leadArchiveRoutes,
    ...apiUserRoutes,
    ...callRoutes,
    ...cdrRoutes,
    ...recordingRoutes,
    ...webhookRoutes,
  ];
  const description = defineRoute({
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This API\'s OpenAPI 3.1 description',
    tag: 'description',
    scope: 'read',
    success: { status: 200, description: 'the OpenAPI document', schema: { type: 'object', required: ['openapi', 'info', 'paths'] } },
    handle: async () => ({ status: 200, body: document }),
  });
  routes.push(description);
  const document = openApiDocument(routes, { version: ADMIN_API_VERSION, prefix });
  return routes;
}
