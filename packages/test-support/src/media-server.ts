import { createServer, type Server } from 'node:http';
import { silenceWav } from './asterisk/sounds';

/**
 * Audio a test can hand out by URL (Sip_Call's online voice files): WAV
 * silence of the length the path names, `/<ms>/<name>.wav`, served on
 * loopback so that both engines really can fetch it.
 */
export interface MediaServer {
  /** `http://127.0.0.1:PORT/<ms>/<name>.wav` */
  url(name: string, ms: number): string;
  close(): Promise<void>;
}

export async function startMediaServer(): Promise<MediaServer> {
  const server: Server = createServer((req, res) => {
    const match = /^\/(\d{1,7})\/[A-Za-z0-9_-]+\.wav$/.exec(req.url ?? '');
    if (!match || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404).end();
      return;
    }
    const wav = silenceWav(Number(match[1]));
    res.writeHead(200, { 'content-type': 'audio/x-wav', 'content-length': wav.length });
    res.end(req.method === 'HEAD' ? undefined : wav);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (name, ms) => `http://127.0.0.1:${port}/${Math.round(ms)}/${name}.wav`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
