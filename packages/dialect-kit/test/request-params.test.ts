import { flattenParams, mergeParams, parseQueryString, rawQueryString } from '../src';

describe('request parameters', () => {
  it('keeps the last of repeated names and the last scalar of nested values, and drops the rest', () => {
    expect(flattenParams({ a: ['1', '2'], b: 'x', c: [{ d: 1 }, '3'], e: { f: 'g' }, n: 5, t: true })).toEqual({ a: '2', b: 'x', c: '3', n: '5', t: 'true' });
    expect(flattenParams(null)).toEqual({});
    expect(flattenParams('text')).toEqual({});
  });

  it('merges query and body, the preferred side winning on a shared name', () => {
    const query = { a: 'q', only: 'q' };
    const body = { a: 'b', other: 'b' };
    expect(mergeParams(query, body, 'query')).toEqual({ a: 'q', only: 'q', other: 'b' });
    expect(mergeParams(query, body, 'body')).toEqual({ a: 'b', only: 'q', other: 'b' });
  });

  it('decodes a query string as a form does: + is a space, the last repeat wins', () => {
    expect(parseQueryString('a=1&a=2&b=x+y&c=%2B&d')).toEqual({ a: '2', b: 'x y', c: '+', d: '' });
    expect(rawQueryString('/agc/api.php?user=6666&pass=1%2B2')).toBe('user=6666&pass=1%2B2');
    expect(rawQueryString('/agc/api.php')).toBe('');
  });

  it('cannot be tricked by names that are properties of objects', () => {
    const parsed = parseQueryString('__proto__=x&constructor=y');
    expect(parsed.__proto__).toBe('x');
    expect(parsed.constructor).toBe('y');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
