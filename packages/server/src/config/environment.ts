import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { hashAdminKey } from '../admin/admin-key';
import { defaultGatewayConfig, type GatewayConfig } from './gateway-config';

export class ConfigError extends Error {}

/**
 * Reads the configuration from the environment (and the optional YAML file
 * named by CONFIG_FILE, for settings too rich for variables). With neither
 * DATABASE_URL nor ARI_URL the gateway runs on its embedded defaults and
 * provisions the demo tenant unless DEMO=0.
 */
export function loadConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  const base = defaultGatewayConfig;
  const file = env.CONFIG_FILE ? readConfigFile(env.CONFIG_FILE) : {};
  const embedded = !env.DATABASE_URL && !env.ARI_URL;
  const fileCore = (file.core ?? {}) as Partial<GatewayConfig['core']>;
  const fileDialects = (file.dialects ?? {}) as Partial<GatewayConfig['dialects']>;
  const media = { ...base.core.media, ...(fileCore.media ?? {}) };
  if (env.MEDIA_URL_HOSTS !== undefined) media.urlHosts = list(env.MEDIA_URL_HOSTS);
  if (env.MEDIA_PATH_MAPPINGS !== undefined) media.pathMappings = pathMappings(env.MEDIA_PATH_MAPPINGS);
  const callbackTimeoutMs = positive(env.CALLBACK_TIMEOUT_MS, base.callbacks.timeoutMs, 'CALLBACK_TIMEOUT_MS');
  const outbox = { ...base.core.outbox, ...(fileCore.outbox ?? {}) };
  outbox.retryBaseMs = positive(env.CALLBACK_RETRY_BASE_MS, outbox.retryBaseMs, 'CALLBACK_RETRY_BASE_MS');
  outbox.retryMaxMs = positive(env.CALLBACK_RETRY_MAX_MS, outbox.retryMaxMs, 'CALLBACK_RETRY_MAX_MS');
  if (outbox.retryMaxMs < outbox.retryBaseMs) {
    throw new ConfigError(`CALLBACK_RETRY_MAX_MS (${outbox.retryMaxMs}) must not be shorter than CALLBACK_RETRY_BASE_MS (${outbox.retryBaseMs})`);
  }
  // A delivery still running when its claim expires could be sent twice.
  if (callbackTimeoutMs >= outbox.leaseMs) {
    throw new ConfigError(`CALLBACK_TIMEOUT_MS (${callbackTimeoutMs}) must be shorter than core.outbox.leaseMs (${outbox.leaseMs})`);
  }
  return {
    http: {
      host: env.HOST ?? base.http.host,
      port: port(env.PORT, base.http.port, 'PORT'),
      maxHeaderBytes: positive(env.HTTP_MAX_HEADER_BYTES, base.http.maxHeaderBytes, 'HTTP_MAX_HEADER_BYTES'),
    },
    logLevel: oneOf(env.LOG_LEVEL ?? base.logLevel, ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'LOG_LEVEL'),
    database: {
      url: env.DATABASE_URL || null,
      dataDir: env.DATA_DIR ?? base.database.dataDir,
      poolMax: positive(env.DATABASE_POOL_MAX, base.database.poolMax, 'DATABASE_POOL_MAX'),
    },
    ari: {
      url: env.ARI_URL || null,
      user: env.ARI_USER ?? base.ari.user,
      password: env.ARI_PASSWORD ?? base.ari.password,
      app: env.ARI_APP ?? base.ari.app,
      requestTimeoutMs: positive(env.ARI_TIMEOUT_MS, base.ari.requestTimeoutMs, 'ARI_TIMEOUT_MS'),
      keepAliveMs: positive(env.ARI_KEEP_ALIVE_MS, base.ari.keepAliveMs, 'ARI_KEEP_ALIVE_MS', true),
    },
    simulator: { port: port(env.SIM_PORT, base.simulator.port, 'SIM_PORT') },
    provisioningFile: env.PROVISIONING_FILE || null,
    demo: env.DEMO === undefined ? embedded : flag(env.DEMO, 'DEMO'),
    core: {
      ...base.core,
      ...fileCore,
      outbox,
      media,
      // A file naming one limit of batch dialling keeps the defaults of the others.
      voiceBroadcast: { ...base.core.voiceBroadcast, ...(fileCore.voiceBroadcast ?? {}) },
      serverIp: env.SERVER_IP ?? fileCore.serverIp ?? base.core.serverIp,
    },
    dialects: {
      vicidial: { ...(fileDialects.vicidial ?? {}) },
      voipsun: { ...(fileDialects.voipsun ?? {}) },
      ccgateway: { ...(fileDialects.ccgateway ?? {}) },
      sipcall: { ...(fileDialects.sipcall ?? {}) },
    },
    callbacks: {
      timeoutMs: callbackTimeoutMs,
      idleMs: base.callbacks.idleMs,
      signingKey: signingKey(env.CALLBACK_SIGNING_KEY),
      failingAfter: positive(env.CALLBACK_FAILING_AFTER, base.callbacks.failingAfter, 'CALLBACK_FAILING_AFTER'),
    },
    admin: { apiKeySha256: adminKeyHash(env, file) },
    metrics: { keySha256: metricsKeyHash(env, file) },
    eventStream: { retentionHours: positive(env.EVENT_STREAM_RETENTION_HOURS, base.eventStream.retentionHours, 'EVENT_STREAM_RETENTION_HOURS') },
    sounds: { directory: env.SOUNDS_DIRECTORY || base.sounds.directory },
  };
}

