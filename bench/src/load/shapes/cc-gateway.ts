import type autocannon from 'autocannon';
import { warmUpAndMeasure, withoutSamples } from '../autocannon-runner';
import { inParallel, poll, signIn } from '../ccgateway-client';
import { isDialectError } from '../dialect-errors';
import { summariseLatencies } from '../latency';
import type { LoadResult, LoadSpec } from '../load-spec';
import { PlaybackProbe, type ProbeAgent } from '../playback-probe';

interface PollingAgent {
  id: string;
  guid: string;
}

/**
 * CC-Gateway: every agent signs in over the API, then all but the probe's
 * agents long-poll `agentevent` without pause (one poll per agent at a time),
 * while the probe plays recordings to its agents and times each command until
 * its events come back through the agent's poll.
 */
export async function ccGatewayLoad(spec: Extract<LoadSpec, { shape: 'cc-gateway' }>): Promise<LoadResult> {
  const url = spec.settings.url;
  const signInStarted = performance.now();
  // A poll is an agent's heartbeat: the gateway signs out an agent that has not polled for two minutes (idleSignOutMs).
  // On a loaded machine the 1,000 sign-ins take longer than that, so the agents signed in so far poll once a minute
  // until all are in; those polls have ended before the measured ones start (one poll per agent at a time).
  const soFar = new Map<string, string>();
  const keepAlives = new Set<Promise<unknown>>();
  const keepAlive = setInterval(() => {
    for (const [id, guid] of soFar) {
      const kept = poll(url, id, guid).catch(() => undefined);
      keepAlives.add(kept);
      void kept.finally(() => keepAlives.delete(kept));
    }
  }, 60_000);
  let guids: string[];
  try {
    guids = await inParallel(spec.agents, 8, async (agent) => {
      const guid = await signIn(url, agent.id, agent.password, agent.phone);
      soFar.set(agent.id, guid);
      return guid;
    });
  } finally {
    clearInterval(keepAlive);
  }
  await Promise.all(keepAlives);
  const signInSec = Math.round((performance.now() - signInStarted) / 100) / 10;

  const signedIn = spec.agents.map((agent, i) => ({ id: agent.id, guid: guids[i]! }));
  const probeAgents: ProbeAgent[] = signedIn.slice(0, spec.probes);
  const pollers: PollingAgent[] = signedIn.slice(spec.probes);
  const byId = new Map(pollers.map((agent) => [agent.id, agent]));
  const free = [...pollers];
  let events = 0;
  let emptyPolls = 0;

  let measuring = false;
  const probe = new PlaybackProbe(url, spec.voicepath, () => measuring);
  const probing = probe.run(probeAgents);

  const requests = (tally: () => { dialectError(body: string): void }): autocannon.Request[] => [
    {
      method: 'GET',
      setupRequest: (request, context) => {
        const agent = free.shift();
        if (!agent) throw new Error('no agent free to poll: a poll was lost without an answer');
        (context as { agent?: string }).agent = agent.id;
        return { ...request, path: `/agentgateway/resource/agentevent/${agent.id}`, headers: { ...request.headers, Guid: agent.guid } };
      },
      onResponse: (status, body, context) => {
        const agent = byId.get((context as { agent?: string }).agent ?? '');
        if (agent) free.push(agent);
        if (status < 200 || status >= 300) return;
        if (isDialectError('ccgateway', body)) tally().dialectError(body);
        else if (body.includes('"event":null')) emptyPolls++;
        else events++;
      },
    },
  ];

  let result;
  try {
    const measured = await warmUpAndMeasure({
      settings: { ...spec.settings, connections: pollers.length },
      mode: 'duration',
      requests,
      beforeMeasure: () => {
        measuring = true;
        events = 0;
        emptyPolls = 0;
      },
    });
    result = withoutSamples(measured);
  } finally {
    probe.stop();
    await probing;
  }
  return {
    ...result,
    extra: {
      signedIn: signedIn.length,
      signInSec,
      pollers: pollers.length,
      pollEvents: events,
      emptyPolls,
      probeAgents: probeAgents.length,
      probeCommands: probe.samples.commands,
      commandToEventMs: summariseLatencies(probe.samples.firstEventMs),
      commandToPlayingMs: summariseLatencies(probe.samples.playingMs),
      probeSamples: probe.samples.firstEventMs.length,
      probeFailures: probe.samples.failures.length,
      probeFailureSamples: probe.samples.failures.slice(0, 10),
    },
  };
}
