import { DomainError, resolveMedia, type MediaPolicy, type MediaRequest } from '../src';

const policy: MediaPolicy = {
  pathMappings: [
    { prefix: 'Y:/', media: 'recording:huawei/' },
    { prefix: 'D:\\voice', media: 'sound:voice/' },
  ],
  urlHosts: ['media.example.com', '*.cdn.example.net'],
};

function refusal(request: MediaRequest, mediaPolicy: MediaPolicy = policy): DomainError {
  try {
    resolveMedia(request, mediaPolicy);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`${JSON.stringify(request)} was accepted`);
}

describe('sound names', () => {
  it.each([
    ['ss-noservice', 'sound:ss-noservice'],
    ['custom/welcome_2', 'sound:custom/welcome_2'],
    ['9', 'sound:9'],
  ])('%s → %s', (name, uri) => {
    expect(resolveMedia({ kind: 'sound', name }, policy)).toEqual({ uri, name });
  });

  it.each([
    ['empty', ''],
    ['a parent directory', '../etc/passwd'],
    ['an extension', 'hello.wav'],
    ['an absolute path', '/var/lib/asterisk/sounds/x'],
    ['a space', 'hello world'],
    ['a shell metacharacter', 'x;rm -rf'],
    ['a URI scheme', 'http://x'],
    ['a leading dash', '-x'],
    ['an empty segment', 'custom//x'],
    ['a newline', 'x\ny'],
    ['too long a name', 'a'.repeat(201)],
    ['too long a segment', 'a'.repeat(101)],
  ])('refuses %s with MEDIA_NOT_ALLOWED naming the media', (_why, name) => {
    const error = refusal({ kind: 'sound', name });
    expect(error.code).toBe('MEDIA_NOT_ALLOWED');
    expect(error.details).toEqual({ media: name });
  });
});

describe('file paths', () => {
  it('maps a drive-letter path to the configured media and drops the extension', () => {
    expect(resolveMedia({ kind: 'file', path: 'Y:/1/0/20180621/105/1406470.V3' }, policy)).toEqual({
      uri: 'recording:huawei/1/0/20180621/105/1406470',
      name: 'Y:/1/0/20180621/105/1406470.V3',
    });
  });

  it('accepts backslashes and a lower-case drive letter', () => {
    expect(resolveMedia({ kind: 'file', path: 'y:\\1\\0\\20180621\\1406470.V3' }, policy).uri).toBe('recording:huawei/1/0/20180621/1406470');
  });

  it('accepts a mapping written with backslashes and a path without extension', () => {
    expect(resolveMedia({ kind: 'file', path: 'D:\\voice\\greetings\\morning' }, policy).uri).toBe('sound:voice/greetings/morning');
  });

  it.each([
    ['a parent directory', 'Y:/1/../../etc/passwd.V3'],
    ['a parent directory written with backslashes', 'Y:\\..\\secret.V3'],
    ['a NUL byte', 'Y:/1/0/x\u0000.V3'],
    ['a control character', 'Y:/1/0/\u001bx.V3'],
    ['an unmapped drive', 'Z:/1/0/1406470.V3'],
    ['a bare mapped prefix', 'Y:/'],
    ['two extensions', 'Y:/1/x.tar.gz'],
    ['a dot in a directory', 'Y:/1.0/x.V3'],
  ])('refuses %s', (_why, path) => {
    const error = refusal({ kind: 'file', path });
    expect(error.code).toBe('MEDIA_NOT_ALLOWED');
    expect(error.details).toEqual({ media: path });
  });

  it('maps a prefix only at a path boundary', () => {
    expect(resolveMedia({ kind: 'file', path: 'D:\\voice\\x.wav' }, policy).uri).toBe('sound:voice/x');
    expect(refusal({ kind: 'file', path: 'D:\\voicemail\\x.wav' }).code).toBe('MEDIA_NOT_ALLOWED');
  });

  it('refuses every path when nothing is mapped', () => {
    expect(refusal({ kind: 'file', path: 'Y:/1/x.V3' }, { pathMappings: [], urlHosts: [] }).code).toBe('MEDIA_NOT_ALLOWED');
  });
});

