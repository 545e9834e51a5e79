import { selectExtension } from '../../src/operations/extension-state-check';
import { mayUse } from '../../src/auth';
import { toEngineChannelName, toWireChannelName } from '../../src/wire/channel-name';
import { truncate } from '../../src/wire/text';
import { apiUser, demoExtensions, extension } from '../support/fake-core';

describe('permissions', () => {
  test.each([
    [['*'], 'originate', true],
    [['Originate'], 'originate', true],
    [['originate'], 'originate', true],
    [['Hang up call'], 'hangupcall', true],
    [['hang_up_call'], 'hangupcall', true],
    [['HANGUPCALL'], 'hangupcall', true],
    [['Call list'], 'listcalls', true],
    [['listcalls'], 'listcalls', true],
    [['Call list'], 'originate', false],
    [['SIP status', 'Eavesdrop'], 'listcalls', false],
    [[], 'listcalls', false],
    [['**'], 'listcalls', false],
  ] as const)('%j may use %s: %s', (permissions, action, expected) => {
    expect(mayUse(apiUser('u', 'p', [...permissions]), action)).toBe(expected);
  });
});

describe('channel names', () => {
  test.each([
    ['SIP\\5555-0000b704', 'PJSIP/5555-0000b704'],
    ['SIP/555-0000b70f', 'PJSIP/555-0000b70f'],
    ['PJSIP/sip100-00000001', 'PJSIP/sip100-00000001'],
    ['PJSIP\\sip100-00000001', 'PJSIP/sip100-00000001'],
    ['Local/100@default-00000001;1', 'Local/100@default-00000001;1'],
    ['sip/lower-1', 'sip/lower-1'],
  ])('%s from a client is %s for the engine', (wire, engine) => {
    expect(toEngineChannelName(wire)).toBe(engine);
  });

  test('the SIP prefix setting rewrites PJSIP names only', () => {
    expect(toWireChannelName('PJSIP/sip100-1', 'SIP')).toBe('SIP/sip100-1');
    expect(toWireChannelName('Local/x-1;1', 'SIP')).toBe('Local/x-1;1');
    expect(toWireChannelName('PJSIP/sip100-1', 'PJSIP')).toBe('PJSIP/sip100-1');
  });
});

describe('extension selection for checkExten (the core’s lookup rules)', () => {
  const lines = [...demoExtensions, extension(8, '100', '299299100', 'sip100b', 'branch')];

  test('each selector names its extension', () => {
    expect(selectExtension(lines, { by: 'public_number', value: '299299000' }, null)?.id).toBe(5);
    expect(selectExtension(lines, { by: 'sip_username', value: 'sip100' }, null)?.id).toBe(5);
    expect(selectExtension(lines, { by: 'id', value: '7' }, null)?.id).toBe(7);
    expect(selectExtension(lines, { by: 'internal_number', value: '100' }, 'branch')?.id).toBe(8);
  });

  test('ambiguous, unknown, malformed ids and unknown dial plans name none', () => {
    expect(selectExtension(lines, { by: 'internal_number', value: '100' }, null)).toBeNull();
    expect(selectExtension(lines, { by: 'internal_number', value: '100' }, 'nowhere')).toBeNull();
    expect(selectExtension(lines, { by: 'id', value: '5.0' }, null)).toBeNull();
    expect(selectExtension(lines, { by: 'id', value: '99' }, null)).toBeNull();
  });
});

test('truncate counts characters, not UTF-16 units', () => {
  expect(truncate('😀😀😀', 2)).toBe('😀😀');
  expect(truncate('abc', 5)).toBe('abc');
});
