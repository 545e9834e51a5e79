import type { JsonObject } from '../util/json';

export interface StoredRecording {
  name: string;
  format: string;
  durationMs: number;
}

/** Recording files on disk, keyed by name (which may contain sub-directories). */
export class StoredRecordings {
  private readonly files = new Map<string, StoredRecording>();

  get(name: string): StoredRecording | undefined {
    return this.files.get(name);
  }

  has(name: string): boolean {
    return this.files.has(name);
  }

  save(recording: StoredRecording): void {
    this.files.set(recording.name, recording);
  }

  delete(name: string): boolean {
    return this.files.delete(name);
  }

  /** Asterisk lists the recordings directory sorted by name. */
  list(): StoredRecording[] {
    return [...this.files.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  static json(recording: StoredRecording): JsonObject {
    return { name: recording.name, format: recording.format };
  }
}
