import type { MediaPolicy } from '../config/core-config';
import { DomainError } from '../errors/domain-error';
import { isNonPublicHost } from './public-address';

/** Audio as a client names it. */
export type MediaRequest =
  /** A file of the audio store, without extension (`ss-noservice`). */
  | { kind: 'sound'; name: string }
  /** A file path in the client's own terms (`Y:/1/0/20180621/105/1406470.V3`). */
  | { kind: 'file'; path: string }
  /** Audio the PBX fetches over HTTP(S). */
  | { kind: 'url'; url: string };

export interface ResolvedMedia {
  /** Media URI for the engine (`sound:ss-noservice`). */
  uri: string;
  /** What the client asked for, as it asked. */
  name: string;
}

// One path segment of a sound: no dots, so no `..` and no extension; no
// shell or URI metacharacters. A past remote-code execution in a PBX API came
// through a file name; names that fail this never reach the engine.
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const MAX_NAME = 200;

export function resolveMedia(request: MediaRequest, policy: MediaPolicy): ResolvedMedia {
  switch (request.kind) {
    case 'sound':
      return { uri: `sound:${safeSoundName(request.name)}`, name: request.name };
    case 'file':
      return { uri: mappedFile(request.path, policy), name: request.path };
    case 'url':
      return { uri: `sound:${allowedUrl(request.url, policy)}`, name: request.url };
  }
}

/**
 * Several files played one after the other as one playback: the engine
 * takes a comma-separated list of media URIs, so a URI of the list may
 * not hold a comma itself (a sound name never does).
 */
export function resolveMediaList(requests: readonly MediaRequest[], policy: MediaPolicy): ResolvedMedia {
  if (requests.length === 0) throw new DomainError('MEDIA_NOT_ALLOWED', 'no audio given', { media: '' });
  const resolved = requests.map((request) => resolveMedia(request, policy));
  const split = resolved.find((media) => media.uri.includes(','));
  if (split && resolved.length > 1) throw new DomainError('MEDIA_NOT_ALLOWED', `${split.name}: a comma in a list of audio`, { media: split.name });
  return { uri: resolved.map((media) => media.uri).join(','), name: resolved.map((media) => media.name).join('|') };
}

function safeSoundName(name: string, shownAs: string = name): string {
  const segments = name.split('/');
  if (name.length === 0 || name.length > MAX_NAME || !segments.every((segment) => SEGMENT.test(segment))) {
    throw refuse(shownAs, 'not a valid audio name');
  }
  return name;
}

function mappedFile(path: string, policy: MediaPolicy): string {
  const normalised = path.replace(/\\/g, '/');
  if (/[\u0000-\u001f\u007f]/.test(normalised)) throw refuse(path, 'control characters');
  const lower = normalised.toLowerCase();
  const mapping = policy.pathMappings.find((candidate) => startsAtBoundary(lower, candidate.prefix.replace(/\\/g, '/').toLowerCase()));
  if (!mapping) throw refuse(path, 'no media mapping for this path');
  const rest = normalised.slice(mapping.prefix.length).replace(/^\/+/, '');
  const withoutExtension = rest.replace(/\.[A-Za-z0-9]{1,8}$/, '');
  return `${mapping.media}${safeSoundName(withoutExtension, path)}`;
}

/** A prefix maps whole path segments: `Y:/calls` maps `Y:/calls/1.V3`, not `Y:/callsecret/1.V3`. */
function startsAtBoundary(path: string, prefix: string): boolean {
  if (!path.startsWith(prefix)) return false;
  return prefix === '' || prefix.endsWith('/') || prefix.endsWith(':') || path.length === prefix.length || path[prefix.length] === '/';
}

function allowedUrl(raw: string, policy: MediaPolicy): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse(raw, 'not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refuse(raw, 'only http and https may be fetched');
  if (url.username || url.password) throw refuse(raw, 'credentials in URL');
  const host = url.hostname.toLowerCase();
  // An address off the internet is fetched only when configured by itself: `*` or `*.example` never reach it.
  const allowed = isNonPublicHost(host)
    ? policy.urlHosts.some((pattern) => pattern.toLowerCase() === host)
    : policy.urlHosts.some((pattern) => hostMatches(host, pattern.toLowerCase()));
  if (!allowed) throw refuse(raw, `host ${host} is not allowed`);
  return url.toString();
}

function hostMatches(host: string, pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return host === pattern;
}

const refuse = (name: string, why: string): DomainError =>
  new DomainError('MEDIA_NOT_ALLOWED', `media refused (${why})`, { media: name });
