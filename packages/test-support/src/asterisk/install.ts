import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../reference-data';

/** Where the reference build installs itself: its compiled-in prefix. */
export const ASTERISK_PREFIX = '/opt/asterisk';
export const ASTERISK_BINARY = join(ASTERISK_PREFIX, 'sbin', 'asterisk');
const TARBALL = 'asterisk-22.10.1-debian12-amd64.tar.xz';

export class AsteriskUnavailable extends Error {}

/** The folder of ../shared holding the Asterisk tarball and its checksum, or a failure saying what is missing. */
export function asteriskReferenceDir(): string {
  let shared: string;
  try {
    shared = sharedDir();
  } catch (error) {
    throw new AsteriskUnavailable(`the fidelity tier needs the reference data beside the project (../shared, or PBX_GATEWAY_SHARED_DIR): ${(error as Error).message}`);
  }
  const dir = join(shared, 'asterisk');
  if (!existsSync(join(dir, TARBALL))) throw new AsteriskUnavailable(`the fidelity tier needs ${join(dir, TARBALL)} (the real Asterisk 22.10.1): it is missing`);
  if (!existsSync(join(dir, 'SHA256SUMS'))) throw new AsteriskUnavailable(`the fidelity tier needs ${join(dir, 'SHA256SUMS')} to check the Asterisk tarball: it is missing`);
  return dir;
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The tarball's SHA-256 is the one SHA256SUMS gives, or a failure saying which differs. */
export async function checkTarball(dir: string): Promise<void> {
  const sums = readFileSync(join(dir, 'SHA256SUMS'), 'utf8');
  const expected = /^([0-9a-f]{64})\s+\*?(.+)$/m.exec(sums.split('\n').find((line) => line.includes(TARBALL)) ?? '')?.[1];
  if (!expected) throw new AsteriskUnavailable(`${join(dir, 'SHA256SUMS')} names no checksum for ${TARBALL}`);
  const actual = await sha256(join(dir, TARBALL));
  if (actual !== expected) throw new AsteriskUnavailable(`${TARBALL}: SHA-256 ${actual} is not the ${expected} of SHA256SUMS`);
}

/**
 * Makes sure the reference Asterisk is installed at /opt/asterisk: extracted
 * from ../shared/asterisk after checking its SHA-256 when missing, left alone
 * when there. Fails at once, saying what is missing, when it cannot be.
 */
export async function installAsterisk(): Promise<string> {
  if (existsSync(ASTERISK_BINARY)) return ASTERISK_BINARY;
  const dir = asteriskReferenceDir();
  await checkTarball(dir);
  try {
    execFileSync('tar', ['-C', '/opt', '-xJf', join(dir, TARBALL)], { stdio: 'pipe' });
  } catch (error) {
    throw new AsteriskUnavailable(`extracting ${TARBALL} into /opt failed: ${(error as Error).message}`);
  }
  if (!existsSync(ASTERISK_BINARY)) throw new AsteriskUnavailable(`${TARBALL} gave no ${ASTERISK_BINARY}`);
  return ASTERISK_BINARY;
}
