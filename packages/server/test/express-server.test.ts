import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { createExpressServer } from '../src/http/express-server';

// The gateway's HTTP server: requests born with the app's Express prototypes answer exactly as on Express's own server.

function sampleApp(): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.get('/echo', (req: Request, res: Response) => {
    res.status(201).type('text/plain').set('X-Seen', `${req.ip}|${req.path}|${req.hostname}`).send(`q=${String(req.query.q)} a=${req.get('x-a') ?? ''}`);
  });
  app.post('/json', express.json(), (req: Request, res: Response) => {
    res.json({ got: req.body as unknown });
  });
  app.get('/fail', () => {
    throw new Error('boom');
  });
  app.use((_req: Request, res: Response) => {
    res.status(404).type('text/plain').end('Not Found\n');
  });
  app.use((_error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    res.status(400).type('text/plain').end('Bad Request\n');
  });
  return app;
}

async function listening(server: Server): Promise<{ url: string; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

async function answersOf(url: string): Promise<Answer[]> {
  const asked: Array<[string, RequestInit]> = [
    ['/echo?q=1&q=2', { headers: { 'x-a': 'b' } }],
    ['/json', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":[1,2]}' }],
    ['/json', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' }],
    ['/fail', {}],
    ['/nowhere', {}],
  ];
  const answers: Answer[] = [];
  for (const [path, init] of asked) {
    const response = await fetch(`${url}${path}`, init);
    const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== 'date' && name !== 'keep-alive' && name !== 'connection'));
    answers.push({ status: response.status, headers, body: await response.text() });
  }
  return answers;
}

test('answers every request as the app on Express’s own server does', async () => {
  const plain = await listening(createServer(sampleApp()));
  const gateway = await listening(createExpressServer(sampleApp()));
  try {
    const expected = await answersOf(plain.url);
    expect(expected.map((answer) => answer.status)).toEqual([201, 200, 400, 400, 404]);
    expect(expected[0]!.headers['x-seen']).toBe('127.0.0.1|/echo|127.0.0.1');
    expect(await answersOf(gateway.url)).toEqual(expected);
  } finally {
    await plain.close();
    await gateway.close();
  }
});

test('a request has the app’s Express prototype before Express sees it, so Express does not re-parent it', async () => {
  const app = sampleApp();
  const server = createExpressServer(app);
  const seen: Array<{ before: object | null; appRequest: object; isExpressRequest: boolean }> = [];
  server.prependListener('request', (req: IncomingMessage) => {
    seen.push({ before: Object.getPrototypeOf(req) as object | null, appRequest: app.request, isExpressRequest: 'ip' in req && 'query' in req });
  });
  const { url, close } = await listening(server);
  try {
    await fetch(`${url}/echo?q=1`);
  } finally {
    await close();
  }
  expect(seen).toHaveLength(1);
  expect(seen[0]!.before).toBe(seen[0]!.appRequest);
  expect(seen[0]!.isExpressRequest).toBe(true);
});

test('on a server of its own, the same app still answers (a test calling the app directly)', async () => {
  const app = sampleApp();
  createExpressServer(app);
  const other = await listening(createServer(app));
  try {
    const response = await fetch(`${other.url}/echo?q=7`);
    expect(response.status).toBe(201);
    expect(await response.text()).toBe('q=7 a=');
  } finally {
    await other.close();
  }
});
