import type { HttpMethod, RouteSpec } from '../ari/route-spec';

interface Node {
  segment: string;
  wildcard: boolean;
  children: Node[];
  methods: Map<HttpMethod, RouteSpec>;
}

/** Method order of Asterisk's `Allow` header (ast_http_method enum): GET, POST, HEAD, PUT, DELETE. */
const ALLOW_ORDER: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];

export interface RouteMatch {
  methods: ReadonlyMap<HttpMethod, RouteSpec>;
  path: Record<string, string>;
  allow: string;
}

/** ast_uri_decode with the legacy flag: `+` is a space, then %XX escapes. */
export function decodeSegment(segment: string): string {
  const spaced = segment.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/**
 * The ARI handler tree, walked the way ast_ari_invoke walks it: one path
 * segment at a time, an exact child first, else the wildcard child. The walk
 * stops at the first empty segment.
 */
export class AriRouter {
  private readonly root: Node = { segment: '', wildcard: false, children: [], methods: new Map() };

  constructor(routes: readonly RouteSpec[]) {
    for (const route of routes) this.add(route);
  }

  private add(route: RouteSpec): void {
    let node = this.root;
    for (const segment of route.path.split('/').filter((s) => s !== '')) {
      const wildcard = segment.startsWith('{');
      const name = wildcard ? segment.slice(1, -1) : segment;
      let child = node.children.find((c) => c.segment === name && c.wildcard === wildcard);
      if (!child) {
        child = { segment: name, wildcard, children: [], methods: new Map() };
        node.children.push(child);
      }
      node = child;
    }
    node.methods.set(route.method, route);
  }

  /** `uri` is the part after `/ari/`. Undefined means 404 "Resource not found". */
  match(uri: string): RouteMatch | undefined {
    let node = this.root;
    const path: Record<string, string> = {};
    for (const raw of uri.split('/')) {
      if (raw === '') break;
      const segment = decodeSegment(raw);
      const exact = node.children.find((c) => !c.wildcard && c.segment === segment);
      const next = exact ?? node.children.find((c) => c.wildcard);
      if (!next) return undefined;
      if (!exact) path[next.segment] = segment;
      node = next;
    }
    const allow = ['OPTIONS', ...ALLOW_ORDER.filter((m) => node.methods.has(m))].join(',');
    return { methods: node.methods, path, allow };
  }
}
