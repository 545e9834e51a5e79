import { serveOneJob } from '../harness/node-scripts';
import { lastServerCpuMsPerRequest } from '../load/autocannon-runner';
import type { LoadResult, LoadSpec } from '../load/load-spec';
import { callSetupLoad } from '../load/shapes/call-setup';
import { ccGatewayLoad } from '../load/shapes/cc-gateway';
import { externalPauseLoad } from '../load/shapes/external-pause';
import { fixedRequestLoad } from '../load/shapes/fixed-request';
import { playVoiceBurstLoad } from '../load/shapes/playvoice-burst';
import { rotatingRequestLoad } from '../load/shapes/rotating-request';

/** The load generator: its own process, one scenario's load per run (spec on stdin, result on stdout). */
function runLoad(spec: LoadSpec): Promise<LoadResult> {
  switch (spec.shape) {
    case 'fixed':
      return fixedRequestLoad(spec);
    case 'rotating':
      return rotatingRequestLoad(spec);
    case 'external-pause':
      return externalPauseLoad(spec);
    case 'call-setup':
      return callSetupLoad(spec);
    case 'playvoice':
      return playVoiceBurstLoad(spec);
    case 'cc-gateway':
      return ccGatewayLoad(spec);
  }
}

async function runLoadWithCpu(spec: LoadSpec): Promise<LoadResult> {
  const result = await runLoad(spec);
  return lastServerCpuMsPerRequest === null ? result : { ...result, extra: { ...result.extra, serverCpuMsPerRequest: lastServerCpuMsPerRequest } };
}

serveOneJob(runLoadWithCpu);
