/**
 * Where recordings live, as clients name them and as the engine stores
 * them. A client names absolute directories (`/mnt/nas_server/asterisk/2018`);
 * the engine keeps files relative to its recordings store (`nas/2018/x.wav`).
 * The setting `recordingRoots` maps each directory clients may name to a
 * directory of the store; nothing outside those roots can be named.
 */
export type RecordingRoots = Readonly<Record<string, string>>;

/** One directory or file name: letters, digits, `_`, `-`, `.`, but not `.` or `..` alone. */
const SEGMENT = /^[A-Za-z0-9_.-]{1,200}$/;
export const isSafeSegment = (segment: string): boolean => SEGMENT.test(segment) && segment !== '.' && segment !== '..';

const segmentsOf = (path: string): string[] => path.split('/').filter((segment) => segment !== '');

/**
 * The store directory a client's absolute directory names, or null when it
 * is not inside a root, is relative, or has a segment that is not a plain
 * name (`..`, `.`, control or shell characters): such a path names nothing
 * the gateway may write to.
 */
export function storeDirectoryOf(path: string, roots: RecordingRoots): string | null {
  if (!path.startsWith('/') || path.length > 1000) return null;
  const segments = segmentsOf(path);
  if (!segments.every(isSafeSegment)) return null;
  let best: { rootLength: number; storeDirectory: string } | null = null;
  for (const [root, storeDirectory] of Object.entries(roots)) {
    const rootSegments = segmentsOf(root);
    const inside = rootSegments.length <= segments.length && rootSegments.every((segment, index) => segments[index] === segment);
    if (inside && (!best || rootSegments.length > best.rootLength)) best = { rootLength: rootSegments.length, storeDirectory };
  }
  if (!best) return null;
  return [...segmentsOf(best.storeDirectory), ...segments.slice(best.rootLength)].join('/');
}

/** A file of the store as clients name it: under the root whose store directory holds it most closely. */
export function clientPathOf(storeFile: string, roots: RecordingRoots): string {
  const segments = segmentsOf(storeFile);
  let best: { root: string; depth: number } | null = null;
  for (const [root, storeDirectory] of Object.entries(roots)) {
    const directory = segmentsOf(storeDirectory);
    const inside = directory.length < segments.length && directory.every((segment, index) => segments[index] === segment);
    if (inside && (!best || directory.length > best.depth)) best = { root, depth: directory.length };
  }
  if (!best) return storeFile;
  return ['', ...segmentsOf(best.root), ...segments.slice(best.depth)].join('/');
}
