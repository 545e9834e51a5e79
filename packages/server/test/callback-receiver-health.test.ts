import type { CallbackDelivery, CallbackOutcome, CallbackTransport } from '@pbx-gateway/core';
import { RecordingLogger } from '@pbx-gateway/test-support';
import { CallbackCounters } from '../src/metrics/callback-counters';
import { formatExposition } from '../src/metrics/exposition';
import { parseExposition } from './support/exposition-parser';

/** A receiver that fails while `down` says so. */
function receiver(): { transport: CallbackTransport; down: Set<string> } {
  const down = new Set<string>();
  return {
    down,
    transport: {
      post: async (delivery): Promise<CallbackOutcome> =>
        down.has(new URL(delivery.url).host) ? { delivered: false, status: 503, reason: 'HTTP 503' } : { delivered: true, status: 200 },
    },
  };
}

const delivery = (url: string, id = '1'): CallbackDelivery => ({ url, body: '{}', headers: {}, idempotencyKey: id, signingKey: null });

describe('a callback receiver that keeps failing', () => {
  test('is logged once failing, again at each doubling, and when it recovers; credentials and query left out', async () => {
    const { transport, down } = receiver();
    const logger = new RecordingLogger();
    const counters = new CallbackCounters();
    const watched = counters.count(transport, { failingAfter: 3, logger });
    down.add('crm.example:8443');
    const url = 'https://user:pw@crm.example:8443/hooks/status?key=abc';
    for (let attempt = 1; attempt <= 12; attempt += 1) await watched.post(delivery(url));
    const failing = logger.lines.filter((line) => line.level === 'error');
    expect(failing.map((line) => line.facts?.consecutiveFailures)).toEqual([3, 6, 12]);
    expect(failing[0]).toEqual({
      level: 'error',
      message: 'callback receiver failing',
      facts: { receiver: 'https://crm.example:8443/hooks/status', consecutiveFailures: 3, status: 503, reason: 'HTTP 503' },
    });
    expect(JSON.stringify(logger.lines)).not.toContain('pw');
    expect(JSON.stringify(logger.lines)).not.toContain('abc');

    down.clear();
    await watched.post(delivery(url));
    expect(logger.lines.at(-1)).toEqual({ level: 'warn', message: 'callback receiver recovered', facts: { receiver: 'https://crm.example:8443/hooks/status', failedAttempts: 12 } });
  });

  test('/metrics shows how many receivers are failing and the longest run of failures, naming none', async () => {
    const { transport, down } = receiver();
    const counters = new CallbackCounters();
    const watched = counters.count(transport, { failingAfter: 2, logger: new RecordingLogger() });
    down.add('a.example');
    for (let attempt = 0; attempt < 3; attempt += 1) await watched.post(delivery('http://a.example/cb'));
    await watched.post(delivery('http://b.example/cb'));
    down.add('b.example');
    await watched.post(delivery('http://b.example/cb'));

    const scrape = () => parseExposition(formatExposition(counters.families()));
    let metrics = scrape();
    expect(metrics.family('pbx_gateway_callback_receiver_failures_in_a_row_max', 'gauge').value({})).toBe(3);
    expect(metrics.family('pbx_gateway_callback_receivers_failing', 'gauge').value({})).toBe(1);
    expect(metrics.family('pbx_gateway_outbox_delivery_retries_total', 'counter').value({})).toBe(4);

    down.delete('a.example');
    await watched.post(delivery('http://a.example/cb'));
    metrics = scrape();
    expect(metrics.labelValues()).toEqual([]);
    // b.example is still down, one failure: not yet failing.
    expect(metrics.family('pbx_gateway_callback_receiver_failures_in_a_row_max', 'gauge').value({})).toBe(1);
    expect(metrics.family('pbx_gateway_callback_receivers_failing', 'gauge').value({})).toBe(0);
    expect(metrics.family('pbx_gateway_outbox_deliveries_total', 'counter').value({})).toBe(2);
  });
});
