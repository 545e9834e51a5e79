import { createLogger } from '../src';
import { captureLog } from './support/log-capture';

describe('secret redaction in structured logs', () => {
  it('redacts secrets two levels down, in arrays too, and leaves the logged object as it was', () => {
    const { stream, lines } = captureLog();
    const logger = createLogger({ level: 'info', destination: stream });
    const facts = { request: { headers: { cookie: 'c=1', accept: '*/*' } }, users: [{ login: 'a', password: 'p1' }], secret: 's' };
    const before = JSON.stringify(facts);
    logger.info(facts, 'request seen');
    expect(JSON.stringify(facts)).toBe(before);
    expect(lines()[0]).toMatchObject({
      request: { headers: { cookie: '[redacted]', accept: '*/*' } },
      users: [{ login: 'a', password: '[redacted]' }],
      secret: '[redacted]',
    });
  });

  it('writes a line without secrets unchanged, errors serialized as before', () => {
    const { stream, lines } = captureLog();
    createLogger({ level: 'info', destination: stream }).error({ err: new Error('boom'), count: 2, nested: { list: [1, 2] } }, 'failed');
    expect(lines()[0]).toMatchObject({ count: 2, nested: { list: [1, 2] }, err: { type: 'Error', message: 'boom' } });
  });
});
