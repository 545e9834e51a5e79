import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ASTERISK_PREFIX } from './install';

const DATA = join(ASTERISK_PREFIX, 'var', 'lib', 'asterisk');
const SOUND_EXTENSIONS = ['gsm', 'wav', 'sln', 'ulaw', 'alaw', 'g722', 'wav49'];

/** A WAV file of silence (8 kHz, 16-bit, mono) lasting `ms`. */
export function silenceWav(ms: number): Buffer {
  const samples = Math.round((ms * 8000) / 1000);
  const data = samples * 2;
  const wav = Buffer.alloc(44 + data);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + data, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(8000, 24);
  wav.writeUInt32LE(16000, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(data, 40);
  return wav;
}

const installedSound = (name: string): boolean => SOUND_EXTENSIONS.some((ext) => existsSync(join(DATA, 'sounds', 'en', `${name}.${ext}`)) || existsSync(join(DATA, 'sounds', `${name}.${ext}`)));

/**
 * The run's data folder (`astdatadir`): Asterisk's own, linked entry by entry,
 * with English sounds the installation lacks added as silence of the given
 * length (the names tests and the demo tenant use, such as stored agent
 * recordings). Installed sounds keep their real length.
 */
export function prepareDataDir(dir: string, sounds: Record<string, number>): string {
  mkdirSync(join(dir, 'sounds', 'en'), { recursive: true });
  for (const entry of readdirSync(DATA)) if (entry !== 'sounds') symlinkSync(join(DATA, entry), join(dir, entry));
  for (const entry of readdirSync(join(DATA, 'sounds'))) if (entry !== 'en') symlinkSync(join(DATA, 'sounds', entry), join(dir, 'sounds', entry));
  for (const entry of readdirSync(join(DATA, 'sounds', 'en'))) symlinkSync(join(DATA, 'sounds', 'en', entry), join(dir, 'sounds', 'en', entry));
  for (const [name, ms] of Object.entries(sounds)) {
    if (installedSound(name) || name.includes('..') || name.startsWith('/')) continue;
    const file = join(dir, 'sounds', 'en', `${name}.wav`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, silenceWav(ms));
  }
  return dir;
}
