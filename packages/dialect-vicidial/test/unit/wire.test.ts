import { DomainErrorCodes, DomainError } from '@pbx-gateway/core';
import { refusalOf } from '../../src/agent-api/operation';
import { DOMAIN_ERROR_TABLE } from '../../src/errors';
import { audioPlayback } from '../../src/operations/audio-playback';
import { externalHangup } from '../../src/operations/external-hangup';
import { externalPause } from '../../src/operations/external-pause';
import { logout } from '../../src/operations/logout';
import { wantsCloseLink, AnswerText, debugFooter, debugHeader } from '../../src/wire/answer';
import { createInputFilters, FILTERS, removeQuotes } from '../../src/wire/input-filters';
import { bytesToText, parseQueryPairs, phpParamName, scriptQueryString, utf8ToBytes } from '../../src/wire/php-params';
import { namesInRequest } from '../../src/agent-api/screen-request';
import { scriptOfPath } from '../../src/wire/script-path';
import { gmtNow, parseLocalDateTime, serverTime, storedGmt } from '../../src/wire/server-time';
import { dtmfKeys } from '../../src/wire/dtmf-keys';
import { agentApiVersionLine, nonAgentApiVersionLine } from '../../src/operations/version';
import { defaultVicidialSettings } from '../../src/settings';

describe('PHP request parsing', () => {
  test.each([
    ['agent_user', 'agent_user'],
    ['agent.user', 'agent_user'],
    ['agent user', 'agent_user'],
    ['  agent user', 'agent_user'],
    ['stage[]', 'stage'],
    ['stage[x][y]', 'stage'],
    ['st.age[a.b]', 'st_age'],
    ['stage[', 'stage_'],
    ['a[b', 'a_b'],
    ['[]', null],
    ['', null],
    ['   ', null],
  ])('name %j → %j', (raw, expected) => {
    expect(phpParamName(raw)).toBe(expected);
  });

  test('pairs: & separates, + is a space, %XX a byte, a broken % stays, = in a value stays', () => {
    expect(parseQueryPairs('a=1+2&b=%41%e9&c=%G1%&&d&e=x=y')).toEqual([
      ['a', '1 2'],
      ['b', 'A\xe9'],
      ['c', '%G1%'],
      ['d', ''],
      ['e', 'x=y'],
    ]);
  });

  test('the request as the script writes it out (update_fields, refresh_panel): the query as sent, the POST pairs decoded, both; quotes removed', () => {
    expect(scriptQueryString("user=6666&ci'ty=Fr%20a+nk&x=\"a\\b;c", new Map())).toBe('user=6666&city=Fr%20a+nk&x=abc');
    expect(scriptQueryString('', new Map([['city', "O'Hare"], ['x', 'a b']]))).toBe('city=OHare&x=a b');
    expect(scriptQueryString('a=1', new Map([['city', 'x']]))).toBe('a=1&GET-AND-POST=Y&city=x');
    // Two characters of POST pairs or fewer count as none.
    expect(scriptQueryString('a=1', new Map([['c', '']]))).toBe('a=1');
    expect(scriptQueryString('', new Map([['c', '']]))).toBe('');
    expect(scriptQueryString('q=é€', new Map())).toBe('q=\xe9\xe2\x82\xac');
  });

  test('a name counts anywhere in that text; some only in lower case, the others in any ASCII case', () => {
    const names = [
      { name: 'city', caseSensitive: true },
      { name: 'rank', caseSensitive: false },
      { name: 'state', caseSensitive: false },
    ];
    expect(namesInRequest('city=Frankfurt', names)).toEqual(['city', 'rank']);
    expect(namesInRequest('CITY=x&source=myStAtE', names)).toEqual(['state']);
    expect(namesInRequest('x=\xc5tate', names)).toEqual([]);
  });

  test('bytes and text convert both ways', () => {
    expect(utf8ToBytes('é€')).toBe('\xc3\xa9\xe2\x82\xac');
    expect(bytesToText('\xc3\xa9\xe2\x82\xac')).toBe('é€');
  });
});