/**
 * A bearer key's SHA-256: from the key itself (hashed at once; the key goes
 * no further), else from its hash in a variable or in the file, so that the
 * key need not be written anywhere on the server.
 */
function keyHash(names: { key: string; hash: string; fileSetting: string }, key: string | undefined, hash: unknown): string | null {
  if (key) {
    if (key.length < 16) throw new ConfigError(`${names.key} must be at least 16 characters long`);
    return hashAdminKey(key);
  }
  if (hash === undefined || hash === null || hash === '') return null;
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/i.test(hash)) throw new ConfigError(`${names.hash} (${names.fileSetting}) must be 64 hexadecimal digits`);
  return hash.toLowerCase();
}

/**
 * CALLBACK_SIGNING_KEY: kept as given (the gateway computes HMACs with what
 * is derived from it, so a hash would not do); long enough that the derived
 * secrets cannot be guessed from it.
 */
function signingKey(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (value.length < 32) throw new ConfigError('CALLBACK_SIGNING_KEY must be at least 32 characters long');
  return value;
}

/** ADMIN_API_KEY, else ADMIN_API_KEY_SHA256 or the file's `admin.apiKeySha256`. */
function adminKeyHash(env: NodeJS.ProcessEnv, file: Record<string, unknown>): string | null {
  const fileAdmin = (file.admin ?? {}) as { apiKeySha256?: unknown };
  return keyHash({ key: 'ADMIN_API_KEY', hash: 'ADMIN_API_KEY_SHA256', fileSetting: 'admin.apiKeySha256' }, env.ADMIN_API_KEY, env.ADMIN_API_KEY_SHA256 || fileAdmin.apiKeySha256);
}

/** METRICS_KEY, else METRICS_KEY_SHA256 or the file's `metrics.keySha256`. */
function metricsKeyHash(env: NodeJS.ProcessEnv, file: Record<string, unknown>): string | null {
  const fileMetrics = (file.metrics ?? {}) as { keySha256?: unknown };
  return keyHash({ key: 'METRICS_KEY', hash: 'METRICS_KEY_SHA256', fileSetting: 'metrics.keySha256' }, env.METRICS_KEY, env.METRICS_KEY_SHA256 || fileMetrics.keySha256);
}

function readConfigFile(path: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`CONFIG_FILE ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(`CONFIG_FILE ${path}: expected a mapping`);
  return parsed as Record<string, unknown>;
}

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) throw new ConfigError(`${name} must be a port number, got ${value}`);
  return number;
}

function positive(value: string | undefined, fallback: number, name: string, allowZero = false): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || (number === 0 && !allowZero)) {
    throw new ConfigError(`${name} must be ${allowZero ? '0 or ' : ''}a positive number, got ${value}`);
  }
  return number;
}

function flag(value: string, name: string): boolean {
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1 or 0, got ${value}`);
}

function oneOf(value: string, allowed: readonly string[], name: string): string {
  if (!allowed.includes(value)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}`);
  return value;
}

function list(value: string): string[] {
  return value.split(',').map((item) => item.trim()).filter(Boolean);
}

/** `Y:/=sound:recordings/,Z:/=sound:other/` */
function pathMappings(value: string): Array<{ prefix: string; media: string }> {
  return list(value).map((pair) => {
    const [prefix, media] = pair.split('=');
    if (!prefix || !media) throw new ConfigError(`MEDIA_PATH_MAPPINGS entry "${pair}" must be prefix=media`);
    return { prefix, media };
  });
}
