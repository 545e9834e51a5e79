import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  /** Resident set size now (VmRSS), in MiB. */
  rssMiB: number;
  /** Peak resident set size so far (VmHWM), in MiB. */
  peakMiB: number;
}

/** Reads a process's resident memory from /proc/<pid>/status (Linux). */
export function processMemory(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string): number => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
    return Number(match[1]);
  };
  return { rssMiB: round(kib('VmRSS') / 1024), peakMiB: round(kib('VmHWM') / 1024) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** What the gateway's `/metrics` says of its memory (`process.memoryUsage()` at the scrape), in MiB. */
export interface GatewayMemoryParts {
  heapTotalMiB: number;
  heapUsedMiB: number;
  externalMiB: number;
  arrayBuffersMiB: number;
}

/**
 * The gateway's resident memory, and how much of it is V8's heap (committed,
 * and in use) as the gateway reports it: the rest is malloc, code and the
 * binary. The parts are left out when `/metrics` does not answer.
 */
export async function gatewayMemory(pid: number, gatewayUrl: string): Promise<ProcessMemory & Partial<GatewayMemoryParts>> {
  const resident = processMemory(pid);
  try {
    const response = await fetch(new URL('/metrics', gatewayUrl), { signal: AbortSignal.timeout(30000) });
    if (!response.ok) return resident;
    const text = await response.text();
    const kind = (name: string): number | undefined => {
      const match = new RegExp(`^pbx_gateway_process_memory_bytes\\{kind="${name}"\\} (\\d+)`, 'm').exec(text);
      return match ? round(Number(match[1]) / 1048576) : undefined;
    };
    const parts = { heapTotalMiB: kind('heap_total'), heapUsedMiB: kind('heap_used'), externalMiB: kind('external'), arrayBuffersMiB: kind('array_buffers') };
    return { ...resident, ...Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== undefined)) };
  } catch {
    return resident;
  }
}
