import { EXPOSITION_CONTENT_TYPE, escapeLabelValue, formatExposition } from '../src/metrics/exposition';
import { Histogram } from '../src/metrics/histogram';
import { RequestCounters } from '../src/metrics/request-counters';

// The Prometheus text format, version 0.0.4, as `/metrics` writes it (docs/metrics.md).

describe('the exposition formatter', () => {
  test('the content type is the 0.0.4 text format', () => {
    expect(EXPOSITION_CONTENT_TYPE).toBe('text/plain; version=0.0.4; charset=utf-8');
  });

  test('a counter and a gauge: HELP, TYPE, then one line per sample, labels in order', () => {
    const text = formatExposition([
      { name: 'a_total', help: 'Things counted.', type: 'counter', samples: [{ labels: { kind: 'x', side: 'left' }, value: 3 }] },
      { name: 'b', help: 'A level.', type: 'gauge', samples: [{ labels: {}, value: 0.5 }] },
    ]);
    expect(text).toBe(
      '# HELP a_total Things counted.\n# TYPE a_total counter\na_total{kind="x",side="left"} 3\n' + '# HELP b A level.\n# TYPE b gauge\nb 0.5\n',
    );
  });

  test('label values escape backslash, double quote and newline, and nothing else', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    expect(escapeLabelValue('tab\there, {braces}=,')).toBe('tab\there, {braces}=,');
    const text = formatExposition([{ name: 'c', help: 'h', type: 'gauge', samples: [{ labels: { v: 'say "hi"\\\n' }, value: 1 }] }]);
    expect(text.split('\n')[2]).toBe('c{v="say \\"hi\\"\\\\\\n"} 1');
  });

  test('help text escapes backslash and newline', () => {
    const text = formatExposition([{ name: 'd', help: 'one\\two\nthree', type: 'gauge', samples: [] }]);
    expect(text).toBe('# HELP d one\\\\two\\nthree\n# TYPE d gauge\n');
  });

  test('special values: NaN, +Inf, -Inf', () => {
    const text = formatExposition([
      {
        name: 'e',
        help: 'h',
        type: 'gauge',
        samples: [
          { labels: { k: 'nan' }, value: NaN },
          { labels: { k: 'pos' }, value: Infinity },
          { labels: { k: 'neg' }, value: -Infinity },
        ],
      },
    ]);
    expect(text.split('\n').slice(2, 5)).toEqual(['e{k="nan"} NaN', 'e{k="pos"} +Inf', 'e{k="neg"} -Inf']);
  });

  test('a histogram: cumulative buckets in bound order, le last among labels, +Inf equal to _count, then _sum and _count', () => {
    const histogram = new Histogram([0.1, 0.5, 1]);
    for (const seconds of [0.05, 0.1, 0.3, 0.7, 0.7, 4]) histogram.observe(seconds);
    const text = formatExposition([
      { name: 'f_seconds', help: 'Durations.', type: 'histogram', bounds: histogram.bounds, samples: [{ labels: { op: 'x' }, counts: histogram.counts, sum: histogram.sum }] },
    ]);
    expect(text.split('\n')).toEqual([
      '# HELP f_seconds Durations.',
      '# TYPE f_seconds histogram',
      'f_seconds_bucket{op="x",le="0.1"} 2',
      'f_seconds_bucket{op="x",le="0.5"} 3',
      'f_seconds_bucket{op="x",le="1"} 5',
      'f_seconds_bucket{op="x",le="+Inf"} 6',
      `f_seconds_sum{op="x"} ${0.05 + 0.1 + 0.3 + 0.7 + 0.7 + 4}`,
      'f_seconds_count{op="x"} 6',
      '',
    ]);
  });

  test('a histogram nothing was observed in still has every bucket, at zero', () => {
    const histogram = new Histogram([1, 2]);
    const text = formatExposition([{ name: 'g', help: 'h', type: 'histogram', bounds: histogram.bounds, samples: [{ labels: {}, counts: histogram.counts, sum: 0 }] }]);
    expect(text.split('\n').slice(2)).toEqual(['g_bucket{le="1"} 0', 'g_bucket{le="2"} 0', 'g_bucket{le="+Inf"} 0', 'g_sum 0', 'g_count 0', '']);
  });

  test('a bound is inclusive: an observation equal to it falls in its bucket', () => {
    const histogram = new Histogram([1, 2]);
    histogram.observe(1);
    histogram.observe(2);
    histogram.observe(2.0001);
    expect([...histogram.counts]).toEqual([1, 1, 1]);
    expect(histogram.total).toBe(3);
  });
});

describe('request counters', () => {
  test('an operation the dialect does not know is counted as unknown, never under the name the client sent', () => {
    const counters = new RequestCounters();
    const voipsun = counters.forDialect('voipsun', ['originate', 'hangup']);
    voipsun.answered('originate', 'success', 0.02);
    voipsun.answered('originate', 'error', 0.003);
    voipsun.answered('secret=hunter2 +15551234567', 'error', 0.001);
    const [totals] = counters.families();
    expect(totals!.type).toBe('counter');
    expect(totals!.type === 'counter' ? totals!.samples : []).toEqual([
      { labels: { dialect: 'voipsun', operation: 'originate', outcome: 'success' }, value: 1 },
      { labels: { dialect: 'voipsun', operation: 'originate', outcome: 'error' }, value: 1 },
      { labels: { dialect: 'voipsun', operation: 'unknown', outcome: 'error' }, value: 1 },
    ]);
  });

  test('the histogram of a series counts what its counter counts', () => {
    const counters = new RequestCounters();
    const sipcall = counters.forDialect('sipcall', ['App.Sip_Auth.Login']);
    for (let i = 0; i < 5; i += 1) sipcall.answered('App.Sip_Auth.Login', 'success', 0.001 * i);
    const text = formatExposition(counters.families());
    expect(text).toContain('pbx_gateway_requests_total{dialect="sipcall",operation="App.Sip_Auth.Login",outcome="success"} 5\n');
    expect(text).toContain('pbx_gateway_request_duration_seconds_count{dialect="sipcall",operation="App.Sip_Auth.Login",outcome="success"} 5\n');
    expect(text).toContain('pbx_gateway_request_duration_seconds_bucket{dialect="sipcall",operation="App.Sip_Auth.Login",outcome="success",le="0.005"} 5\n');
  });
});
