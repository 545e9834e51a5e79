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
