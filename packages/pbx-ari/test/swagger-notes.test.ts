import { createServer, type Server } from 'node:http';
import { loadAriClient } from '../src/ari-client-facade';

/**
 * Asterisk serves its resource listing as Swagger 1.1, and ari-client's
 * Swagger loader prints a note about it to stdout with console.log. The
 * gateway's stdout is one JSON object per line: the note must reach the
 * adapter's logger instead.
 */
describe("ari-client's Swagger notes", () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    // The resource listing as Asterisk 22 serves it (Swagger 1.1), with one resource that has no operations.
    server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url?.startsWith('/ari/api-docs/resources.json')) {
        res.end(JSON.stringify({ apiVersion: '9.0.0', swaggerVersion: '1.1', basePath: `${url}/ari`, apis: [{ path: '/api-docs/asterisk.{format}', description: 'Asterisk resources' }] }));
      } else {
        res.end(JSON.stringify({ apiVersion: '9.0.0', swaggerVersion: '1.2', basePath: `${url}/ari`, resourcePath: '/api-docs/asterisk.{format}', apis: [], models: {} }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('go to the sink the adapter passes, not to stdout', async () => {
    const notes: string[] = [];
    const printed = jest.spyOn(console, 'log');
    const written = jest.spyOn(process.stdout, 'write');
    try {
      await loadAriClient(url, 'gateway', 'gateway', (note) => notes.push(note));
      expect(notes).toEqual(['This API is using a deprecated version of Swagger!  Please see http://github.com/wordnik/swagger-core/wiki for more info']);
      expect(printed).not.toHaveBeenCalled();
      expect(written).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
      written.mockRestore();
    }
  });
});
