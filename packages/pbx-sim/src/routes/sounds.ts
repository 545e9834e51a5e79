import { fail, ok, pathParam, queryParam, type RouteSpec } from '../ari/route-spec';

export const soundRoutes: RouteSpec[] = [
  {
    resource: 'sounds',
    path: '/sounds',
    method: 'GET',
    nickname: 'list',
    summary: 'Lists the sounds.',
    responseClass: 'List[Sound]',
    params: [queryParam('lang', 'string', 'Only sounds in this language.'), queryParam('format', 'string', 'Only sounds in this format.')],
    handler: ({ world, args }) => ok(world.media.listJson(args.nonEmpty('lang'), args.nonEmpty('format'))),
  },
  {
    resource: 'sounds',
    path: '/sounds/{soundId}',
    method: 'GET',
    nickname: 'get',
    summary: 'Details of one sound.',
    responseClass: 'Sound',
    params: [pathParam('soundId', 'string', "Sound's id.")],
    handler: ({ world, path }) => {
      const sound = world.media.soundJson(path.soundId ?? '');
      return sound ? ok(sound) : fail(404, 'Sound not found');
    },
  },
];
