import type { Json } from '../util/json';
import { isJsonObject } from '../util/json';
import type { NumberRule, PhoneConfig } from '../options';
import type { PhoneRegistration } from '../network/contacts';
import { SimControl, SimControlError, type PlaceCallRequest } from './sim-control';

interface ControlRoute {
  method: string;
  pattern: RegExp;
  run: (control: SimControl, params: string[], body: Json | undefined) => Promise<Json | undefined>;
}

function field(body: Json | undefined, name: string): Json | undefined {
  return isJsonObject(body) ? body[name] : undefined;
}

function numberField(body: Json | undefined, name: string): number | undefined {
  const value = field(body, name);
  return typeof value === 'number' ? value : undefined;
}

/** Plain JSON over /sim, no ARI authentication. Each route maps to one SimControl method. */
const ROUTES: readonly ControlRoute[] = [
  { method: 'GET', pattern: /^\/sim\/channels$/, run: (c) => c.listChannels() },
  { method: 'GET', pattern: /^\/sim\/bridges$/, run: (c) => c.listBridges() },
  { method: 'GET', pattern: /^\/sim\/playbacks$/, run: (c) => c.listPlaybacks() },
  {
    method: 'POST',
    pattern: /^\/sim\/channels\/([^/]+)\/dtmf$/,
    run: async (c, [id], body) => {
      const digits = field(body, 'digits');
      if (typeof digits !== 'string') throw new SimControlError(400, 'digits is required');
      await c.pressDtmf(id ?? '', digits, { durationMs: numberField(body, 'durationMs'), gapMs: numberField(body, 'gapMs') });
      return undefined;
    },
  },
  { method: 'GET', pattern: /^\/sim\/channels\/([^/]+)\/dtmf$/, run: async (c, [id]) => (await c.heardDtmf(id ?? '')) as unknown as Json },
  { method: 'POST', pattern: /^\/sim\/channels\/([^/]+)\/answer$/, run: async (c, [id]) => void (await c.answer(id ?? '')) },
  {
    method: 'POST',
    pattern: /^\/sim\/channels\/([^/]+)\/hangup$/,
    run: async (c, [id], body) => void (await c.hangup(id ?? '', numberField(body, 'cause') ?? 16)),
  },
  {
    method: 'POST',
    pattern: /^\/sim\/calls$/,
    run: async (c, _params, body) => {
      if (!isJsonObject(body) || typeof body.from !== 'string' || typeof body.to !== 'string' || typeof body.app !== 'string') {
        throw new SimControlError(400, 'from, to and app are required');
      }
      return (await c.placeCall(body as unknown as PlaceCallRequest)) as unknown as Json;
    },
  },
  { method: 'GET', pattern: /^\/sim\/phones$/, run: async (c) => (await c.listPhones()) as unknown as Json },
  {
    method: 'PUT',
    pattern: /^\/sim\/phones\/([^/]+)$/,
    run: async (c, [resource], body) => (await c.setPhone({ ...(isJsonObject(body) ? body : {}), resource } as PhoneConfig)) as unknown as Json,
  },
  {
    method: 'POST',
    pattern: /^\/sim\/phones\/([^/]+)\/register$/,
    run: async (c, [r], body) => void (await c.registerPhone(r ?? '', isJsonObject(body) && 'host' in body ? (body as unknown as PhoneRegistration) : undefined)),
  },
  { method: 'DELETE', pattern: /^\/sim\/phones\/([^/]+)\/register$/, run: async (c, [r]) => void (await c.unregisterPhone(r ?? '')) },
  { method: 'GET', pattern: /^\/sim\/number-rules$/, run: async (c) => (await c.getNumberRules()) as unknown as Json },
  {
    method: 'PUT',
    pattern: /^\/sim\/number-rules$/,
    run: async (c, _p, body) => {
      if (!Array.isArray(body)) throw new SimControlError(400, 'expected an array of rules');
      await c.setNumberRules(body as unknown as NumberRule[]);
      return undefined;
    },
  },
  { method: 'GET', pattern: /^\/sim\/media$/, run: (c) => c.getMedia() },
  {
    method: 'PUT',
    pattern: /^\/sim\/media$/,
    run: async (c, _p, body) => {
      if (!isJsonObject(body)) throw new SimControlError(400, 'expected an object of sound lengths');
      await c.setMedia(body as Record<string, number>);
      return undefined;
    },
  },
  { method: 'POST', pattern: /^\/sim\/websockets\/drop$/, run: async (c) => ({ dropped: await c.dropWebSockets() }) },
  {
    method: 'POST',
    pattern: /^\/sim\/refuse$/,
    run: async (c, _p, body) => {
      const mode = field(body, 'mode');
      await c.refuseConnections(numberField(body, 'ms') ?? NaN, mode === 'reset' ? 'reset' : mode === undefined ? 'refuse' : (mode as 'refuse'));
      return undefined;
    },
  },
  { method: 'PUT', pattern: /^\/sim\/keep-alive$/, run: async (c, _p, body) => void (await c.setKeepAliveTimeout(numberField(body, 'timeoutMs') ?? NaN)) },
  { method: 'POST', pattern: /^\/sim\/forget$/, run: async (c) => ({ forgotten: await c.forgetCalls() }) },
  { method: 'GET', pattern: /^\/sim\/traffic\/requests$/, run: async (c) => (await c.requests()) as unknown as Json },
  { method: 'GET', pattern: /^\/sim\/traffic\/events$/, run: async (c) => (await c.events()) as unknown as Json },
  {
    method: 'PUT',
    pattern: /^\/sim\/traffic$/,
    run: async (c, _p, body) => void (await c.recordTraffic(field(body, 'record') === true)),
  },
  { method: 'DELETE', pattern: /^\/sim\/traffic$/, run: async (c) => void (await c.clearTraffic()) },
];

export interface ControlReply {
  status: number;
  body?: Json;
}

export async function handleControlRequest(control: SimControl, method: string, path: string, rawBody: Buffer): Promise<ControlReply> {
  let body: Json | undefined;
  if (rawBody.length > 0) {
    try {
      body = JSON.parse(rawBody.toString('utf8')) as Json;
    } catch {
      return { status: 400, body: { error: 'invalid JSON body' } };
    }
  }
  const candidates = ROUTES.filter((r) => r.pattern.test(path));
  if (candidates.length === 0) return { status: 404, body: { error: `no control route ${path}` } };
  const route = candidates.find((r) => r.method === method);
  if (!route) return { status: 405, body: { error: `${method} not allowed on ${path}` } };
  try {
    const params = (route.pattern.exec(path) ?? []).slice(1).map((p) => decodeURIComponent(p));
    const result = await route.run(control, params, body);
    return result === undefined ? { status: 204 } : { status: 200, body: result };
  } catch (error) {
    if (error instanceof SimControlError) return { status: error.status, body: { error: error.message } };
    throw error;
  }
}
