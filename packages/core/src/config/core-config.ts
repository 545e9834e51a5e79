/** Settings of the call-control core; the server fills them from its configuration. */
export interface CoreConfig {
  /** Address reported as the server of agent sessions (VICIdial `server_ip`). */
  serverIp: string;
  media: MediaPolicy;
  /** Dial string for a phone number an agent signs in with; `{number}` is replaced. */
  phoneEndpointTemplate: string;
  /** Seconds an agent's phone rings before the gateway gives up. */
  agentRingTimeoutSec: number;
  /** Seconds a dialled number rings before the gateway gives up. */
  destinationRingTimeoutSec: number;
  /** How long a voice menu waits for the transfer key after its audio ended. */
  voiceMenuKeyWaitMs: number;
  /**
   * Batches of played calls (calls/voice-broadcast-batch): at most
   * `maxLiveCalls` of their calls up at once, room checked every `paceMs`;
   * at most `maxBatchNumbers` numbers in one batch and `maxQueuedNumbers`
   * waiting in all (in the store, across restarts). A batch that is over
   * (nothing waiting, every call ended) keeps its numbers `retentionHours`
   * after its last call ended, then they are removed (its calls and CDRs stay).
   */
  voiceBroadcast: { maxLiveCalls: number; paceMs: number; maxBatchNumbers: number; maxQueuedNumbers: number; retentionHours: number };
  outbox: { batchSize: number; leaseMs: number; retryBaseMs: number; retryMaxMs: number };
  /** How long a verified credential is trusted without hashing it again. */
  credentialCacheMs: number;
  /** Failed logins that lock an account, and for how long. */
  lockout: { maxFailures: number; windowMs: number };
}

/** Which audio clients may name, and how their names become media URIs. */
export interface MediaPolicy {
  /** Client file paths (CC-Gateway `voicepath`) are mapped by prefix to a media URI prefix. */
  pathMappings: ReadonlyArray<{ prefix: string; media: string }>;
  /** Hosts the PBX may fetch audio from (`example.com`, `*.example.com`, or `*` for any). */
  urlHosts: readonly string[];
}

export const defaultCoreConfig: CoreConfig = {
  serverIp: '127.0.0.1',
  media: { pathMappings: [], urlHosts: [] },
  phoneEndpointTemplate: 'PJSIP/{number}',
  agentRingTimeoutSec: 30,
  destinationRingTimeoutSec: 45,
  voiceMenuKeyWaitMs: 5000,
  voiceBroadcast: { maxLiveCalls: 10, paceMs: 1000, maxBatchNumbers: 5000, maxQueuedNumbers: 100000, retentionHours: 168 },
  outbox: { batchSize: 20, leaseMs: 30000, retryBaseMs: 1000, retryMaxMs: 300000 },
  credentialCacheMs: 60000,
  lockout: { maxFailures: 10, windowMs: 900000 },
};
