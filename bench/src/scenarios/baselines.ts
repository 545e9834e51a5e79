import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultGatewayConfig } from '@pbx-gateway/server';
import { nextMessage, runBenchScript, spawnBenchScript } from '../harness/node-scripts';
import { BASELINE_PHONES, baselinePhone, PAUSE_AGENTS, pauseAgentId, VICIDIAL_API } from '../plan/bench-plan';
import type { LoadResult } from '../load/load-spec';
import type { AriBaselineInput, AriBaselineResult } from '../processes/ari-baseline';
import type { ResultRow } from '../report/result-row';
import { loadSettings, runLoad, totalErrors, type BenchContext } from './bench-context';

type Server = 'bare-http-server' | 'bare-express-server';

/**
 * The baselines, each measured once per run in its own process with the
 * same autocannon settings as the scenarios compared with it.
 */
export class Baselines {
  private readonly measured = new Map<string, Promise<ResultRow>>();

  constructor(private readonly context: () => BenchContext) {}

  /** Node's `http` answering a fixed body. */
  http(connections: number, body: string, contentType: string): Promise<ResultRow> {
    return this.once(`http-${connections}-${body.length}`, () =>
      this.server('bare-http-server', `bare node http (${connections} conn)`, connections, body, contentType),
    );
  }

  /** A bare Express route answering a fixed body. */
  express(connections: number, body: string, contentType: string, label = ''): Promise<ResultRow> {
    return this.once(`express-${connections}-${body.length}`, () =>
      this.server('bare-express-server', `bare express${label} (${connections} conn)`, connections, body, contentType),
    );
  }

  /**
   * The same bare Express route on the gateway's own HTTP server
   * (`createExpressServer`): what is left of the gateway's cost once the
   * server's part is taken out of both.
   */
  expressOnGatewayServer(connections: number, body: string, contentType: string): Promise<ResultRow> {
    return this.once(`express-gateway-server-${connections}-${body.length}`, () =>
      this.server('bare-express-server', `bare express on the gateway's server (${connections} conn)`, connections, body, contentType, 'gateway-server'),
    );
  }

  /**
   * A bare Express route committing one agent's state change per request
   * (lock, update, commit in two round trips to the same Postgres), driven
   * by the `external_pause` load itself: the floor of any design that
   * commits each request before it answers. `group-commit`: the changes of
   * one turn of the event loop share a transaction, the floor of a design
   * that commits them together.
   */
  expressWithPostgres(connections: number, variant?: 'group-commit'): Promise<ResultRow> {
    const suffix = variant === undefined ? '' : `-${variant}`;
    return this.once(`express-pg${suffix}-${connections}`, async () => {
      const context = this.context();
      const script = 'bare-express-pg-server';
      const poolMax = defaultGatewayConfig.database.poolMax;
      const child = spawnBenchScript(script, [context.database.url, String(poolMax), ...(variant === undefined ? [] : [variant])]);
      try {
        const { url } = await nextMessage<{ url: string }>(child, 15000, script);
        const agents = Array.from({ length: PAUSE_AGENTS }, (_, i) => pauseAgentId(i));
        const result = await runLoad({
          shape: 'external-pause',
          settings: loadSettings(context, url, connections, { serverPid: child.pid }),
          user: VICIDIAL_API.login,
          pass: VICIDIAL_API.secret,
          agents,
        });
        const how = variant === undefined ? 'each request its own transaction' : 'the requests of one event-loop turn in one transaction';
        return this.recordHttp(
          `bare-express-pg${suffix}-${connections}`,
          `bare express + pg${variant === undefined ? '' : ', group commit'} (${connections} conn)`,
          connections,
          result,
          `lock, update and commit ${agents.length} agents' rows in two round trips, ${how}, pool of ${poolMax}`,
        );
      } finally {
        await child.stop(5000);
      }
    });
  }

  /** The unmodified ari-client originating and hanging up channels on the same engine. */
  ari(concurrency: number): Promise<ResultRow> {
    return this.once(`ari-${concurrency}`, async () => {
      const { options, engine } = this.context();
      const input: AriBaselineInput = {
        ariUrl: engine.url,
        user: engine.baseline.user,
        password: engine.baseline.password,
        app: engine.baseline.app,
        endpoints: Array.from({ length: BASELINE_PHONES }, (_, i) => `PJSIP/${baselinePhone(i)}`),
        concurrency,
        warmupSec: options.warmupSec,
        durationSec: options.durationSec,
      };
      const result = await runBenchScript<AriBaselineInput, AriBaselineResult>('ari-baseline', input, (options.durationSec + options.warmupSec + 120) * 1000);
      return this.record({
        id: `bare-ari-${concurrency}`,
        name: `bare ari-client${options.engine === 'asterisk' ? ' on Asterisk' : ''} (${concurrency} conc)`,
        kind: 'baseline',
        unit: 'calls/s',
        rate: result.callsPerSecond,
        connections: concurrency,
        latencyMs: result.latencyMs,
        errors: result.errors,
        ratios: [],
        notes: ['originate a channel into the application, then hang it up'],
        details: { calls: result.calls, elapsedSec: result.elapsedSec, errorSamples: result.errorSamples },
      });
    });
  }

  /** `variant`: the script's optional last argument, which also names the row (`bare-express-gateway-server-…`). */
  private async server(script: Server, name: string, connections: number, body: string, contentType: string, variant?: string): Promise<ResultRow> {
    const dir = mkdtempSync(join(tmpdir(), 'pbx-gateway-bench-body-'));
    const bodyFile = join(dir, 'body');
    writeFileSync(bodyFile, body);
    const child = spawnBenchScript(script, [bodyFile, contentType, ...(variant === undefined ? [] : [variant])]);
    try {
      const { url } = await nextMessage<{ url: string }>(child, 15000, script);
      const result = await runLoad({ shape: 'fixed', settings: loadSettings(this.context(), url, connections, { serverPid: child.pid }), path: '/agc/api.php?source=test&function=version', errors: 'none' });
      const id = `${script.replace('-server', '')}${variant === undefined ? '' : `-${variant}`}-${connections}-${body.length}`;
      return this.recordHttp(id, name, connections, result, `fixed ${body.length}-byte body`);
    } finally {
      await child.stop(5000);
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** A baseline served over HTTP, as measured by its load. */
  private recordHttp(id: string, name: string, connections: number, result: LoadResult, note: string): ResultRow {
    return this.record({
      id,
      name,
      kind: 'baseline',
      unit: 'req/s',
      rate: result.perSecond,
      connections,
      latencyMs: result.latencyMs,
      errors: totalErrors(result),
      ratios: [],
      notes: [note],
      details: { requests: result.requests, elapsedSec: result.elapsedSec, ...result.extra },
    });
  }

  private record(row: ResultRow): ResultRow {
    this.context().rows.push(row);
    return row;
  }

  private once(key: string, measure: () => Promise<ResultRow>): Promise<ResultRow> {
    let row = this.measured.get(key);
    if (!row) {
      row = measure();
      this.measured.set(key, row);
    }
    return row;
  }
}
