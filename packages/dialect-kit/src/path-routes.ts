export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

/**
 * A path segment: a literal, a `{name}` parameter (`{name:digits}`: digits
 * only, where a sibling path has a literal in that place), a literal prefix
 * (`recordfile*`), or `**` (any rest).
 */
type Segment =
  | { kind: 'literal'; text: string }
  | { kind: 'param'; name: string; digitsOnly: boolean }
  | { kind: 'prefix'; text: string }
  | { kind: 'rest' };

/** One path a dialect answers, and what answers it; `method` null: any method. */
export interface PathRoute<Target> {
  method: HttpMethod | null;
  path: string;
  target: Target;
}

interface CompiledRoute<Target> extends PathRoute<Target> {
  segments: Segment[];
}

export type PathResolution<Target> =
  | { kind: 'found'; target: Target; params: Record<string, string> }
  /** The path is known, only under other methods: `allow` lists them. */
  | { kind: 'wrong_method'; allow: string }
  | { kind: 'unknown' };

function parsePattern(pattern: string): Segment[] {
  return pattern
    .split('/')
    .filter((part) => part.length > 0)
    .map((part): Segment => {
      if (part === '**') return { kind: 'rest' };
      if (part.startsWith('{') && part.endsWith('}')) {
        const [name, constraint] = part.slice(1, -1).split(':');
        return { kind: 'param', name: name!, digitsOnly: constraint === 'digits' };
      }
      if (part.endsWith('*')) return { kind: 'prefix', text: part.slice(0, -1) };
      return { kind: 'literal', text: part };
    });
}

function matchSegments(pattern: readonly Segment[], segments: readonly string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index += 1) {
    const part = pattern[index]!;
    if (part.kind === 'rest') return params;
    const segment = segments[index];
    if (segment === undefined) return null;
    if (part.kind === 'literal' && segment !== part.text) return null;
    if (part.kind === 'prefix' && !segment.startsWith(part.text)) return null;
    if (part.kind === 'param') {
      if (part.digitsOnly && !/^[0-9]+$/.test(segment)) return null;
      params[part.name] = segment;
    }
  }
  return segments.length === pattern.length ? params : null;
}

/**
 * The routes of a REST-style dialect (method + path with `{name}`
 * parameters), tried in the order given: the first whose path fits and whose
 * method is the request's wins; a path that fits only other methods is
 * `wrong_method`. A route for any method (a family's catch-all) does not
 * take a path an earlier route claimed for other methods: that interface
 * keeps its one method.
 */
export class PathRoutes<Target> {
  private readonly routes: CompiledRoute<Target>[];

  constructor(routes: ReadonlyArray<PathRoute<Target>>) {
    this.routes = routes.map((route) => ({ ...route, segments: parsePattern(route.path) }));
  }

  /** `segments`: the decoded path segments below the dialect's prefix. */
  resolve(method: string, segments: readonly string[]): PathResolution<Target> {
    const allowed = new Set<string>();
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method === method || (route.method === null && allowed.size === 0)) return { kind: 'found', target: route.target, params };
      if (route.method === null) continue;
      allowed.add(route.method);
    }
    return allowed.size > 0 ? { kind: 'wrong_method', allow: [...allowed].join(', ') } : { kind: 'unknown' };
  }
}
