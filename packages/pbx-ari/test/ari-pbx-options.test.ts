import { resolveAriPbxOptions } from '../src/ari-pbx-options';

const base = { url: 'http://127.0.0.1:8088', user: 'gateway', password: 'secret', app: 'gateway' };

describe('adapter options', () => {
  it('fills in the documented defaults', () => {
    const resolved = resolveAriPbxOptions(base);
    expect(resolved.url.origin).toBe('http://127.0.0.1:8088');
    expect(resolved).toMatchObject({ requestTimeoutMs: 5000, restKeepAliveMs: 4000, initialDelayMs: 500, maxDelayMs: 30_000 });
    expect(resolveAriPbxOptions({ ...base, restKeepAliveMs: 0 }).restKeepAliveMs).toBe(0);
  });

  it('keeps the cap of the backoff at or above its start', () => {
    expect(resolveAriPbxOptions({ ...base, reconnect: { initialDelayMs: 2000, maxDelayMs: 100 } })).toMatchObject({ initialDelayMs: 2000, maxDelayMs: 2000 });
  });

  it('refuses options that could only fail later', () => {
    expect(() => resolveAriPbxOptions({ ...base, url: 'not a url' })).toThrow(/not a URL/);
    expect(() => resolveAriPbxOptions({ ...base, url: 'ws://127.0.0.1:8088' })).toThrow(/http/);
    expect(() => resolveAriPbxOptions({ ...base, app: 'two,apps' })).toThrow(/application name/);
    expect(() => resolveAriPbxOptions({ ...base, requestTimeoutMs: 0 })).toThrow(RangeError);
    expect(() => resolveAriPbxOptions({ ...base, restKeepAliveMs: -1 })).toThrow(RangeError);
    expect(() => resolveAriPbxOptions({ ...base, reconnect: { initialDelayMs: -1 } })).toThrow(RangeError);
  });
});