describe('URLs', () => {
  it('lets the engine fetch http and https audio from a configured host', () => {
    expect(resolveMedia({ kind: 'url', url: 'https://media.example.com/ivr/menu.mp3' }, policy)).toEqual({
      uri: 'sound:https://media.example.com/ivr/menu.mp3',
      name: 'https://media.example.com/ivr/menu.mp3',
    });
    expect(resolveMedia({ kind: 'url', url: 'http://MEDIA.example.com:8080/a.wav' }, policy).uri).toBe('sound:http://media.example.com:8080/a.wav');
  });

  it('accepts any subdomain of a wildcard host, but not the bare domain or a look-alike', () => {
    expect(resolveMedia({ kind: 'url', url: 'https://eu.cdn.example.net/x.mp3' }, policy).uri).toBe('sound:https://eu.cdn.example.net/x.mp3');
    expect(refusal({ kind: 'url', url: 'https://cdn.example.net/x.mp3' }).code).toBe('MEDIA_NOT_ALLOWED');
    expect(refusal({ kind: 'url', url: 'https://evilcdn.example.net/x.mp3' }).code).toBe('MEDIA_NOT_ALLOWED');
    expect(refusal({ kind: 'url', url: 'https://cdn.example.net.evil.org/x.mp3' }).code).toBe('MEDIA_NOT_ALLOWED');
  });

  it('accepts any host with `*`', () => {
    expect(resolveMedia({ kind: 'url', url: 'http://anything.test/x.mp3' }, { pathMappings: [], urlHosts: ['*'] }).uri).toBe('sound:http://anything.test/x.mp3');
  });

  it.each([
    ['another scheme', 'ftp://media.example.com/x.mp3'],
    ['a file URL', 'file:///etc/passwd'],
    ['no scheme', 'media.example.com/x.mp3'],
    ['a user name', 'https://user@media.example.com/x.mp3'],
    ['a password', 'https://user:secret@media.example.com/x.mp3'],
    ['an unlisted host', 'https://example.org/x.mp3'],
    ['an address', 'http://127.0.0.1/x.mp3'],
    ['not a URL at all', 'not a url'],
  ])('refuses %s', (_why, url) => {
    const error = refusal({ kind: 'url', url });
    expect(error.code).toBe('MEDIA_NOT_ALLOWED');
    expect(error.details).toEqual({ media: url });
  });

  it('never lets `*` or a wildcard reach this machine or a network off the internet, in any spelling', () => {
    const any = { pathMappings: [], urlHosts: ['*', '*.localhost', '*.internal.example'] };
    for (const url of [
      'http://127.0.0.1:8088/ari/channels',
      'http://2130706433/x.mp3', // 127.0.0.1 as one number
      'http://0x7f.1/x.mp3',
      'http://localhost/x.mp3',
      'http://media.localhost/x.mp3',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.1.2.3/x.mp3',
      'http://172.16.0.1/x.mp3',
      'http://192.168.1.10/x.mp3',
      'http://100.64.0.1/x.mp3',
      'http://0.0.0.0/x.mp3',
      'http://224.0.0.1/x.mp3',
      'http://[::1]/x.mp3',
      'http://[::ffff:127.0.0.1]/x.mp3',
      'http://[fd00::1]/x.mp3',
      'http://[fe80::1]/x.mp3',
    ]) {
      expect([url, refusal({ kind: 'url', url }, any).code]).toEqual([url, 'MEDIA_NOT_ALLOWED']);
    }
    // Public addresses and names stay allowed by `*`.
    expect(resolveMedia({ kind: 'url', url: 'http://93.184.216.34/x.mp3' }, any).uri).toBe('sound:http://93.184.216.34/x.mp3');
    expect(resolveMedia({ kind: 'url', url: 'http://[2606:2800:220:1::1]/x.mp3' }, any).uri).toBe('sound:http://[2606:2800:220:1::1]/x.mp3');
    expect(resolveMedia({ kind: 'url', url: 'http://172.32.0.1/x.mp3' }, any).uri).toBe('sound:http://172.32.0.1/x.mp3');
  });

  it('fetches from a private address or localhost only when that host is configured by itself', () => {
    const own = { pathMappings: [], urlHosts: ['10.0.0.5', 'localhost'] };
    expect(resolveMedia({ kind: 'url', url: 'http://10.0.0.5/menu.wav' }, own).uri).toBe('sound:http://10.0.0.5/menu.wav');
    expect(resolveMedia({ kind: 'url', url: 'http://localhost:8080/menu.wav' }, own).uri).toBe('sound:http://localhost:8080/menu.wav');
    expect(refusal({ kind: 'url', url: 'http://10.0.0.6/menu.wav' }, own).code).toBe('MEDIA_NOT_ALLOWED');
  });

  it('refuses every URL when no host is configured', () => {
    expect(refusal({ kind: 'url', url: 'https://media.example.com/x.mp3' }, { pathMappings: [], urlHosts: [] }).code).toBe('MEDIA_NOT_ALLOWED');
  });
});
