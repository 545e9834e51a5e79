import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SoundFile, SoundStore } from '@pbx-gateway/core';

/**
 * The sound prompts as files of one directory (the engine's sounds
 * directory, or one it shares with the gateway): its regular files with
 * their modification time and size; subdirectories are not descended.
 */
export function directorySoundStore(directory: string): SoundStore {
  return {
    location: directory,
    async list(): Promise<readonly SoundFile[] | null> {
      let names: string[];
      try {
        names = await readdir(directory);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      const files = await Promise.all(names.map(async (fileName) => {
        // A file removed between the listing and its look-up is simply not listed.
        const info = await stat(join(directory, fileName)).catch((error: unknown) => (isMissing(error) ? null : Promise.reject(error)));
        return info?.isFile() ? { fileName, modifiedAt: info.mtime, sizeBytes: info.size } : null;
      }));
      return files.filter((file): file is SoundFile => file !== null);
    },
  };
}

const isMissing = (error: unknown): boolean => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
};
