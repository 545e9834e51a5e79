/** A sound file the engine can play by name, as its directory shows it. */
export interface SoundFile {
  /** The file's name, extension included (`welcome.wav`). */
  fileName: string;
  modifiedAt: Date;
  sizeBytes: number;
}

/**
 * The sound prompts the engine plays by name (`sound:<name>`): a directory
 * it shares with the gateway, read where the gateway runs.
 */
export interface SoundStore {
  /** Where the sounds are, as configured; null when no place is configured. */
  readonly location: string | null;
  /** Its files (not its subdirectories), or null when the place does not exist. */
  list(): Promise<readonly SoundFile[] | null>;
}

/** No sounds directory configured: nothing to list. */
export const noSoundStore: SoundStore = { location: null, list: async () => null };
