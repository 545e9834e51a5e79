import type { JsonObject } from '../util/json';
import { ARI_API_VERSION, SWAGGER_VERSION } from './api-declaration';

/** `/ari/api-docs/resources.json`: one entry per served resource. */
export function resourceListing(resources: readonly { name: string; description: string }[], basePath: string | undefined): JsonObject {
  const json: JsonObject = { apiVersion: ARI_API_VERSION, swaggerVersion: SWAGGER_VERSION };
  if (basePath !== undefined) json.basePath = basePath;
  json.apis = resources.map((r) => ({ path: `/api-docs/${r.name}.{format}`, description: r.description }));
  return json;
}
