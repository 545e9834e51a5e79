import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRequestBody, type BodyLimits, type RequestBody } from '../src';

/** Sends `body` to a one-shot server that reads it with readRequestBody. */
async function readBack(body: Buffer | string, headers: Record<string, string>, limits: Partial<BodyLimits> = {}): Promise<RequestBody> {
  let resolveRead: (value: RequestBody) => void = () => undefined;
  const read = new Promise<RequestBody>((resolve) => (resolveRead = resolve));
  const server: Server = createServer((req: IncomingMessage, res) => {
    void readRequestBody(req, limits).then((result) => {
      resolveRead(result);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', () => resolve());
    req.end(body);
  });
  server.close();
  return read;
}

describe('reading request bodies', () => {
  it('reads url-encoded forms, + as a space and the last repeat winning', async () => {
    expect(await readBack('a=1&a=2&b=x+y', { 'Content-Type': 'application/x-www-form-urlencoded' })).toEqual({ kind: 'form', params: { a: '2', b: 'x y' } });
  });

  it('reads multipart forms, ignoring uploaded files', async () => {
    const boundary = 'XyZ';
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="service"',
      '',
      'App.Sip_Call.PlayVoice',
      `--${boundary}`,
      'Content-Disposition: form-data; name="upload"; filename="a.txt"',
      'Content-Type: text/plain',
      '',
      'file content',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    expect(await readBack(body, { 'Content-Type': `multipart/form-data; boundary=${boundary}` })).toEqual({ kind: 'form', params: { service: 'App.Sip_Call.PlayVoice' } });
  });

  it('parses JSON, and reports malformed JSON and multipart as problems, never throwing', async () => {
    expect(await readBack('{"a":1}', { 'Content-Type': 'application/json; charset=UTF-8' })).toEqual({ kind: 'json', value: { a: 1 } });
    expect(await readBack('{bad', { 'Content-Type': 'application/json' })).toEqual({ kind: 'problem', problem: 'malformed' });
    expect(await readBack('no boundary here', { 'Content-Type': 'multipart/form-data' })).toEqual({ kind: 'problem', problem: 'malformed' });
  });

  it('keeps other types as text, and gives text whatever the type when asked', async () => {
    expect(await readBack('hello', { 'Content-Type': 'text/plain' })).toEqual({ kind: 'text', text: 'hello' });
    expect(await readBack('{"a":1}', { 'Content-Type': 'application/json' }, { as: 'text' })).toEqual({ kind: 'text', text: '{"a":1}' });
    expect(await readBack('', { 'Content-Type': 'application/json' })).toEqual({ kind: 'none' });
  });

  it('gives the text one character per byte when asked for latin1, UTF-8 or not', async () => {
    const bytes = Buffer.from([0x61, 0xc3, 0xa9, 0xff, 0x3d]);
    expect(await readBack(bytes, { 'Content-Type': 'application/x-www-form-urlencoded' }, { as: 'latin1' })).toEqual({ kind: 'text', text: 'a\u00c3\u00a9\u00ff=' });
  });

  it('refuses bodies over the limit, declared or streamed, and forms with too many fields', async () => {
    expect(await readBack('x'.repeat(2048), { 'Content-Type': 'text/plain' }, { maxBytes: 1024 })).toEqual({ kind: 'problem', problem: 'too_large' });
    expect(await readBack('x'.repeat(2048), { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' }, { maxBytes: 1024 })).toEqual({ kind: 'problem', problem: 'too_large' });
    const fields = Array.from({ length: 20 }, (_, i) => `f${i}=v`).join('&');
    expect(await readBack(fields, { 'Content-Type': 'application/x-www-form-urlencoded' }, { maxFields: 10 })).toEqual({ kind: 'problem', problem: 'too_large' });
  });
});
