/**
 * Whether a URL host (as the WHATWG parser leaves it: IPv4 in dotted form
 * whatever the client wrote, IPv6 in brackets) names this machine or a
 * network that is not the internet. The engine fetches audio URLs from
 * inside the operator's network, so a client naming such an address could
 * reach services the internet cannot (ARI itself, a cloud metadata service).
 * Host names are not resolved: the engine resolves them when it fetches,
 * and a name is only fetched when its host is configured.
 */
export function isNonPublicHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  const v4 = ipv4(name);
  if (v4) return nonPublicV4(v4);
  if (name.startsWith('[') && name.endsWith(']')) return nonPublicV6(name.slice(1, -1));
  return false;
}

function ipv4(name: string): number[] | null {
  const parts = name.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^[0-9]{1,3}$/.test(part) && Number(part) <= 255)) return null;
  return parts.map(Number);
}

// RFC 6890 special-purpose blocks that are not globally reachable.
function nonPublicV4([a, b]: number[]): boolean {
  return (
    a === 0 || // "this network"
    a === 10 ||
    a === 127 ||
    (a === 100 && b! >= 64 && b! <= 127) || // shared address space (CGNAT)
    (a === 169 && b === 254) || // link-local, cloud metadata
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) || // IETF protocol assignments, TEST-NET-1 (192.0.2.x)
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    (a === 198 && b === 51) || // TEST-NET-2
    (a === 203 && b === 0) || // TEST-NET-3
    a! >= 224 // multicast, reserved, broadcast
  );
}

function nonPublicV6(address: string): boolean {
  const lower = address.toLowerCase();
  if (lower === '::' || lower === '::1') return true;
  // IPv4-mapped (::ffff:a.b.c.d, which the URL parser writes as ::ffff:xxxx:xxxx).
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (mapped) {
    const high = parseInt(mapped[1]!, 16);
    const low = parseInt(mapped[2]!, 16);
    return nonPublicV4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  }
  const first = parseInt(lower.split(':')[0] || '0', 16);
  return (
    (first & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (first & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (first & 0xff00) === 0xff00 || // multicast
    lower.startsWith('2001:db8:') || // documentation
    first === 0 // other ::/8 forms (IPv4-compatible, unspecified)
  );
}
