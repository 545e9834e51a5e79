import { pathParam, queryParam, type AriResult, type ErrorResponse, type ParamSpec, type RouteContext, type RouteSpec } from '../ari/route-spec';

/** A POST that makes an object (a playback, a snoop channel) whose id the client may choose. */
export interface ChosenIdOperation {
  resource: string;
  /** Path of the first form; the second appends `/{<chosen id>}`. */
  path: string;
  /** Nickname of the first form; the second's adds `WithId`. */
  nickname: string;
  summary: string;
  summaryWithId: string;
  responseClass: string;
  /** The path parameter naming what the operation acts on (the channel or the bridge). */
  target: ParamSpec;
  chosenId: { name: string; description: string };
  /** The other parameters, in the order the description lists them. */
  params: readonly ParamSpec[];
  errorResponses: readonly ErrorResponse[];
  handler: (context: RouteContext, chosenId: string | undefined) => AriResult;
}

/**
 * Asterisk declares such operations twice: `<path>` takes the new object's
 * id as an optional query parameter after the others, `<path>/{id}` takes it
 * in the path right after the target's. Both forms do the same; an empty
 * query id counts as none.
 */
export function withChosenId(op: ChosenIdOperation): RouteSpec[] {
  const { name, description } = op.chosenId;
  const shared = { resource: op.resource, method: 'POST', responseClass: op.responseClass, errorResponses: op.errorResponses } as const;
  return [
    {
      ...shared,
      path: op.path,
      nickname: op.nickname,
      summary: op.summary,
      params: [op.target, ...op.params, queryParam(name, 'string', description)],
      handler: (context) => op.handler(context, context.args.nonEmpty(name)),
    },
    {
      ...shared,
      path: `${op.path}/{${name}}`,
      nickname: `${op.nickname}WithId`,
      summary: op.summaryWithId,
      params: [op.target, pathParam(name, 'string', description), ...op.params],
      handler: (context) => op.handler(context, context.path[name]),
    },
  ];
}
