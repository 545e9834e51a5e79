import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import express from 'express';
import { createExpressServer } from '@pbx-gateway/server';
import { tellParent } from '../harness/node-scripts';

/**
 * Baseline: a bare Express route answering a fixed body (Express's routing,
 * query parsing and response methods, its defaults left as they are). The
 * body comes from a file: a large one (a listcalls answer) does not fit in
 * an argument. With `gateway-server`, the app is served as the gateway
 * serves its own (`createExpressServer`: requests born with Express's
 * prototypes); otherwise as `app.listen` serves it.
 */
const body = readFileSync(process.argv[2]!, 'utf8');
const contentType = process.argv[3] ?? 'text/plain; charset=utf-8';
const onGatewayServer = process.argv[4] === 'gateway-server';
const app = express();
app.all('/{*path}', (_request, response) => {
  response.type(contentType).send(body);
});
const server = (onGatewayServer ? createExpressServer(app) : createServer(app)).listen(0, '127.0.0.1', () => {
  const address = server.address();
  tellParent({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
