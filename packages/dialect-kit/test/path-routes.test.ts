import { PathRoutes } from '../src';

describe('path routes', () => {
  const routes = new PathRoutes<string>([
    { method: null, path: '/agentevent/all/**', target: 'all' },
    { method: 'GET', path: '/agentevent/{agentid}', target: 'poll' },
    { method: 'PUT', path: '/play/{agentid}', target: 'play' },
    { method: 'POST', path: '/play/{agentid}/jump/{time}', target: 'jump' },
    { method: null, path: '/record/{agentid}/recordfile*/**', target: 'file' },
  ]);

  test.each([
    ['GET', ['agentevent', '101'], 'poll', { agentid: '101' }],
    ['DELETE', ['agentevent', 'all', 'x', 'y'], 'all', {}],
    ['POST', ['play', '7', 'jump', '20'], 'jump', { agentid: '7', time: '20' }],
    ['PUT', ['record', '7', 'recordfileex', 'z'], 'file', { agentid: '7' }],
  ])('%s %j → %s', (method, segments, target, params) => {
    expect(routes.resolve(method, segments)).toEqual({ kind: 'found', target, params });
  });

  test('a known path under another method lists the allowed ones; an unknown path is unknown', () => {
    expect(routes.resolve('DELETE', ['play', '7'])).toEqual({ kind: 'wrong_method', allow: 'PUT' });
    expect(routes.resolve('GET', ['play'])).toEqual({ kind: 'unknown' });
    expect(routes.resolve('GET', ['play', '7', 'extra'])).toEqual({ kind: 'unknown' });
  });

  test('a catch-all after an interface does not take its path under another method', () => {
    const family = new PathRoutes<string>([
      { method: 'GET', path: '/queue/{agentid}/waitnum', target: 'count' },
      { method: null, path: '/queue/**', target: 'not supported' },
    ]);
    expect(family.resolve('GET', ['queue', '7', 'waitnum'])).toEqual({ kind: 'found', target: 'count', params: { agentid: '7' } });
    expect(family.resolve('POST', ['queue', '7', 'waitnum'])).toEqual({ kind: 'wrong_method', allow: 'GET' });
    expect(family.resolve('POST', ['queue', '7', 'acdstat'])).toEqual({ kind: 'found', target: 'not supported', params: {} });
  });

  test('a {name:digits} parameter takes digits only, so a literal sibling keeps its own methods', () => {
    const qc = new PathRoutes<string>([
      { method: 'POST', path: '/qc/{agentid}/whisper', target: 'whisper' },
      { method: 'DELETE', path: '/qc/{agentid}/{workNo:digits}', target: 'cancel' },
    ]);
    expect(qc.resolve('DELETE', ['qc', '7', '102'])).toEqual({ kind: 'found', target: 'cancel', params: { agentid: '7', workNo: '102' } });
    expect(qc.resolve('GET', ['qc', '7', 'whisper'])).toEqual({ kind: 'wrong_method', allow: 'POST' });
    expect(qc.resolve('DELETE', ['qc', '7', 'x1'])).toEqual({ kind: 'unknown' });
  });
});
