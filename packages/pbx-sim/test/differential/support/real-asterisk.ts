import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIFFERENTIAL_DIALPLAN } from './dialplan';

const PREFIX = process.env.PBX_GATEWAY_ASTERISK_PREFIX ?? '/opt/asterisk';

export interface RealAsterisk {
  url: string;
  /** Runs one CLI command on it (`asterisk -rx`). */
  cli(command: string): Promise<string>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function configuration(dir: string, httpPort: number, sipPort: number, farPort: number, rtpStart: number): Record<string, string> {
  return {
    'asterisk.conf': [
      '[directories]',
      `astetcdir => ${dir}/etc`,
      `astmoddir => ${PREFIX}/lib/asterisk/modules`,
      `astvarlibdir => ${PREFIX}/var/lib/asterisk`,
      `astdatadir => ${PREFIX}/var/lib/asterisk`,
      `astkeydir => ${PREFIX}/var/lib/asterisk`,
      `astdbdir => ${dir}/db`,
      `astspooldir => ${dir}/spool`,
      `astrundir => ${dir}/run`,
      `astlogdir => ${dir}/log`,
      `astsbindir => ${PREFIX}/sbin`,
      '[options]',
    ].join('\n'),
    'modules.conf': [
      '[modules]',
      'autoload = yes',
      ...['chan_iax2', 'chan_skinny', 'chan_mgcp', 'chan_unistim', 'pbx_dundi', 'res_hep', 'res_hep_pjsip', 'res_hep_rtcp', 'app_queue', 'app_confbridge', 'res_parking', 'res_phoneprov', 'res_pjsip_phoneprov_provider'].map((m) => `noload => ${m}.so`),
    ].join('\n'),
    'http.conf': `[general]\nenabled = yes\nbindaddr = 127.0.0.1\nbindport = ${httpPort}\n`,
    'ari.conf': '[general]\nenabled = yes\npretty = no\n[gateway]\ntype = user\nread_only = no\npassword = gateway\n',
    'rtp.conf': `[general]\nrtpstart = ${rtpStart}\nrtpend = ${rtpStart + 99}\n`,
    'logger.conf': '[logfiles]\nmessages => notice,warning,error\n',
    'musiconhold.conf': '[default]\nmode = files\ndirectory = moh\n',
    // The far end is this Asterisk itself, reached over a second loopback transport.
    'pjsip.conf': [
      `[transport-udp]\ntype = transport\nprotocol = udp\nbind = 127.0.0.1:${sipPort}`,
      `[transport-far]\ntype = transport\nprotocol = udp\nbind = 127.0.0.1:${farPort}`,
      '[far]\ntype = endpoint\ncontext = far-end\ndisallow = all\nallow = ulaw\ntransport = transport-far\ndtmf_mode = rfc4733\ndirect_media = no',
      `[far]\ntype = identify\nendpoint = far\nmatch = 127.0.0.1:${sipPort}`,
      '[trunk]\ntype = endpoint\ncontext = from-trunk\ndisallow = all\nallow = ulaw\ntransport = transport-udp\ndtmf_mode = rfc4733\ndirect_media = no\naors = trunk',
      `[trunk]\ntype = aor\ncontact = sip:127.0.0.1:${farPort}`,
    ].join('\n'),
    'extensions.conf': DIFFERENTIAL_DIALPLAN,
  };
}

async function waitUntilBooted(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Asterisk exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/ari/asterisk/info`, { headers: { Authorization: `Basic ${Buffer.from('gateway:gateway').toString('base64')}` } });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('Asterisk did not boot within 20 s');
}

/** A real Asterisk 22.10.1 of its own (ports, run folders) for one test file. */
export async function startRealAsterisk(): Promise<RealAsterisk> {
  const binary = `${PREFIX}/sbin/asterisk`;
  if (!existsSync(binary)) throw new Error(`no Asterisk at ${binary}: install /work/shared/asterisk (see its README)`);
  const dir = mkdtempSync(join(tmpdir(), 'pbx-sim-differential-'));
  for (const sub of ['etc', 'db', 'spool/recording', 'run', 'log']) mkdirSync(join(dir, sub), { recursive: true });
  const httpPort = await freePort();
  const sipPort = await freePort();
  const farPort = await freePort();
  const rtpStart = 20000 + 100 * Math.floor(Math.random() * 300);
  for (const [file, text] of Object.entries(configuration(dir, httpPort, sipPort, farPort, rtpStart))) writeFileSync(join(dir, 'etc', file), text);
  const conf = join(dir, 'etc', 'asterisk.conf');
  const child = spawn(binary, ['-f', '-C', conf], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${httpPort}`;
  const cli = (command: string): Promise<string> =>
    new Promise((resolve) => {
      const out: Buffer[] = [];
      const run = spawn(binary, ['-C', conf, '-rx', command]);
      run.stdout.on('data', (c: Buffer) => out.push(c));
      run.on('close', () => resolve(Buffer.concat(out).toString('utf8')));
    });
  try {
    await waitUntilBooted(url, child);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    cli,
    async stop() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
