import type { CallbackTransport } from '@pbx-gateway/core';
import type { CallbackSigner } from './callback-signing';

/**
 * POSTs callbacks with a timeout; any 2xx is a delivery, anything else a
 * failure to retry. Each attempt is signed afresh, so its timestamp is the
 * time it was sent (a receiver's replay window holds for retries too).
 */
export function createHttpCallbackTransport(options: { timeoutMs: number; sign: CallbackSigner; now?: () => Date }): CallbackTransport {
  const now = options.now ?? (() => new Date());
  return {
    async post(delivery) {
      try {
        const response = await fetch(delivery.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...delivery.headers, ...options.sign(delivery, now()) },
          body: delivery.body,
          signal: AbortSignal.timeout(options.timeoutMs),
          redirect: 'manual',
        });
        await response.arrayBuffer().catch(() => undefined);
        if (response.status >= 200 && response.status < 300) return { delivered: true, status: response.status };
        return { delivered: false, status: response.status, reason: `HTTP ${response.status}` };
      } catch (error) {
        return { delivered: false, status: null, reason: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
