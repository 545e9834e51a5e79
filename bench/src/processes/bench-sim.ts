import { startPbxSim } from '@pbx-gateway/pbx-sim';
import { tellParent } from '../harness/node-scripts';
import { benchSimOptions } from '../plan/sim-network';

/** The simulated Asterisk in its own process, with the bench's phones, numbers and media. */
async function main(): Promise<void> {
  const sim = await startPbxSim(benchSimOptions());
  tellParent({ url: sim.url });
  const stop = (): void => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-sim: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
