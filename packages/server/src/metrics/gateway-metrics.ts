import type { LiveCounts } from '@pbx-gateway/core';
import type { PoolUse } from '@pbx-gateway/store-pg';
import { CallbackCounters } from './callback-counters';
import { EngineCounters } from './engine-counters';
import { formatExposition, type MetricFamily } from './exposition';
import { RequestCounters } from './request-counters';

/** What is read afresh at each scrape rather than counted as it happens. */
export interface ScrapeSources {
  liveCounts(): Promise<LiveCounts>;
  poolUse(): PoolUse;
}

/**
 * Everything `/metrics` reports: counters kept in memory as requests, engine
 * round trips and callback deliveries happen, and gauges read from the core
 * and the database pool when scraped.
 */
export class GatewayMetrics {
  readonly requests = new RequestCounters();
  readonly engine = new EngineCounters();
  readonly callbacks = new CallbackCounters();

  async exposition(sources: ScrapeSources): Promise<string> {
    const live = await sources.liveCounts();
    return formatExposition([
      ...this.requests.families(),
      ...this.engine.families(),
      ...liveFamilies(live),
      ...this.callbacks.families(),
      ...poolFamilies(sources.poolUse()),
      memoryFamily(process.memoryUsage()),
    ]);
  }
}

function liveFamilies(live: LiveCounts): MetricFamily[] {
  return [
    {
      name: 'pbx_gateway_calls_up',
      help: 'Calls not yet ended, by why the gateway set them up.',
      type: 'gauge',
      samples: Object.entries(live.callsUp).map(([purpose, value]) => ({ labels: { purpose }, value })),
    },
    {
      name: 'pbx_gateway_agents',
      help: 'Signed-in agents, by state.',
      type: 'gauge',
      samples: Object.entries(live.agents).map(([state, value]) => ({ labels: { state }, value })),
    },
    {
      name: 'pbx_gateway_queue_waiting_calls',
      help: 'Callers waiting in a queue for an agent.',
      type: 'gauge',
      samples: live.waiting.map(({ queue, calls }) => ({ labels: { queue }, value: calls })),
    },
    { name: 'pbx_gateway_outbox_pending', help: 'Callbacks written and not yet delivered.', type: 'gauge', samples: [{ labels: {}, value: live.pendingCallbacks }] },
  ];
}

function poolFamilies(pool: PoolUse): MetricFamily[] {
  return [
    {
      name: 'pbx_gateway_db_pool_connections',
      help: 'Postgres pool connections: lent out (used) or idle (free).',
      type: 'gauge',
      samples: [
        { labels: { state: 'used' }, value: pool.used },
        { labels: { state: 'free' }, value: pool.free },
      ],
    },
    { name: 'pbx_gateway_db_pool_pending_acquires', help: 'Queries waiting for a Postgres pool connection.', type: 'gauge', samples: [{ labels: {}, value: pool.pending }] },
    { name: 'pbx_gateway_db_pool_max', help: 'Most connections the Postgres pool opens.', type: 'gauge', samples: [{ labels: {}, value: pool.max }] },
  ];
}

/** Where the process's memory is: resident in all, and the V8 heap and buffers within it (the rest is malloc, code and the binary). */
function memoryFamily(usage: NodeJS.MemoryUsage): MetricFamily {
  const kinds: Array<[string, number]> = [
    ['rss', usage.rss],
    ['heap_total', usage.heapTotal],
    ['heap_used', usage.heapUsed],
    ['external', usage.external],
    ['array_buffers', usage.arrayBuffers],
  ];
  return {
    name: 'pbx_gateway_process_memory_bytes',
    help: 'Process memory: resident set (rss), V8 heap committed (heap_total) and in use (heap_used), memory of JavaScript-bound C++ objects (external) and of Buffers and ArrayBuffers within it (array_buffers).',
    type: 'gauge',
    samples: kinds.map(([kind, value]) => ({ labels: { kind }, value })),
  };
}
