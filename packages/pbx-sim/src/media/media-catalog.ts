import type { JsonObject } from '../util/json';

/** Formats every simulated sound exists in, as Asterisk reports them (language, format). */
const SOUND_FORMATS = ['gsm', 'slin'] as const;
const LANGUAGE = 'en';

/** Spoken-number and tone media have no file: their length is estimated per word or digit. */
const SAY_WORD_MS = 600;
const SAY_DIGIT_MS = 500;

/**
 * `missing`: the file streamer fails (PlaybackFinished `failed`);
 * `abandoned`: res_stasis_playback logs an error and returns before its final
 * update, so the playback ends without PlaybackFinished (an unknown scheme,
 * no scheme, an unknown recording, a number that does not parse).
 */
export type MediaLength = { kind: 'finite'; ms: number } | { kind: 'missing' } | { kind: 'abandoned' };

/**
 * The sound files on the simulated Asterisk. `sound:` media are looked up here;
 * a missing sound fails the playback the way Asterisk's file streamer does.
 */
export class MediaCatalog {
  private sounds = new Map<string, number>();

  constructor(
    sounds: Record<string, number>,
    private remoteMediaMs: number | null,
  ) {
    this.replace(sounds);
  }

  replace(sounds: Record<string, number>): void {
    this.sounds = new Map(Object.entries(sounds).map(([id, ms]) => [id, Math.max(0, Math.round(ms))]));
  }

  entries(): Record<string, number> {
    return Object.fromEntries(this.sounds);
  }

  setRemoteMediaMs(ms: number | null): void {
    this.remoteMediaMs = ms;
  }

  has(id: string): boolean {
    return this.sounds.has(id);
  }

  /** `GET /sounds` and `GET /sounds/{id}`: `{id, formats}` (Asterisk only adds `text` when it has one). */
  soundJson(id: string): JsonObject | undefined {
    if (!this.sounds.has(id)) return undefined;
    return {
      id,
      formats: SOUND_FORMATS.map((format) => ({ language: LANGUAGE, format })),
    };
  }

  listJson(lang?: string, format?: string): JsonObject[] {
    if (lang !== undefined && lang !== '' && lang !== LANGUAGE) return [];
    if (format !== undefined && format !== '' && !(SOUND_FORMATS as readonly string[]).includes(format)) return [];
    return [...this.sounds.keys()].map((id) => this.soundJson(id) as JsonObject);
  }

  /**
   * Length of one media URI of a playback. `recordingMs` resolves `recording:`
   * URIs against the stored recordings.
   */
  lengthOf(uri: string, recordingMs: (name: string) => number | undefined): MediaLength {
    const colon = uri.indexOf(':');
    const scheme = colon < 0 ? '' : uri.slice(0, colon);
    const rest = colon < 0 ? uri : uri.slice(colon + 1);
    switch (scheme) {
      case 'sound': {
        // A URL that cannot be fetched fails like a missing file.
        if (/^https?:\/\//i.test(rest)) return this.remoteMediaMs === null ? { kind: 'missing' } : { kind: 'finite', ms: this.remoteMediaMs };
        const ms = this.sounds.get(rest);
        return ms === undefined ? { kind: 'missing' } : { kind: 'finite', ms };
      }
      case 'recording': {
        const ms = recordingMs(rest);
        return ms === undefined ? { kind: 'abandoned' } : { kind: 'finite', ms };
      }
      case 'number':
        return /^-?\d+/.test(rest) ? { kind: 'finite', ms: sayNumberWords(rest.replace(/^(-?\d+).*$/, '$1')) * SAY_WORD_MS } : { kind: 'abandoned' };
      case 'digits':
      case 'characters':
        return rest.length > 0 ? { kind: 'finite', ms: rest.length * SAY_DIGIT_MS } : { kind: 'missing' };
      case 'tone':
        // Tones come from the tone zones of indications.conf, which the project's Asterisk does not load:
        // every tone fails to start.
        return { kind: 'missing' };
      default:
        return { kind: 'abandoned' };
    }
  }
}

/** Roughly how many words Asterisk's SayNumber speaks for a number. */
function sayNumberWords(text: string): number {
  const digits = text.replace('-', '').replace(/^0+(?=\d)/, '');
  const groups = Math.ceil(digits.length / 3);
  return Math.max(1, groups * 3 - 1) + (text.startsWith('-') ? 1 : 0);
}
