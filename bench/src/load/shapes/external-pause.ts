import { warmUpAndMeasure, withoutSamples } from '../autocannon-runner';
import { isDialectError } from '../dialect-errors';
import type { LoadResult, LoadSpec } from '../load-spec';

interface PausingAgent {
  id: string;
  next: 'PAUSE' | 'RESUME';
}

/**
 * VICIdial `external_pause` over many logged-in agents: each request takes
 * an agent nobody is using, so no two requests for one agent overlap, and
 * each agent alternates PAUSE, RESUME, PAUSE …
 */
export async function externalPauseLoad(spec: Extract<LoadSpec, { shape: 'external-pause' }>): Promise<LoadResult> {
  if (spec.agents.length < spec.settings.connections) throw new Error('external_pause needs at least one agent per connection');
  const agents = new Map<string, PausingAgent>(spec.agents.map((id) => [id, { id, next: 'PAUSE' }]));
  const free: PausingAgent[] = [...agents.values()];
  const base = `/agc/api.php?source=bench&user=${encodeURIComponent(spec.user)}&pass=${encodeURIComponent(spec.pass)}&function=external_pause`;
  let pauses = 0;
  let resumes = 0;
  const result = withoutSamples(await warmUpAndMeasure({
    settings: spec.settings,
    mode: 'count',
    requests: (tally) => [
      {
        method: 'GET',
        setupRequest: (request, context) => {
          const agent = free.shift();
          if (!agent) throw new Error('no free agent: a request was lost without an answer');
          (context as { agent?: string }).agent = agent.id;
          return { ...request, path: `${base}&agent_user=${agent.id}&value=${agent.next}` };
        },
        onResponse: (status, body, context) => {
          const agent = agents.get((context as { agent?: string }).agent ?? '');
          if (agent) {
            if (agent.next === 'PAUSE') pauses++;
            else resumes++;
            agent.next = agent.next === 'PAUSE' ? 'RESUME' : 'PAUSE';
            free.push(agent);
          }
          if (status >= 200 && status < 300 && isDialectError('vicidial', body)) tally().dialectError(body);
        },
      },
    ],
  }));
  return { ...result, extra: { pauses, resumes, agents: spec.agents.length } };
}
