import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Agent } from 'node:http';
import { createRequire } from 'node:module';
import { isRecord } from './ari-models';
import { transportInUse } from './rest-exchange';

/**
 * The keep-alive trap, and its guard.
 *
 * Since Node 19 the global HTTP agent keeps sockets alive. ari-client's REST
 * layer (swagger-client 2.0.26 on shred 0.8) sends every request through that
 * agent and registers no handler for request errors. When a request is
 * written on an idle keep-alive socket at the moment the server closes it
 * (Asterisk closes idle HTTP sessions after `session_keep_alive`, 15 s by
 * default), the request fails with ECONNRESET, shred reports it to nobody,
 * and the promise ari-client returned never settles: the command hangs and
 * the call it belonged to is left unanswered.
 *
 * The guard, in layers. Every request of this adapter goes through the
 * agent of its connection (never the global one), which keeps a connection
 * for the next request only while it has been idle less than
 * `restKeepAliveMs`, well under the engine's own limit: the gateway lets an
 * idle connection go before the engine closes it, so the race does not
 * arise (a new connection for every request costs more than the request
 * itself under load). Should the engine close sooner than that setting
 * assumes, the network error is observed (rest-exchange.ts), and a request
 * that failed on a kept-alive connection, which the engine never read, is
 * sent again on a fresh connection (ari-session.ts). Any other broken
 * connection fails the call at once, and every call has a deadline
 * (rest-call-timeout.ts).
 *
 * swagger-client offers one hook on every request it sends: the
 * authorization registry, applied to the request options right before they
 * are handed to shred, which passes `agent` on to `http.request`. The
 * decorator registered there acts only on requests made inside a transport
 * context (rest-exchange.ts), so it never touches anything else in the
 * process. It also sets this connection's credentials, because ari-client
 * keeps a single process-wide `basic-auth` entry that the last connect
 * overwrites, and records the response status for error mapping.
 */
export function createRestAgent(url: URL, keepAliveMs: number): Agent {
  // With keep-alive, `timeout` is how long a free socket may wait for its
  // next request before the agent destroys it.
  const options = keepAliveMs > 0 ? { keepAlive: true, timeout: keepAliveMs } : { keepAlive: false };
  return url.protocol === 'https:' ? new HttpsAgent(options) : new HttpAgent(options);
}

interface SwaggerRequestOptions {
  url: string;
  headers: Record<string, string>;
  agent?: Agent;
  on: Record<string, (response: unknown) => unknown>;
}

interface SwaggerAuthorizations {
  add(name: string, authorization: { apply(request: unknown): boolean }): unknown;
  remove(name: string): unknown;
}

const DECORATOR_NAME = 'pbx-gateway-transport';

const decorator = {
  apply(request: unknown): boolean {
    const transport = transportInUse();
    if (!transport || !isSwaggerRequestOptions(request)) return true;
    request.agent = transport.agent;
    request.headers.Authorization = transport.authorization;
    // shred writes the agent object into User-Agent ("[object Object]")
    // when one is given; an explicit header wins over it.
    request.headers['User-Agent'] = 'pbx-gateway';
    const exchange = transport.exchange;
    if (exchange) {
      for (const [outcome, handler] of Object.entries(request.on)) {
        request.on[outcome] = (response: unknown) => {
          if (isRecord(response) && typeof response.status === 'number') exchange.recordResponse(response.status, response.data);
          return handler(response);
        };
      }
    }
    return true;
  },
};

/**
 * Puts the decorator last in swagger-client's registry (entries apply in
 * insertion order), after the `basic-auth` entry ari-client adds on every
 * connect, so that this connection's credentials win. Called after each
 * connect; cheap and idempotent.
 */
export function installRequestDecorator(): void {
  const registry = swaggerAuthorizations();
  registry.remove(DECORATOR_NAME);
  registry.add(DECORATOR_NAME, decorator);
}

let registryOfAriClient: SwaggerAuthorizations | null = null;

/**
 * The registry of the swagger-client instance ari-client itself loads
 * (resolved from ari-client's directory, so that an npm layout that nests it
 * cannot hand us a second copy).
 */
function swaggerAuthorizations(): SwaggerAuthorizations {
  if (registryOfAriClient) return registryOfAriClient;
  const requireFromAriClient = createRequire(require.resolve('ari-client'));
  const swagger: unknown = requireFromAriClient('swagger-client');
  const registry = isRecord(swagger) ? swagger.authorizations : undefined;
  if (!isRecord(registry) || typeof registry.add !== 'function' || typeof registry.remove !== 'function') {
    throw new Error('swagger-client (used by ari-client) has no authorization registry: the transport guard cannot be installed');
  }
  registryOfAriClient = registry as unknown as SwaggerAuthorizations;
  return registryOfAriClient;
}

function isSwaggerRequestOptions(value: unknown): value is SwaggerRequestOptions {
  return isRecord(value) && typeof value.url === 'string' && isRecord(value.headers) && isRecord(value.on);
}
