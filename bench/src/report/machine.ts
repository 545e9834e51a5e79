import { readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';

export interface Machine {
  nproc: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  os: string;
}

/** What the numbers were measured on (they mean little without it). */
export function describeMachine(): Machine {
  let cpu = 'unknown';
  try {
    const model = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (model) cpu = model[1]!.trim();
  } catch {
    // not Linux
  }
  let os = `${process.platform} ${process.arch}`;
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (pretty) os = `${pretty[1]} (${process.arch})`;
  } catch {
    // no os-release
  }
  return { nproc: availableParallelism(), cpu, memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10, node: process.version, os };
}
