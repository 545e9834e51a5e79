import type { DialectName, DialectRequestMetrics, RequestMetrics, RequestOutcome } from '@pbx-gateway/dialect-kit';
import type { HistogramSample, MetricFamily, Sample } from './exposition';
import { Histogram, REQUEST_SECONDS_BUCKETS } from './histogram';

/** The operation label of a request whose name the dialect does not know. */
export const UNKNOWN_OPERATION = 'unknown';

interface OperationSeries {
  success: Histogram;
  error: Histogram;
}

/**
 * Requests answered by each dialect, by operation and outcome, with their
 * durations. Every series a request can land in is made when the dialect's
 * recorder is built, so counting one is a map lookup and a few additions.
 */
export class RequestCounters implements RequestMetrics {
  private readonly dialects = new Map<DialectName, Map<string, OperationSeries>>();

  forDialect(dialect: DialectName, operations: readonly string[]): DialectRequestMetrics {
    let series = this.dialects.get(dialect);
    if (!series) {
      series = new Map();
      this.dialects.set(dialect, series);
    }
    for (const operation of [...operations, UNKNOWN_OPERATION]) {
      if (!series.has(operation)) series.set(operation, { success: new Histogram(REQUEST_SECONDS_BUCKETS), error: new Histogram(REQUEST_SECONDS_BUCKETS) });
    }
    const byOperation = series;
    const unknown = byOperation.get(UNKNOWN_OPERATION)!;
    return {
      answered(operation: string, outcome: RequestOutcome, seconds: number): void {
        (byOperation.get(operation) ?? unknown)[outcome].observe(seconds);
      },
    };
  }

  /** Only series that counted a request: the catalogues are long and most operations go unused. */
  families(): MetricFamily[] {
    const totals: Sample[] = [];
    const durations: HistogramSample[] = [];
    for (const [dialect, byOperation] of this.dialects) {
      for (const [operation, series] of byOperation) {
        for (const outcome of ['success', 'error'] as const) {
          const histogram = series[outcome];
          if (histogram.total === 0) continue;
          const labels = { dialect, operation, outcome };
          totals.push({ labels, value: histogram.total });
          durations.push({ labels, counts: histogram.counts, sum: histogram.sum });
        }
      }
    }
    return [
      { name: 'pbx_gateway_requests_total', help: 'Requests answered by a dialect, by operation and outcome.', type: 'counter', samples: totals },
      {
        name: 'pbx_gateway_request_duration_seconds',
        help: 'Time from a request reaching its dialect to the end of its answer.',
        type: 'histogram',
        bounds: REQUEST_SECONDS_BUCKETS,
        samples: durations,
      },
    ];
  }
}
