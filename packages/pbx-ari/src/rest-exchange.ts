import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import { ClientRequest } from 'node:http';
import type { Agent } from 'node:http';
import { isRecord } from './ari-models';

/**
 * What one REST call through ari-client actually met on the wire.
 *
 * ari-client reduces an HTTP error to `new Error(bodyText)`, losing the
 * status that tells 404 from 409 from 412, and its HTTP layer (shred) drops
 * request errors on the floor (it emits them as `request_error`, which
 * nobody listens to), so a reset or refused connection leaves the call
 * pending forever. The exchange records both facts where they happen: the
 * status through the request decorator of keep-alive-guard.ts, the network
 * error through Node's `http.client.request.start` diagnostics channel.
 */
export class RestExchange {
  status: number | null = null;
  body = '';
  /**
   * The request failed on a kept-alive connection: the engine closed it, idle,
   * as the request went out, so the engine never read the request.
   */
  failedOnReusedConnection = false;
  private networkFailureHandler: ((error: Error) => void) | null = null;
  private networkError: Error | null = null;

  recordResponse(status: number, body: unknown): void {
    this.status = status;
    this.body = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : '';
  }

  watch(request: ClientRequest): void {
    request.once('error', (error: Error) => {
      // An error after a complete response (a socket torn down late) changes nothing.
      if (this.status !== null || this.networkError) return;
      this.failedOnReusedConnection = request.reusedSocket;
      this.networkError = error;
      this.networkFailureHandler?.(error);
    });
  }

  /** Called at once if the request already failed, else when it does. */
  onNetworkFailure(handler: (error: Error) => void): void {
    this.networkFailureHandler = handler;
    if (this.networkError) handler(this.networkError);
  }
}

/** How requests made inside one ari-client connection must travel. */
export interface TransportContext {
  agent: Agent;
  /** `Basic ...` for this connection (ari-client keeps one process-wide). */
  authorization: string;
  /** Present while a REST call of the adapter is being issued. */
  exchange: RestExchange | null;
}

const currentTransport = new AsyncLocalStorage<TransportContext>();

/**
 * Runs `work` (a call into ari-client) with `context` as the ambient
 * transport. ari-client, swagger-client and shred build and send the HTTP
 * request synchronously inside the call, and AsyncLocalStorage follows the
 * asynchronous steps of loading the API description, so the decorator and
 * the diagnostics hook find the context without ari-client passing anything.
 */
export function runWithTransport<T>(context: TransportContext, work: () => T): T {
  return currentTransport.run(context, work);
}

export function transportInUse(): TransportContext | undefined {
  return currentTransport.getStore();
}

subscribe('http.client.request.start', (message: unknown) => {
  const exchange = currentTransport.getStore()?.exchange;
  if (!exchange || !isRecord(message) || !(message.request instanceof ClientRequest)) return;
  exchange.watch(message.request);
});
