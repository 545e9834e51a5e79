import type { CallbackOutcome, CallbackTransport, CoreLogger } from '@pbx-gateway/core';
import type { MetricFamily } from './exposition';

/** When a receiver counts as failing, and where that is said. */
export interface ReceiverWatch {
  /** Failed attempts in a row, with no delivery between them, after which a receiver is failing. */
  failingAfter: number;
  logger: CoreLogger;
}

interface ReceiverState {
  consecutiveFailures: number;
  /** Failures in a row at which the next "still failing" line is written (doubles each time: no flood). */
  nextReportAt: number;
}

/**
 * Callback delivery attempts: the ones the receiver took, the ones that
 * failed and were scheduled again, and per receiver the failures in a row.
 * A receiver that keeps failing is logged by name (at `failingAfter`
 * failures, then at each doubling) and counted in `/metrics`, where no label
 * names it (a company's URL may carry ids); its callbacks stay in the outbox
 * and are retried, so nothing queued for it is lost. Counted around the
 * transport the core is given.
 */
export class CallbackCounters {
  private delivered = 0;
  private retried = 0;
  private readonly receivers = new Map<string, ReceiverState>();
  /** Per webhook subscription (its id: no URL, no secret), delivered and retried. */
  private readonly webhooks = new Map<string, { delivered: number; retried: number }>();
  private failingAfter = Number.POSITIVE_INFINITY;

  count(transport: CallbackTransport, watch?: ReceiverWatch): CallbackTransport {
    if (watch) this.failingAfter = watch.failingAfter;
    return {
      post: async (delivery) => {
        const outcome = await transport.post(delivery);
        if (outcome.delivered) this.delivered += 1;
        else this.retried += 1;
        const webhook = webhookOf(delivery.topic);
        if (webhook !== null) {
          const counts = this.webhooks.get(webhook) ?? { delivered: 0, retried: 0 };
          this.webhooks.set(webhook, counts);
          if (outcome.delivered) counts.delivered += 1;
          else counts.retried += 1;
        }
        if (watch) this.follow(receiverOf(delivery.url), outcome, watch);
        return outcome;
      },
    };
  }

  private follow(receiver: string, outcome: CallbackOutcome, watch: ReceiverWatch): void {
    const state = this.receivers.get(receiver) ?? { consecutiveFailures: 0, nextReportAt: watch.failingAfter };
    this.receivers.set(receiver, state);
    if (outcome.delivered) {
      if (state.consecutiveFailures >= watch.failingAfter) watch.logger.warn('callback receiver recovered', { receiver, failedAttempts: state.consecutiveFailures });
      state.consecutiveFailures = 0;
      state.nextReportAt = watch.failingAfter;
      return;
    }
    state.consecutiveFailures += 1;
    if (state.consecutiveFailures < state.nextReportAt) return;
    state.nextReportAt = state.consecutiveFailures * 2;
    watch.logger.error('callback receiver failing', {
      receiver,
      consecutiveFailures: state.consecutiveFailures,
      status: outcome.status,
      reason: outcome.reason,
    });
  }

  families(): MetricFamily[] {
    const receivers = [...this.receivers.entries()];
    const webhooks = [...this.webhooks.entries()].sort(([a], [b]) => a.localeCompare(b));
    return [
      {
        name: 'pbx_gateway_webhook_deliveries_total',
        help: 'Event stream webhooks delivered, by subscription (also counted in pbx_gateway_outbox_deliveries_total).',
        type: 'counter',
        samples: webhooks.map(([webhook, counts]) => ({ labels: { webhook }, value: counts.delivered })),
      },
      {
        name: 'pbx_gateway_webhook_delivery_retries_total',
        help: 'Event stream webhook attempts that failed and were scheduled again, by subscription.',
        type: 'counter',
        samples: webhooks.map(([webhook, counts]) => ({ labels: { webhook }, value: counts.retried })),
      },
      { name: 'pbx_gateway_outbox_deliveries_total', help: 'Callbacks delivered to their receiver.', type: 'counter', samples: [{ labels: {}, value: this.delivered }] },
      {
        name: 'pbx_gateway_outbox_delivery_retries_total',
        help: 'Callback delivery attempts that failed and were scheduled again.',
        type: 'counter',
        samples: [{ labels: {}, value: this.retried }],
      },
      {
        name: 'pbx_gateway_callback_receiver_failures_in_a_row_max',
        help: 'The most failed delivery attempts in a row of any one receiver (which one: the log); 0 when every receiver took its last callback.',
        type: 'gauge',
        samples: [{ labels: {}, value: Math.max(0, ...receivers.map(([, state]) => state.consecutiveFailures)) }],
      },
      {
        name: 'pbx_gateway_callback_receivers_failing',
        help: 'Receivers whose last attempts in a row all failed, at least as many as callbacks.failingAfter.',
        type: 'gauge',
        samples: [{ labels: {}, value: receivers.filter(([, state]) => state.consecutiveFailures >= this.failingAfter).length }],
      },
    ];
  }
}

/** The subscription a webhook delivery is for (outbox topic `webhook/<id>`, core's webhookOutboxKey); null for other callbacks. */
const webhookOf = (topic: string | undefined): string | null => (topic?.startsWith('webhook/') ? topic.slice('webhook/'.length) : null);

/** The receiver as logs and metrics name it: no credentials, no query (either may carry a secret of the company). */
function receiverOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return 'invalid-url';
  }
}
