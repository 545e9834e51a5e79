import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, defaultGatewayConfig, loadConfig } from '../src';

describe('configuration from the environment', () => {
  it('runs on its embedded defaults with the demo tenant when nothing is configured', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({ host: '0.0.0.0', port: 8080, maxHeaderBytes: 1024 * 1024 });
    expect(config.database.url).toBeNull();
    expect(config.ari.url).toBeNull();
    expect(config.demo).toBe(true);
    expect(config.simulator.port).toBe(8088);
  });

  it('takes Postgres and Asterisk from DATABASE_URL and ARI_*, without the demo', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://gw@db:5432/gw',
      ARI_URL: 'http://asterisk:8088',
      ARI_USER: 'ari',
      ARI_PASSWORD: 's3cret',
      ARI_APP: 'crm',
      ARI_TIMEOUT_MS: '2500',
      ARI_KEEP_ALIVE_MS: '1500',
      PORT: '9090',
      SERVER_IP: '192.0.2.7',
    });
    expect(config.database.url).toBe('postgres://gw@db:5432/gw');
    expect(config.database.poolMax).toBe(30);
    expect(config.ari).toEqual({ url: 'http://asterisk:8088', user: 'ari', password: 's3cret', app: 'crm', requestTimeoutMs: 2500, keepAliveMs: 1500 });
    expect(config.http.port).toBe(9090);
    expect(config.core.serverIp).toBe('192.0.2.7');
    expect(config.demo).toBe(false);
  });

  it('keeps connections to Asterisk alive 4 s by default, and not at all with ARI_KEEP_ALIVE_MS=0', () => {
    expect(loadConfig({}).ari.keepAliveMs).toBe(4000);
    expect(loadConfig({ ARI_KEEP_ALIVE_MS: '0' }).ari.keepAliveMs).toBe(0);
  });

  it('lets request lines and headers take 1 MiB (long VICIdial query strings), HTTP_MAX_HEADER_BYTES otherwise', () => {
    expect(loadConfig({ HTTP_MAX_HEADER_BYTES: '65536' }).http.maxHeaderBytes).toBe(65536);
  });

  it('keeps only the SHA-256 of ADMIN_API_KEY, takes a hash as it is, and leaves the admin API off without either', () => {
    const key = 'k'.repeat(32);
    const hash = createHash('sha256').update(key).digest('hex');
    expect(loadConfig({}).admin).toEqual({ apiKeySha256: null });
    expect(loadConfig({ ADMIN_API_KEY: key }).admin).toEqual({ apiKeySha256: hash });
    expect(JSON.stringify(loadConfig({ ADMIN_API_KEY: key }))).not.toContain(key);
    expect(loadConfig({ ADMIN_API_KEY_SHA256: hash.toUpperCase() }).admin).toEqual({ apiKeySha256: hash });
  });

  it('keeps only the SHA-256 of METRICS_KEY, takes a hash from the environment or the file, and leaves /metrics open without either', () => {
    const key = 'm'.repeat(24);
    const hash = createHash('sha256').update(key).digest('hex');
    expect(loadConfig({}).metrics).toEqual({ keySha256: null });
    expect(loadConfig({ METRICS_KEY: key }).metrics).toEqual({ keySha256: hash });
    expect(JSON.stringify(loadConfig({ METRICS_KEY: key }))).not.toContain(key);
    expect(loadConfig({ METRICS_KEY_SHA256: hash.toUpperCase() }).metrics).toEqual({ keySha256: hash });
    const file = join(mkdtempSync(join(tmpdir(), 'metrics-key-')), 'config.yaml');
    writeFileSync(file, `metrics:\n  keySha256: ${hash}\n`);
    expect(loadConfig({ CONFIG_FILE: file }).metrics).toEqual({ keySha256: hash });
    expect(loadConfig({ CONFIG_FILE: file, METRICS_KEY: 'n'.repeat(20) }).metrics.keySha256).not.toBe(hash);
  });

  it('keeps event-stream entries 24 hours unless EVENT_STREAM_RETENTION_HOURS says otherwise', () => {
    expect(loadConfig({}).eventStream).toEqual({ retentionHours: 24 });
    expect(loadConfig({ EVENT_STREAM_RETENTION_HOURS: '1.5' }).eventStream).toEqual({ retentionHours: 1.5 });
  });

  it('lists no sounds directory unless SOUNDS_DIRECTORY names one', () => {
    expect(loadConfig({}).sounds).toEqual({ directory: null });
    expect(loadConfig({ SOUNDS_DIRECTORY: '/var/lib/asterisk/sounds/custom' }).sounds).toEqual({ directory: '/var/lib/asterisk/sounds/custom' });
  });

  it('lets DEMO switch the demo tenant either way', () => {
    expect(loadConfig({ DEMO: '0' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x/y', DEMO: '1' }).demo).toBe(true);
  });

  it('reads audio hosts and path mappings', () => {
    const config = loadConfig({ MEDIA_URL_HOSTS: 'media.example.com, *.cdn.example.com', MEDIA_PATH_MAPPINGS: 'Y:/=sound:recordings/,Z:/=sound:z/' });
    expect(config.core.media).toEqual({
      urlHosts: ['media.example.com', '*.cdn.example.com'],
      pathMappings: [
        { prefix: 'Y:/', media: 'sound:recordings/' },
        { prefix: 'Z:/', media: 'sound:z/' },
      ],
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a port number/],
    [{ PORT: '70000' }, /PORT must be a port number/],
    [{ ARI_TIMEOUT_MS: '-1' }, /ARI_TIMEOUT_MS must be a positive number/],
    [{ ARI_KEEP_ALIVE_MS: '-1' }, /ARI_KEEP_ALIVE_MS must be 0 or a positive number/],
    [{ DATABASE_POOL_MAX: '0' }, /DATABASE_POOL_MAX must be a positive number/],
    [{ HTTP_MAX_HEADER_BYTES: '0' }, /HTTP_MAX_HEADER_BYTES must be a positive number/],
    [{ ADMIN_API_KEY: 'short' }, /ADMIN_API_KEY must be at least 16 characters long/],
    [{ ADMIN_API_KEY_SHA256: 'abc' }, /must be 64 hexadecimal digits/],
    [{ METRICS_KEY: 'short' }, /METRICS_KEY must be at least 16 characters long/],
    [{ METRICS_KEY_SHA256: 'abc' }, /METRICS_KEY_SHA256 \(metrics.keySha256\) must be 64 hexadecimal digits/],
    [{ DEMO: 'maybe' }, /DEMO must be 1 or 0/],
    [{ EVENT_STREAM_RETENTION_HOURS: '0' }, /EVENT_STREAM_RETENTION_HOURS must be a positive number/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ MEDIA_PATH_MAPPINGS: 'Y:/' }, /must be prefix=media/],
  ])('refuses %j with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('refuses a callback timeout that would outlast the claim on a callback (it could be sent twice)', () => {
    expect(() => loadConfig({ CALLBACK_TIMEOUT_MS: '30000' })).toThrow(/CALLBACK_TIMEOUT_MS \(30000\) must be shorter than core.outbox.leaseMs \(30000\)/);
    expect(loadConfig({ CALLBACK_TIMEOUT_MS: '29000' }).callbacks.timeoutMs).toBe(29000);
  });

  it('reads the callback retry schedule, the failing threshold and the signing key', () => {
    const config = loadConfig({ CALLBACK_RETRY_BASE_MS: '500', CALLBACK_RETRY_MAX_MS: '60000', CALLBACK_FAILING_AFTER: '3', CALLBACK_SIGNING_KEY: 's'.repeat(32) });
    expect(config.core.outbox).toMatchObject({ retryBaseMs: 500, retryMaxMs: 60000 });
    expect(config.callbacks).toMatchObject({ failingAfter: 3, signingKey: 's'.repeat(32) });
    expect(loadConfig({}).callbacks).toMatchObject({ failingAfter: 5, signingKey: null });
    expect(loadConfig({}).core.outbox).toMatchObject({ retryBaseMs: 1000, retryMaxMs: 300000 });
    expect(() => loadConfig({ CALLBACK_SIGNING_KEY: 'short' })).toThrow(/CALLBACK_SIGNING_KEY must be at least 32 characters long/);
    expect(() => loadConfig({ CALLBACK_RETRY_BASE_MS: '5000', CALLBACK_RETRY_MAX_MS: '1000' })).toThrow(/CALLBACK_RETRY_MAX_MS \(1000\) must not be shorter than CALLBACK_RETRY_BASE_MS \(5000\)/);
    expect(() => loadConfig({ CALLBACK_FAILING_AFTER: '0' })).toThrow(/CALLBACK_FAILING_AFTER/);
  });

  it('merges core and dialect settings from CONFIG_FILE, environment winning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pbxgw-config-'));
    const file = join(dir, 'gateway.yaml');
    writeFileSync(file, 'core:\n  serverIp: 10.0.0.1\n  voiceMenuKeyWaitMs: 8000\n  voiceBroadcast: { maxLiveCalls: 3 }\ndialects:\n  ccgateway:\n    nodeName: AgentGateway3\n');
    const fromFile = loadConfig({ CONFIG_FILE: file });
    expect(fromFile.core.serverIp).toBe('10.0.0.1');
    expect(fromFile.core.voiceMenuKeyWaitMs).toBe(8000);
    expect(fromFile.core.lockout).toEqual(defaultGatewayConfig.core.lockout);
    expect(fromFile.core.voiceBroadcast).toEqual({ ...defaultGatewayConfig.core.voiceBroadcast, maxLiveCalls: 3 });
    expect(fromFile.dialects.ccgateway).toEqual({ nodeName: 'AgentGateway3' });
    expect(loadConfig({ CONFIG_FILE: file, SERVER_IP: '10.0.0.2' }).core.serverIp).toBe('10.0.0.2');
  });

  it('refuses a CONFIG_FILE that is not YAML or not a mapping', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pbxgw-config-'));
    writeFileSync(join(dir, 'list.yaml'), '- a\n- b\n');
    writeFileSync(join(dir, 'broken.yaml'), 'core: [\n');
    expect(() => loadConfig({ CONFIG_FILE: join(dir, 'list.yaml') })).toThrow(/expected a mapping/);
    expect(() => loadConfig({ CONFIG_FILE: join(dir, 'broken.yaml') })).toThrow(ConfigError);
    expect(() => loadConfig({ CONFIG_FILE: join(dir, 'missing.yaml') })).toThrow(ConfigError);
  });
});