describe('input filters (spec §1.3)', () => {
  const ascii = createInputFilters(false);
  const unicode = createInputFilters(true);

  test.each([
    [FILTERS.user, "77' OR 'a'='a", '77ORaa'],
    [FILTERS.agentPass, 'se\'cr"e t;+/=.-_', 'secret+/=.-_'],
    [FILTERS.nonAgentPass, 'se.cr/e+t=', 'secret'],
    [FILTERS.identifier, 'external_pause;DROP', 'external_pauseDROP'],
    [FILTERS.value, 'PAUSE|1;2 3', 'PAUSE|123'],
    [FILTERS.alphanumeric, 'te-st_1!', 'test1'],
    [FILTERS.upperLetters, 'Yes', 'Y'],
  ])('class %s keeps only what it allows: %j → %j', (allowed, input, expected) => {
    expect(ascii.keep(input, allowed)).toBe(expected);
  });

  test('bytes above 0x7F are not ASCII letters', () => {
    expect(ascii.keep('\xc3\xa9t\xe9', FILTERS.identifier)).toBe('t');
  });

  test('use_non_latin: any letter, UTF-8 in and out; capitals-only classes stay ASCII', () => {
    expect(unicode.keep(utf8ToBytes('jörg€1'), FILTERS.user)).toBe(utf8ToBytes('jörg1'));
    expect(unicode.keep(utf8ToBytes('ÝES'), FILTERS.upperLetters)).toBe('ES');
  });

  test('use_non_latin: invalid UTF-8 empties the value, as PHP\'s /u patterns fail', () => {
    expect(unicode.keep('ab\xff', FILTERS.user)).toBe('');
  });

  test('stage: only quotes, backslash and semicolon go', () => {
    expect(removeQuotes(`P'L"A\\Y;\n \xe9`)).toBe(`PLAY\n \xe9`);
  });
});

