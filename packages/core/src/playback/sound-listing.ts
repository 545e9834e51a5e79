import type { CoreContext } from '../kernel/context';
import type { SoundFile } from '../ports/sound-store';

/** What the gateway knows of its sound prompts. */
export type SoundListing =
  /** No sounds directory configured. */
  | { state: 'unconfigured' }
  /** Configured, but not there. */
  | { state: 'missing'; location: string }
  /** The files, by file name. */
  | { state: 'listed'; location: string; files: readonly SoundFile[] };

export async function listSounds(ctx: Pick<CoreContext, 'sounds'>): Promise<SoundListing> {
  const location = ctx.sounds.location;
  if (location === null) return { state: 'unconfigured' };
  const files = await ctx.sounds.list();
  if (files === null) return { state: 'missing', location };
  // Byte order of the names, whatever order the directory gave them in.
  return { state: 'listed', location, files: [...files].sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0)) };
}
