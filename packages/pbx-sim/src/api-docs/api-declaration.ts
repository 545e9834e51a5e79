import type { ParamSpec, RouteSpec } from '../ari/route-spec';
import { EVENTS_DECLARATION_MODELS } from '../models/event-models';
import type { ModelSpec, PropertySpec } from '../models/model-spec';
import { REST_MODELS } from '../models/rest-models';
import type { Json, JsonObject } from '../util/json';

/** The ARI version of Asterisk 22, as its API description reports it. */
export const ARI_API_VERSION = '10.0.0';
/** What Asterisk 22.10.1 announces in /ari/api-docs (its resources are Swagger 1.1 documents). */
export const SWAGGER_VERSION = '1.1';

function paramJson(param: ParamSpec): JsonObject {
  const json: JsonObject = {
    name: param.name,
    description: param.description,
    paramType: param.paramType,
    required: param.required,
    allowMultiple: param.allowMultiple,
    dataType: param.dataType,
  };
  if (param.defaultValue !== undefined) json.defaultValue = param.defaultValue;
  if (param.allowableValues) json.allowableValues = { valueType: 'LIST', values: [...param.allowableValues] };
  return json;
}

function operationJson(route: RouteSpec): JsonObject {
  const json: JsonObject = { httpMethod: route.method };
  if (route.upgrade) {
    json.upgrade = route.upgrade;
    json.websocketProtocol = 'ari';
  }
  json.summary = route.summary;
  json.nickname = route.nickname;
  json.responseClass = route.responseClass;
  json.parameters = route.params.map(paramJson);
  if (route.errorResponses && route.errorResponses.length > 0) {
    json.errorResponses = route.errorResponses.map((e) => ({ code: e.code, reason: e.reason }));
  }
  return json;
}

function propertyJson(property: PropertySpec): JsonObject {
  const json: JsonObject = { type: property.type, description: property.description };
  if (property.required !== undefined) json.required = property.required;
  if (property.allowableValues) json.allowableValues = { valueType: 'LIST', values: [...property.allowableValues] };
  return json;
}

export function modelJson(model: ModelSpec): JsonObject {
  const properties: JsonObject = {};
  for (const [name, property] of Object.entries(model.properties)) properties[name] = propertyJson(property);
  const json: JsonObject = { id: model.id, description: model.description };
  if (model.discriminator) json.discriminator = model.discriminator;
  json.properties = properties;
  if (model.subTypes) json.subTypes = [...model.subTypes];
  return json;
}

export function modelsOf(resource: string): readonly ModelSpec[] {
  return resource === 'events' ? EVENTS_DECLARATION_MODELS : (REST_MODELS[resource] ?? []);
}

/**
 * `/ari/api-docs/<resource>.json`: the operations of one resource, grouped by
 * path in table order, and the models they use. `basePath` comes from the
 * request's Host header, as Asterisk builds it.
 */
export function apiDeclaration(resource: string, routes: readonly RouteSpec[], basePath: string | undefined): JsonObject {
  const apis: { path: string; operations: Json[] }[] = [];
  for (const route of routes) {
    if (route.resource !== resource) continue;
    let api = apis.find((a) => a.path === route.path);
    if (!api) {
      api = { path: route.path, operations: [] };
      apis.push(api);
    }
    api.operations.push(operationJson(route));
  }
  const models: JsonObject = {};
  for (const model of modelsOf(resource)) models[model.id] = modelJson(model);
  const json: JsonObject = { apiVersion: ARI_API_VERSION, swaggerVersion: SWAGGER_VERSION };
  if (basePath !== undefined) json.basePath = basePath;
  json.resourcePath = `/api-docs/${resource}.{format}`;
  json.apis = apis.map((a) => ({ path: a.path, description: describePath(a.path), operations: a.operations }));
  json.models = models;
  return json;
}

function describePath(path: string): string {
  const last = path.split('/').filter((s) => s !== '').pop() ?? '';
  return last.startsWith('{') ? `One ${last.slice(1, -1).replace(/Id$|Name$/, '')}` : `The ${last} resource`;
}
