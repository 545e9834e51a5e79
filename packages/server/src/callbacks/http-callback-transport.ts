import type { CallbackTransport } from '@pbx-gateway/core';

/** POSTs callbacks with a timeout; any 2xx is a delivery, anything else a failure to retry. */
export function createHttpCallbackTransport(options: { timeoutMs: number }): CallbackTransport {
  return {
    async post(delivery) {
      try {
        const response = await fetch(delivery.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...delivery.headers },
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
