/** What the orchestrator asks a load worker to do, and what it gets back (both cross a process boundary as JSON). */

export interface LoadSettings {
  /** The server under load, `http://host:port`. */
  url: string;
  connections: number;
  /** Seconds of measurement (for fixed-count shapes: the time the count is sized for). */
  durationSec: number;
  /** Seconds of warm-up before it, not counted. */
  warmupSec: number;
  /** Seconds before a request with no answer counts as a timeout. */
  timeoutSec: number;
  /** The server's process, when it runs on this machine: its CPU time over the measured run is reported (`extra.serverCpuMsPerRequest`). */
  serverPid?: number;
}

export type LoadSpec =
  | { shape: 'fixed'; settings: LoadSettings; path: string; errors: DialectErrorRule }
  | { shape: 'rotating'; settings: LoadSettings; paths: string[]; errors: DialectErrorRule }
  | { shape: 'external-pause'; settings: LoadSettings; user: string; pass: string; agents: string[] }
  | { shape: 'call-setup'; settings: LoadSettings; username: string; password: string; extensions: ExtensionLine[]; marker: string }
  | { shape: 'playvoice'; settings: LoadSettings; token: string; amount: number; groups: string[]; voicefile: string; customers: string[]; marker: string }
  | { shape: 'cc-gateway'; settings: LoadSettings; agents: CcAgent[]; probes: number; voicepath: string };

export type DialectErrorRule = 'none' | 'vicidial' | 'voipsun' | 'ccgateway' | 'sipcall';

export interface ExtensionLine {
  id: number;
  destination: string;
}

export interface CcAgent {
  id: string;
  password: string;
  phone: string;
}

export interface LatencySummary {
  p50: number;
  p99: number;
  max: number;
}

export interface ErrorCounts {
  /** Answers with an HTTP status outside 2xx. */
  non2xx: number;
  /** Connection errors and timeouts, as autocannon counts them. */
  socket: number;
  timeouts: number;
  /** 2xx answers whose body is the dialect's error. */
  dialect: number;
}

export interface LoadResult {
  /** Answers received in the measured window. */
  requests: number;
  elapsedSec: number;
  perSecond: number;
  latencyMs: LatencySummary;
  errors: ErrorCounts;
  /** A few error bodies, to show what went wrong. */
  errorSamples: string[];
  /** Figures particular to a shape (calls placed, events seen ...). */
  extra: Record<string, number | number[] | string | string[] | LatencySummary>;
}
