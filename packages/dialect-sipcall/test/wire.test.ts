import { encodeJson } from '../src/wire/php-json';
import { voiceUrl } from '../src/wire/voice-url';
import { localTimeFormatter } from '../src/wire/time';
import { isReservedPath, namesService, resolveService } from '../src/routing';

describe('PHP json_encode escaping', () => {
  it('escapes slashes, non-ASCII (surrogate pairs beyond the BMP) and control characters as PHP does', () => {
    expect(encodeJson({ a: 'x/y', b: '成功', c: '😀', d: '\u0001\n"\\', e: '\u007f', f: [], g: 1 }, true)).toBe(
      '{"a":"x\\/y","b":"\\u6210\\u529f","c":"\\ud83d\\ude00","d":"\\u0001\\n\\"\\\\","e":"\u007f","f":[],"g":1}',
    );
  });

  it('writes plain JSON when PHP escaping is off', () => {
    expect(encodeJson({ a: 'x/y', b: '成功' }, false)).toBe('{"a":"x/y","b":"成功"}');
  });
});

describe('online voice URLs', () => {
  it.each([
    ['wwww.baidu.com/test.mp3', 'http://wwww.baidu.com/test.mp3'],
    ['wwww.baidu.com:8080/test.mp3', 'http://wwww.baidu.com:8080/test.mp3'],
    ['//wwww.baidu.com/test.mp3', 'http://wwww.baidu.com/test.mp3'],
    ['HTTPS://WWWW.BAIDU.COM/A.MP3', 'https://wwww.baidu.com/A.MP3'],
    ['http://wwww.baidu.com/../../etc/passwd', 'http://wwww.baidu.com/etc/passwd'],
    ['http://evil.example\\@wwww.baidu.com/x.mp3', 'http://evil.example/@wwww.baidu.com/x.mp3'],
  ])('%s → %s', (raw, url) => {
    expect(voiceUrl(raw)).toBe(url);
  });

  it.each(['file:///etc/passwd', 'file:/etc/passwd', 'gopher://h/1', 'ftp://h/a.mp3', 'javascript:alert(1)', 'data:audio/wav;base64,AA', 'http://u:p@h/a', 'http://h/a b', 'http:', 'http://', 'c:\\sounds\\a.wav', 'https://h:99999/x'])(
    '%s is refused',
    (raw) => {
      expect(voiceUrl(raw)).toBeNull();
    },
  );
});

describe('routing', () => {
  it('reserves other dialects paths and what is below them, ignoring case', () => {
    const reserved = ['/agc', '/api/api.php', '/agentgateway/'];
    expect(isReservedPath('/AGC/api.php', reserved)).toBe(true);
    expect(isReservedPath('/api/api.php', reserved)).toBe(true);
    expect(isReservedPath('/agentgateway', reserved)).toBe(true);
    expect(isReservedPath('/agcx', reserved)).toBe(false);
    expect(isReservedPath('/api/yunhu', reserved)).toBe(false);
  });

  it('reads the service as PhalApi does', () => {
    expect(resolveService({})).toEqual({ kind: 'named', service: 'App.Site.Index', key: 'app.site.index' });
    expect(resolveService({ service: 'Sip_Call.PlayVoice' })).toEqual({ kind: 'named', service: 'App.Sip_Call.PlayVoice', key: 'app.sip_call.playvoice' });
    expect(resolveService({ s: 'App.Sip_Auth.Login' })).toMatchObject({ key: 'app.sip_auth.login' });
    expect(resolveService({ service: 'App.Sip_Auth.Login', s: 'App.X.Y' })).toMatchObject({ key: 'app.sip_auth.login' });
    expect(resolveService({ service: 'App..Login' })).toEqual({ kind: 'illegal', service: 'App..Login' });
    expect(namesService({ s: 'search terms' })).toBe(false);
    expect(namesService({ s: 'Sip_Auth.Login' })).toBe(true);
    expect(namesService({ service: '' })).toBe(true);
  });
});

describe('local times', () => {
  it('formats in the given zone with a 24-hour clock', () => {
    const at = new Date('2020-02-09T16:05:09Z');
    expect(localTimeFormatter('Asia/Shanghai')(at)).toBe('2020-02-10 00:05:09');
    expect(localTimeFormatter('UTC')(at)).toBe('2020-02-09 16:05:09');
  });
});
