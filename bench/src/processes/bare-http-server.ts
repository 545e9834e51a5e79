import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tellParent } from '../harness/node-scripts';

/**
 * Baseline: Node's own HTTP server answering a fixed body, the least any
 * HTTP server can cost. The body comes from a file: a large one does not
 * fit in an argument.
 */
const body = readFileSync(process.argv[2]!);
const contentType = process.argv[3] ?? 'text/plain; charset=utf-8';
const server = createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': contentType, 'Content-Length': body.length });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  tellParent({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
