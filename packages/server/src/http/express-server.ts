import { createServer, IncomingMessage, ServerResponse, type Server, type ServerOptions } from 'node:http';
import type { Express } from 'express';

/**
 * An HTTP server for an Express app whose requests and responses are created
 * with the app's own prototypes.
 *
 * Express re-parents every request and response it handles
 * (`Object.setPrototypeOf(req, app.request)`, the same for `res`). Done on a
 * live object, that gives it a new hidden class in V8 and sends every
 * function that touched it back to slower, generic code: most of what Express
 * costs per request (a fixed-body route answered 2.6 times as many requests
 * without it, docs/performance.md). Setting the prototype an object already
 * has changes nothing, so the server creates them with it: its request and
 * response classes extend Node's, with the app's Express prototypes between,
 * and the app re-parents to exactly those.
 *
 * Everything Express adds to `req` and `res` (`req.ip`, `req.query`,
 * `res.status`, …) is found the same way as before; a request handled
 * elsewhere (a test's own server, supertest) is re-parented as Express does.
 */
export function createExpressServer(app: Express, options: ServerOptions = {}): Server {
  class ExpressRequest extends IncomingMessage {}
  class ExpressResponse extends ServerResponse {}
  Object.setPrototypeOf(ExpressRequest.prototype, app.request);
  Object.setPrototypeOf(ExpressResponse.prototype, app.response);
  app.request = ExpressRequest.prototype as unknown as Express['request'];
  app.response = ExpressResponse.prototype as unknown as Express['response'];
  return createServer({ ...options, IncomingMessage: ExpressRequest, ServerResponse: ExpressResponse }, app);
}
