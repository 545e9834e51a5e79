// `host:port…` is not a scheme: the seed's own example (`wwww.baidu.com/test.mp3`) has no scheme at all.
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const HOST_AND_PORT = /^[^/:?#@]+:[0-9]+(?:[/?#]|$)/;

/**
 * The URL of online audio (`voicetype` 2) in normal form, or null. A missing
 * scheme means `http://`; only http and https are fetched; no credentials,
 * no white space, a host required. The host allow-list is the core's media
 * policy. The normalised form is what the engine gets, so the engine and the
 * allow-list read the same host.
 */
export function voiceUrl(raw: string): string | null {
  if (/[\s\u0000-\u001f\u007f]/.test(raw)) return null;
  const scheme = SCHEME.exec(raw);
  let candidate: string;
  if (scheme && !HOST_AND_PORT.test(raw)) {
    const name = scheme[1]!.toLowerCase();
    if (name !== 'http' && name !== 'https') return null;
    candidate = raw;
  } else {
    candidate = raw.startsWith('//') ? `http:${raw}` : `http://${raw}`;
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.toString();
}
