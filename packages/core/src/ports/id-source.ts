/** Identifiers and randomness come in through a port so that tests are repeatable. */
export interface IdSource {
  /** A fresh identifier, unique across restarts: letters, digits and `-` only. */
  newId(): string;
  /** `bytes` random bytes as lowercase hex (tokens, GUIDs). */
  randomHex(bytes: number): string;
  /** A random integer in [0, below). */
  randomInt(below: number): number;
}
