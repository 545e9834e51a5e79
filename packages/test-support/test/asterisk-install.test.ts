import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AsteriskUnavailable, asteriskReferenceDir, checkTarball } from '../src/asterisk/install';

/** The fidelity tier stops at once, naming what is missing, when the reference Asterisk is not beside the project. */
describe('finding the reference Asterisk', () => {
  const saved = process.env.PBX_GATEWAY_SHARED_DIR;
  let shared: string;

  beforeEach(() => {
    shared = mkdtempSync(join(tmpdir(), 'shared-'));
    mkdirSync(join(shared, 'ari', 'api-docs'), { recursive: true });
    process.env.PBX_GATEWAY_SHARED_DIR = shared;
  });

  afterEach(() => {
    if (saved === undefined) delete process.env.PBX_GATEWAY_SHARED_DIR;
    else process.env.PBX_GATEWAY_SHARED_DIR = saved;
    rmSync(shared, { recursive: true, force: true });
  });

  it('names the missing tarball', () => {
    expect(() => asteriskReferenceDir()).toThrow(AsteriskUnavailable);
    expect(() => asteriskReferenceDir()).toThrow(`${join(shared, 'asterisk', 'asterisk-22.10.1-debian12-amd64.tar.xz')} (the real Asterisk 22.10.1): it is missing`);
  });

  it('names the missing checksum file', () => {
    mkdirSync(join(shared, 'asterisk'));
    writeFileSync(join(shared, 'asterisk', 'asterisk-22.10.1-debian12-amd64.tar.xz'), '');
    expect(() => asteriskReferenceDir()).toThrow(`${join(shared, 'asterisk', 'SHA256SUMS')} to check the Asterisk tarball: it is missing`);
  });

  it('says where the reference data should be when there is none', () => {
    process.env.PBX_GATEWAY_SHARED_DIR = join(shared, 'nowhere');
    expect(() => asteriskReferenceDir()).toThrow(/the fidelity tier needs the reference data beside the project \(\.\.\/shared, or PBX_GATEWAY_SHARED_DIR\)/);
  });

  it('refuses a tarball whose SHA-256 is not the one of SHA256SUMS', async () => {
    const dir = join(shared, 'asterisk');
    mkdirSync(dir);
    writeFileSync(join(dir, 'asterisk-22.10.1-debian12-amd64.tar.xz'), 'not the build');
    writeFileSync(join(dir, 'SHA256SUMS'), `${'0'.repeat(64)}  asterisk-22.10.1-debian12-amd64.tar.xz\n`);
    await expect(checkTarball(dir)).rejects.toThrow(/SHA-256 [0-9a-f]{64} is not the 0{64} of SHA256SUMS/);
    writeFileSync(join(dir, 'SHA256SUMS'), '');
    await expect(checkTarball(dir)).rejects.toThrow('names no checksum for asterisk-22.10.1-debian12-amd64.tar.xz');
  });
});
