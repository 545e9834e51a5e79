import baseGlobalSetup from './jest-global-setup';
import { installAsterisk } from './asterisk/install';

/**
 * The fidelity tier's setup: the base tier's (Postgres), the reference
 * Asterisk installed (or a failure at once saying what is missing), and every
 * whole-gateway harness told to run on it.
 */
export default async function fidelityGlobalSetup(): Promise<void> {
  await installAsterisk();
  process.env.PBX_GATEWAY_ENGINE = 'asterisk';
  await baseGlobalSetup();
}
