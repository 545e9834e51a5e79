import type { CallbackTransport } from '@pbx-gateway/core';
import type { MetricFamily } from './exposition';

/**
 * Callback delivery attempts: the ones the receiver took, and the ones that
 * failed and were scheduled again. Counted around the transport the core is
 * given.
 */
export class CallbackCounters {
  private delivered = 0;
  private retried = 0;

  count(transport: CallbackTransport): CallbackTransport {
    return {
      post: async (delivery) => {
        const outcome = await transport.post(delivery);
        if (outcome.delivered) this.delivered += 1;
        else this.retried += 1;
        return outcome;
      },
    };
  }

  families(): MetricFamily[] {
    return [
      { name: 'pbx_gateway_outbox_deliveries_total', help: 'Callbacks delivered to their receiver.', type: 'counter', samples: [{ labels: {}, value: this.delivered }] },
      {
        name: 'pbx_gateway_outbox_delivery_retries_total',
        help: 'Callback delivery attempts that failed and were scheduled again.',
        type: 'counter',
        samples: [{ labels: {}, value: this.retried }],
      },
    ];
  }
}
