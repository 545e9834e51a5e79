import { createLogger } from '../src';
import { captureLog } from './support/log-capture';

describe('structured logs', () => {
  it('never writes a secret, whatever object it hides in', () => {
    const { stream, lines } = captureLog();
    const logger = createLogger({ level: 'info', destination: stream });
    logger.info({ params: { user: '6666', pass: '1234', token: 'abc', accesskey: 'k' }, headers: { authorization: 'Basic x', guid: 'g' } }, 'api request');
    logger.info({ password: 'p', agentPin: '9999' }, 'login');
    const [first, second] = lines();
    expect(first).toMatchObject({ msg: 'api request', params: { user: '6666', pass: '[redacted]', token: '[redacted]', accesskey: '[redacted]' } });
    expect(first!.headers).toEqual({ authorization: '[redacted]', guid: '[redacted]' });
    expect(second).toMatchObject({ password: '[redacted]', agentPin: '[redacted]' });
    const text = JSON.stringify(lines());
    for (const secret of ['1234', '"abc"', 'Basic x', '9999']) expect(text).not.toContain(secret);
  });

  it('writes one JSON object per line with level, time and service', () => {
    const { stream, lines } = captureLog();
    createLogger({ level: 'info', destination: stream }).warn({ component: 'core' }, 'telephony engine disconnected');
    expect(lines()[0]).toMatchObject({ level: 40, service: 'pbx-gateway', component: 'core', msg: 'telephony engine disconnected' });
    expect(typeof lines()[0]!.time).toBe('string');
  });
});
