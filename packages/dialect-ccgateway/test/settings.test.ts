import { checkCcgatewaySettings, createCcgatewayDialect, defaultCcgatewaySettings } from '../src';
import { createTestCore } from '@pbx-gateway/test-support';

const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

describe('CC-Gateway settings', () => {
  it('accepts the defaults', () => {
    expect(checkCcgatewaySettings(defaultCcgatewaySettings)).toEqual(defaultCcgatewaySettings);
  });

  it.each([
    [{ idleSweepMs: 0 }, /idleSweepMs must be an integer of at least 10/],
    [{ pollWaitMs: -5 }, /pollWaitMs must be an integer of at least 1/],
    [{ phoneNumberPattern: '([0-9' }, /phoneNumberPattern must be a regular expression/],
    [{ agentIdRange: { min: 500, max: 100 } }, /agentIdRange must be/],
    [{ authMode: 'sometimes' }, /authMode must be static or dynamic/],
    [{ nodeName: 'Agent Gateway' }, /nodeName must be/],
    [{ pushCallbackHosts: 'crm.example.com' }, /pushCallbackHosts must be a list of host names/],
    [{ pushCallbackHosts: ['crm.example.com/path'] }, /pushCallbackHosts must be a list of host names/],
    [{ pushRetryEveryMs: 0 }, /pushRetryEveryMs must be an integer of at least 10/],
    [{ pushRetryForMs: -1 }, /pushRetryForMs must be an integer of at least 0/],
  ])('refuses %j at start, naming the setting', async (override, message) => {
    const settings = { ...defaultCcgatewaySettings, ...override } as typeof defaultCcgatewaySettings;
    expect(() => checkCcgatewaySettings(settings)).toThrow(message);
    const { core } = await createTestCore();
    expect(() => createCcgatewayDialect({ core, logger, settings })).toThrow(message);
  });
});
