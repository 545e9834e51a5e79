import { warmUpAndMeasure, withoutSamples } from '../autocannon-runner';
import { isDialectError } from '../dialect-errors';
import type { LoadResult, LoadSpec } from '../load-spec';

/** One request, the same every time (VICIdial `version`, the baselines). */
export async function fixedRequestLoad(spec: Extract<LoadSpec, { shape: 'fixed' }>): Promise<LoadResult> {
  const result = withoutSamples(await warmUpAndMeasure({
    settings: spec.settings,
    mode: 'duration',
    requests: (tally) => [
      {
        method: 'GET',
        path: spec.path,
        onResponse: (status, body) => {
          if (status >= 200 && status < 300 && isDialectError(spec.errors, body)) tally().dialectError(body);
        },
      },
    ],
  }));
  return { ...result, extra: {} };
}
