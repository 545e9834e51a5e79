import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAsterisk, type RunningAsterisk } from '../src/asterisk/start';
import { projectAsteriskConfigDir, projectAsteriskConfigFiles } from '../src/asterisk/project-config';

describe('startAsterisk: the reference Asterisk with the project configuration', () => {
  let asterisk: RunningAsterisk;
  beforeAll(async () => {
    asterisk = await startAsterisk();
  });
  afterAll(async () => {
    await asterisk?.close();
  });

  it('serves ARI with the account of ari.conf and reports 22.10.1', async () => {
    const info = await asterisk.ari('GET', '/asterisk/info');
    expect(info.status).toBe(200);
    expect((info.body as { system: { version: string } }).system.version).toBe('22.10.1');
  });

  it('runs the shipped files unchanged, plus the site files their #tryinclude lines read', () => {
    for (const file of projectAsteriskConfigFiles()) {
      expect(readFileSync(join(asterisk.dir, 'etc', file), 'utf8')).toBe(readFileSync(join(projectAsteriskConfigDir(), file), 'utf8'));
    }
    for (const site of ['http_site.conf', 'pjsip_site.conf', 'extensions_site.conf', 'rtp_site.conf']) {
      expect(existsSync(join(asterisk.dir, 'etc', site))).toBe(true);
    }
  });

  it('has every phone of pjsip.conf online and the trunk', async () => {
    const endpoints = (await asterisk.ari('GET', '/endpoints/PJSIP')).body as Array<{ resource: string; state: string }>;
    const states = Object.fromEntries(endpoints.map((endpoint) => [endpoint.resource, endpoint.state]));
    for (const phone of ['1000', '101', '102', '40038', 'sip100', 'sip101', 'sip102']) expect(states[phone]).toBe('online');
    expect(Object.keys(states)).toContain('upc');
  });

  it('can list stored recordings (the spool has its recording folder)', async () => {
    const recordings = await asterisk.ari('GET', '/recordings/stored');
    expect(recordings).toEqual({ status: 200, body: [] });
  });

  it('loads the modules the gateway needs and none of the unused listeners', async () => {
    const modules = (await asterisk.ari('GET', '/asterisk/modules')).body as Array<{ name: string; status: string }>;
    const running = new Set(modules.filter((module) => module.status === 'Running').map((module) => module.name));
    for (const needed of ['res_ari_channels.so', 'app_stasis.so', 'chan_pjsip.so', 'app_queue.so', 'app_confbridge.so', 'res_musiconhold.so', 'res_http_media_cache.so', 'res_stasis_recording.so', 'bridge_softmix.so']) {
      expect(running).toContain(needed);
    }
    for (const unused of ['chan_iax2.so', 'chan_unistim.so', 'pbx_dundi.so', 'res_hep.so']) expect(running).not.toContain(unused);
  });
});

describe('stopping the reference Asterisk', () => {
  it('leaves no process and no folder behind', async () => {
    const asterisk = await startAsterisk();
    const pid = Number(readFileSync(join(asterisk.dir, 'run', 'asterisk.pid'), 'utf8').trim());
    await asterisk.close();
    expect(existsSync(asterisk.dir)).toBe(false);
    expect(existsSync(`/proc/${pid}`)).toBe(false);
  });
});
