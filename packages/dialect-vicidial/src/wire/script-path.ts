/**
 * Which PHP script a request path names, the way Apache 2.4 (with its default
 * settings and mod_php) maps a URL path to a file: clients built on PHP
 * libraries send `//agc/api.php`, and Apache serves the script for that and
 * for other spellings of the same file.
 *
 * In Apache's order:
 * 1. `%XX` of unreserved characters is decoded (`/agc/api%2Ephp`).
 * 2. Runs of slashes are one slash (`MergeSlashes On`; the file system sees
 *    them the same anyway): `//agc/api.php`, `/agc//api.php`.
 * 3. `.` and `..` segments are resolved (`/agc/./api.php`,
 *    `/x/../agc/api.php`); a `..` above the root is a bad request: no script.
 * 4. The rest is decoded; an encoded slash (`%2F`, `AllowEncodedSlashes Off`)
 *    or NUL is refused: no script.
 * 5. The names are compared case-sensitively (a Linux file system), and
 *    anything after the script's name and a slash is its PATH_INFO, which
 *    mod_php accepts and the scripts ignore (`/agc/api.php/x`).
 */
export function scriptOfPath(rawPath: string, scripts: readonly string[]): string | null {
  if (!rawPath.startsWith('/')) return null;
  // The script's own spelling needs no normalising.
  if (scripts.includes(rawPath)) return rawPath;
  const merged = removeDotSegments(decodeUnreserved(rawPath).replace(/\/{2,}/g, '/'));
  if (merged === null || /%2f|%00/i.test(merged)) return null;
  let path: string;
  try {
    path = decodeURIComponent(merged);
  } catch {
    // Apache decodes byte-wise and would not find a file by that name either.
    return null;
  }
  for (const script of scripts) {
    if (path === script || path.startsWith(`${script}/`)) return script;
  }
  return null;
}

const decodeUnreserved = (path: string): string =>
  path.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : escape;
  });

/** RFC 3986 §5.2.4, as Apache's `ap_normalize_path`; null when `..` climbs above the root. */
function removeDotSegments(path: string): string | null {
  const out: string[] = [];
  const segments = path.slice(1).split('/');
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index]!;
    const last = index === segments.length - 1;
    if (segment === '.') {
      if (last) out.push('');
      continue;
    }
    if (segment === '..') {
      if (out.length === 0) return null;
      out.pop();
      if (last) out.push('');
      continue;
    }
    out.push(segment);
  }
  return `/${out.join('/')}`;
}
