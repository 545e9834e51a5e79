import type autocannon from 'autocannon';
import { warmUpAndMeasure, withoutSamples } from '../autocannon-runner';
import { isDialectError } from '../dialect-errors';
import { summariseLatencies } from '../latency';
import type { ExtensionLine, LoadResult, LoadSpec } from '../load-spec';
import { VoipsunClient, type ListedLeg } from '../voipsun-client';

interface CallContext {
  line?: ExtensionLine;
  marker?: string;
  startedAt?: number;
  placed?: boolean;
  channel?: string;
}

/**
 * What a CRM does to place a call and hang it up through VoIPSUN:
 * `originate` from an extension, `listcalls` to learn the extension's
 * channel name, `hangupcall` with it. Each cycle takes an extension nobody
 * is using. Every call placed carries a marker in customCDR1, so that its
 * CDR can be found afterwards.
 */
export async function callSetupLoad(spec: Extract<LoadSpec, { shape: 'call-setup' }>): Promise<LoadResult> {
  if (spec.extensions.length < spec.settings.connections) throw new Error('call setup needs at least one extension per connection');
  const voipsun = new VoipsunClient(spec.settings.url, spec.username, spec.password);
  const free: ExtensionLine[] = [...spec.extensions];
  const inUse = new Map<number, ExtensionLine>();
  const hungUp = new Set<string>();
  const placed: string[] = [];
  const cycleMs: number[] = [];
  let measuring = false;
  let sequence = 0;
  let notListed = 0;
  let hangups = 0;
  let measuredHangups = 0;
  let cleanedUp = 0;
  const base = `/api/api.php?username=${encodeURIComponent(spec.username)}&password=${encodeURIComponent(spec.password)}`;
  const ctx = (context: object): CallContext => context as CallContext;
  const release = (call: CallContext): void => {
    if (call.line) {
      inUse.delete(call.line.id);
      free.push(call.line);
    }
    call.line = undefined;
  };
  const restart = (): autocannon.Request => null as unknown as autocannon.Request;
  /** A 2xx answer that is not VoIPSUN's error; 2xx errors are counted here, other statuses by autocannon. */
  const succeeded = (status: number, body: string, tally: () => { dialectError(body: string): void }): boolean => {
    if (status < 200 || status >= 300) return false;
    if (!isDialectError('voipsun', body)) return true;
    tally().dialectError(body);
    return false;
  };

  const requests = (tally: () => { dialectError(body: string): void }): autocannon.Request[] => [
    {
      method: 'GET',
      setupRequest: (request, context) => {
        const line = free.shift();
        if (!line) throw new Error('no free extension: a request was lost without an answer');
        inUse.set(line.id, line);
        const marker = `${spec.marker}-${++sequence}`;
        Object.assign(ctx(context), { line, marker, startedAt: performance.now(), placed: false, channel: undefined });
        return { ...request, path: `${base}&action=originate&srcExtenId=${line.id}&dstNum=${line.destination}&customCDR1=${marker}` };
      },
      onResponse: (status, body, context) => {
        const call = ctx(context);
        if (succeeded(status, body, tally)) {
          call.placed = true;
          placed.push(call.marker!);
        }
      },
    },
    {
      method: 'GET',
      setupRequest: (request, context) => {
        const call = ctx(context);
        if (!call.placed) {
          release(call);
          return restart();
        }
        return { ...request, path: `${base}&action=listcalls` };
      },
      onResponse: (status, body, context) => {
        const call = ctx(context);
        if (!succeeded(status, body, tally)) return;
        const results = (JSON.parse(body) as { results?: ListedLeg[] }).results ?? [];
        const mine = results.filter(
          (leg) => leg.sourceType === 'extension' && leg.idChannel === String(call.line!.id) && leg.channelName && !hungUp.has(leg.channelName),
        );
        // Calls are listed oldest first: the newest leg of this extension is the call just placed.
        call.channel = mine[mine.length - 1]?.channelName;
        if (!call.channel) {
          notListed++;
          tally().dialectError(`listcalls does not show a channel of extension ${call.line!.id}`);
        }
      },
    },
    {
      method: 'GET',
      setupRequest: (request, context) => {
        const call = ctx(context);
        if (!call.channel) {
          release(call);
          return restart();
        }
        return { ...request, path: `${base}&action=hangupcall&channelName=${encodeURIComponent(call.channel)}` };
      },
      onResponse: (status, body, context) => {
        const call = ctx(context);
        if (succeeded(status, body, tally)) {
          hangups++;
          hungUp.add(call.channel!);
          if (measuring) {
            measuredHangups++;
            cycleMs.push(performance.now() - call.startedAt!);
          }
        }
        release(call);
      },
    },
  ];

  const result = withoutSamples(await warmUpAndMeasure({
    settings: spec.settings,
    mode: 'count',
    sequenceLength: 3,
    requests,
    beforeMeasure: () => {
      measuring = true;
    },
    // A connection whose share ran out in the middle of a cycle leaves its call up: hang it up here, outside the measurement.
    afterRun: async () => {
      if (inUse.size === 0) return;
      const channels = await voipsun.hangUpExtensions(new Set(inUse.keys()));
      for (const channel of channels) hungUp.add(channel);
      cleanedUp += channels.length;
      for (const line of inUse.values()) free.push(line);
      inUse.clear();
    },
  }));
  return {
    ...result,
    extra: {
      callsPerSecond: Math.round((measuredHangups / result.elapsedSec) * 10) / 10,
      callCycleMs: summariseLatencies(cycleMs),
      placed: placed.length,
      placedMarkers: placed,
      hangups,
      notListed,
      cleanedUp,
    },
  };
}
