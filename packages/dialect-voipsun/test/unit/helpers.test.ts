import { mayUse } from '../../src/auth';
import { toEngineChannelName, toWireChannelName } from '../../src/wire/channel-name';
import { truncate } from '../../src/wire/text';
import { apiUser } from '../support/voipsun-core';

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


test('truncate counts characters, not UTF-16 units', () => {
  expect(truncate('😀😀😀', 2)).toBe('😀😀');
  expect(truncate('abc', 5)).toBe('abc');
});