describe('close_window_link under PHP 8 (`$close_window_link > 0`)', () => {
  test.each([
    ['1', true],
    ['2e3', true],
    ['0e3', false],
    ['00', false],
    ['-1', false],
    ['abc', true],
    ['_', true],
    ['0abc', true],
    ['-abc', false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(wantsCloseLink(value)).toBe(expected);
  });
});

describe('answer text', () => {
  test('action comments only in debug mode; an exit is remembered', () => {
    const plain = new AnswerText(false);
    plain.actionComment('x');
    plain.exitWith('ERROR: a - b');
    expect(plain.text()).toBe('ERROR: a - b\n');
    expect(plain.hasExited).toBe(true);
    const debug = new AnswerText(true);
    debug.actionComment('paused -- now');
    debug.line('SUCCESS: x - y');
    expect(debug.text()).toBe('\n<!-- paused - - now -->SUCCESS: x - y\n');
    expect(debug.firstLine).toBe('SUCCESS: x - y');
  });

  test('debug header and footer, VICIdial\'s exact text (the header comment is never closed)', () => {
    expect(debugHeader('2.14-82', '250122-1010', '6666')).toBe(
      '<html>\n<head>\n<!-- VERSION: 2.14-82     BUILD: 250122-1010    USER: 6666\n<title>VICIDiaL Agent API</title>\n</head>\n<BODY BGCOLOR=white marginheight=0 marginwidth=0 leftmargin=0 topmargin=0>\n',
    );
    expect(debugFooter(0)).toBe('\n<!-- script runtime: 0 seconds -->\n</body>\n</html>\n');
  });
});

describe('server time', () => {
  const summer = new Date('2025-07-04T16:05:09Z');
  const winter = new Date('2025-01-15T03:04:05Z');

  test('local time in the zone, DST flag, standard offset', () => {
    expect(serverTime(summer, 'America/New_York')).toEqual({ local: '2025-07-04 12:05:09', epoch: 1751645109, dst: 1, standardOffsetMinutes: -300 });
    expect(serverTime(winter, 'America/New_York')).toEqual({ local: '2025-01-14 22:04:05', epoch: 1736910245, dst: 0, standardOffsetMinutes: -300 });
    expect(serverTime(winter, 'Australia/Sydney')).toMatchObject({ local: '2025-01-15 14:04:05', dst: 1, standardOffsetMinutes: 600 });
    expect(serverTime(summer, 'Asia/Kolkata')).toMatchObject({ local: '2025-07-04 21:35:09', dst: 0, standardOffsetMinutes: 330 });
    expect(serverTime(summer, 'UTC')).toMatchObject({ local: '2025-07-04 16:05:09', dst: 0, standardOffsetMinutes: 0 });
  });

  test('stored offsets and PHP\'s increment during DST', () => {
    expect(storedGmt(-300)).toBe('-5.00');
    expect(storedGmt(330)).toBe('5.50');
    expect(storedGmt(0)).toBe('0.00');
    expect(gmtNow('-5.00', 0)).toBe('-5.00');
    expect(gmtNow('-5.00', 1)).toBe('-4');
    expect(gmtNow('5.50', 1)).toBe('6.5');
    expect(gmtNow('-1.00', 1)).toBe('0');
  });

  test('local date and time as clients send them (callback times), in the zone', () => {
    const at = (text: string, zone: string): string | undefined => parseLocalDateTime(text, zone)?.toISOString();
    expect(at('2030-06-01 09:30:00', 'America/New_York')).toBe('2030-06-01T13:30:00.000Z');
    expect(at('2030-01-15 12:00', 'Asia/Kolkata')).toBe('2030-01-15T06:30:00.000Z');
    expect(at('2012-01-25 12:00:00', 'UTC')).toBe('2012-01-25T12:00:00.000Z');
    // A time DST skips reads as the hour before; a repeated one as its first occurrence.
    expect(at('2030-03-10 02:30:00', 'America/New_York')).toBe('2030-03-10T06:30:00.000Z');
    expect(at('2030-11-03 01:30:00', 'America/New_York')).toBe('2030-11-03T05:30:00.000Z');
    for (const text of ['2030-02-30 10:00:00', '2030-13-01 10:00:00', '2030-01-01 24:00:00', '2030-01-01', 'tomorrow 10:00', '2030-01-01 10:00:00 x']) {
      expect(at(text, 'UTC')).toBeUndefined();
    }
  });

  test('version lines', () => {
    const settings = { ...defaultVicidialSettings, timeZone: 'America/New_York' };
    expect(agentApiVersionLine(settings, summer)).toBe('VERSION: 2.14-82|BUILD: 250122-1010|DATE: 2025-07-04 12:05:09|EPOCH: 1751645109');
    expect(nonAgentApiVersionLine(settings, summer)).toBe('VERSION: 2.14-202|BUILD: 250720-1841|DATE: 2025-07-04 12:05:09|EPOCH: 1751645109|DST: 1|TZ: -5.00|TZNOW: -4|');
    expect(nonAgentApiVersionLine(settings, winter)).toBe('VERSION: 2.14-202|BUILD: 250720-1841|DATE: 2025-01-14 22:04:05|EPOCH: 1736910245|DST: 0|TZ: -5.00|TZNOW: -5.00|');
    expect(nonAgentApiVersionLine({ ...settings, localGmt: '-6.00' }, summer)).toContain('|DST: 1|TZ: -6.00|TZNOW: -5|');
  });
});

describe('DomainError mapping (errors.ts)', () => {
  test('every core code has a wire kind', () => {
    for (const code of DomainErrorCodes) expect(DOMAIN_ERROR_TABLE[code]).toBeDefined();
  });

  test('audio answers paused-again as SUCCESS; other functions never turn those codes into one', () => {
    expect(refusalOf(audioPlayback, new DomainError('PLAYBACK_NOT_PLAYING')).kind).toBe('accepted_as_is');
    expect(refusalOf(externalPause, new DomainError('PLAYBACK_NOT_PLAYING')).kind).toBe('service_unavailable');
    expect(refusalOf(logout, new DomainError('PBX_UNAVAILABLE')).kind).toBe('telephony_failed');
    expect(refusalOf(externalHangup, new DomainError('PBX_REJECTED')).kind).toBe('telephony_failed');
    expect(refusalOf(audioPlayback, new Error('connection reset')).kind).toBe('service_unavailable');
  });
});

describe('script paths as Apache maps them (wire/script-path)', () => {
  const scripts = ['/agc/api.php', '/vicidial/non_agent_api.php'];
  test.each([
    ['/agc/api.php', '/agc/api.php'],
    ['//vicidial/non_agent_api.php', '/vicidial/non_agent_api.php'],
    ['/vicidial//non_agent_api.php', '/vicidial/non_agent_api.php'],
    ['/agc//../vicidial/non_agent_api.php', '/vicidial/non_agent_api.php'],
    ['/vicidial/./non_agent_api.php/', '/vicidial/non_agent_api.php'],
    ['/vicidial/non%5Fagent%5Fapi.php', '/vicidial/non_agent_api.php'],
    ['/agc/%2E/api.php', '/agc/api.php'],
    ['/agc/api.php/.', '/agc/api.php'],
  ])('%s is %s', (path, script) => {
    expect(scriptOfPath(path, scripts)).toBe(script);
  });

  test.each(['', 'agc/api.php', '/agc/api.php%2f', '/agc%2fapi.php', '/..', '/agc/api.php/../..', '/agc/%E9/../api.php%ZZ', '/vicidial/non_agent_api'])('%s is none', (path) => {
    expect(scriptOfPath(path, scripts)).toBeNull();
  });
});

describe('send_dtmf keys', () => {
  test('P is #, S is *, Q a second of silence; digits and A-D as they are; anything else is no key', () => {
    expect(dtmfKeys('QQQQ1234SQQQQQ6654P')).toBe(',,,,1234*,,,,,6654#');
    expect(dtmfKeys('ABCD09')).toBe('ABCD09');
    expect(dtmfKeys('abc-E_|x')).toBe('');
  });
});
