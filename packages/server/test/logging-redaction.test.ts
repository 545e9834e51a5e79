import { Writable } from 'node:stream';
import { createLogger } from '../src';

function capture(): { stream: Writable; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, lines: () => chunks.join('').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('secret redaction in structured logs', () => {
  it('redacts secrets two levels down, in arrays too, and leaves the logged object as it was', () => {
    const { stream, lines } = capture();
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
    const { stream, lines } = capture();
    createLogger({ level: 'info', destination: stream }).error({ err: new Error('boom'), count: 2, nested: { list: [1, 2] } }, 'failed');
    expect(lines()[0]).toMatchObject({ count: 2, nested: { list: [1, 2] }, err: { type: 'Error', message: 'boom' } });
  });
});
