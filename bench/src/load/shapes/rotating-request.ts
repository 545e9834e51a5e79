import { warmUpAndMeasure, withoutSamples } from '../autocannon-runner';
import { isDialectError } from '../dialect-errors';
import type { LoadResult, LoadSpec } from '../load-spec';

/** GET requests taking the given paths in turn, round and round (VICIdial `agent_status` over every agent on a wallboard). */
export async function rotatingRequestLoad(spec: Extract<LoadSpec, { shape: 'rotating' }>): Promise<LoadResult> {
  if (spec.paths.length === 0) throw new Error('a rotating load needs at least one path');
  let next = 0;
  const result = withoutSamples(await warmUpAndMeasure({
    settings: spec.settings,
    mode: 'duration',
    requests: (tally) => [
      {
        method: 'GET',
        setupRequest: (request) => {
          const path = spec.paths[next]!;
          next = (next + 1) % spec.paths.length;
          return { ...request, path };
        },
        onResponse: (status, body) => {
          if (status >= 200 && status < 300 && isDialectError(spec.errors, body)) tally().dialectError(body);
        },
      },
    ],
  }));
  return { ...result, extra: { paths: spec.paths.length } };
}
