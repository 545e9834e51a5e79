import { defaultCoreConfig, type CoreConfig } from '@pbx-gateway/core';

/** Everything the gateway process is configured with. */
export interface GatewayConfig {
  http: {
    host: string;
    port: number;
    /**
     * The most a request line and its headers may take. Node's own limit
     * (16 KiB) would refuse long GET query strings that PHP behind Apache
     * configured for them reads (VICIdial clients send whole lead records
     * in one), so it is set here, for the gateway's server only.
     */
    maxHeaderBytes: number;
  };
  logLevel: string;
  database: {
    /** Postgres to use; null starts an embedded one under `dataDir`. */
    url: string | null;
    dataDir: string;
    /**
     * Connections the gateway may hold. No transaction waits for the
     * telephony engine (docs/architecture.md, "How a command runs"), so a
     * slow engine does not hold them: this bounds concurrent database work.
     */
    poolMax: number;
  };
  ari: {
    /** Asterisk ARI base URL (`http://asterisk:8088`); null starts the simulator in-process. */
    url: string | null;
    user: string;
    password: string;
    app: string;
    requestTimeoutMs: number;
    /** How long an idle connection to the engine is kept for the next request; 0 opens one per request. */
    keepAliveMs: number;
  };
  /** Port of the in-process simulator when `ari.url` is null. */
  simulator: { port: number };
  /** YAML provisioning applied at start. */
  provisioningFile: string | null;
  /** Apply the demo provisioning that makes the vendor documents' example URLs work. */
  demo: boolean;
  core: CoreConfig;
  /** Per-dialect settings, merged over each dialect's defaults. */
  dialects: {
    vicidial: Record<string, unknown>;
    voipsun: Record<string, unknown>;
    ccgateway: Record<string, unknown>;
    sipcall: Record<string, unknown>;
  };
  callbacks: {
    timeoutMs: number;
    idleMs: number;
    /**
     * The key every receiver's callback secret is derived from
     * (callbacks/callback-signing.ts); null: callbacks go unsigned.
     */
    signingKey: string | null;
    /** Failed attempts in a row after which a receiver is reported as failing (logs, /metrics). */
    failingAfter: number;
  };
  /**
   * The admin API (`/admin/v1`, docs/admin-api.md): the SHA-256 of its key,
   * hex; null leaves the API switched off. Only the hash is kept in memory.
   */
  admin: { apiKeySha256: string | null };
  /** `/metrics` (docs/metrics.md): the SHA-256 of the bearer key it asks for, hex; null leaves it open, like `/health`. */
  metrics: { keySha256: string | null };
  /** The live event stream (docs/event-stream.md): how long its entries are kept for readers that reconnect. */
  eventStream: { retentionHours: number };
  /** The engine's sound prompts as files the gateway can read (VICIdial's sounds_list); null: none listed. */
  sounds: { directory: string | null };
}

export const defaultGatewayConfig: GatewayConfig = {
  http: { host: '0.0.0.0', port: 8080, maxHeaderBytes: 1024 * 1024 },
  logLevel: 'info',
  database: { url: null, dataDir: '.data', poolMax: 30 },
  ari: { url: null, user: 'gateway', password: 'gateway', app: 'pbx-gateway', requestTimeoutMs: 5000, keepAliveMs: 4000 },
  simulator: { port: 8088 },
  provisioningFile: null,
  demo: false,
  core: defaultCoreConfig,
  dialects: { vicidial: {}, voipsun: {}, ccgateway: {}, sipcall: {} },
  callbacks: { timeoutMs: 10000, idleMs: 200, signingKey: null, failingAfter: 5 },
  admin: { apiKeySha256: null },
  metrics: { keySha256: null },
  eventStream: { retentionHours: 24 },
  sounds: { directory: null },
};
