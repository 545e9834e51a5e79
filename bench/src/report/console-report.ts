import type { Results } from './results-file';
import { targetLines, textTable } from './results-table';

/** The table, the targets, memory, notes, the gateway's complaints and the profile, for the terminal. */
export function consoleReport(results: Results): string {
  const profile = results.profile;
  const out: string[] = ['', textTable(results.rows), '', 'targets:', targetLines(results.targets), '', 'gateway memory (VmRSS / peak VmHWM):'];
  for (const reading of results.memory) {
    const heap = reading.heapTotalMiB === undefined ? '' : `; V8 heap ${reading.heapTotalMiB} MiB committed, ${reading.heapUsedMiB} used; external ${reading.externalMiB} (buffers ${reading.arrayBuffersMiB})`;
    out.push(`  ${reading.when}: ${reading.rssMiB} MiB (peak ${reading.peakMiB} MiB)${heap}`);
  }
  for (const row of results.rows) for (const note of row.notes) out.push(`  ${row.name}: ${note}`);
  const cpu = results.rows.filter((row) => typeof row.details.serverCpuMsPerRequest === 'number');
  if (cpu.length > 0) {
    // Less sensitive than the rates to other processes on the machine: the server's own work per answer.
    out.push('', 'server CPU time per answer over the measured run (user + system, all threads):');
    for (const row of cpu) out.push(`  ${row.name}: ${String(row.details.serverCpuMsPerRequest)} ms`);
  }
  const warnings = Object.entries(results.gatewayLog.warnings);
  const errors = Object.entries(results.gatewayLog.errors);
  out.push('', `gateway log: ${results.gatewayLog.lines} lines, ${warnings.length} kinds of warning, ${errors.length} kinds of error; exit ${results.gatewayExit}`);
  for (const [message, count] of [...errors, ...warnings].slice(0, 10)) out.push(`  ${count} × ${message}`);
  for (const failure of results.failures) out.push('', `FAILED ${failure.scenario}: ${failure.error}`);
  if (profile) {
    const during = profile.windows.length > 0 ? `during the scenario's load (${profile.windows.length} run${profile.windows.length > 1 ? 's' : ''})` : 'over the whole process';
    out.push('', `top 25 functions by self time ${during}: ${profile.sampledMs} ms sampled every ${profile.samplingIntervalUs} µs (${profile.file})`);
    for (const entry of profile.top) out.push(`  ${String(entry.selfMs).padStart(9)} ms ${String(entry.share).padStart(5)} %  ${entry.function}`);
  }
  for (const heap of results.heapSnapshots ?? []) {
    out.push('', `gateway heap (${heap.when}): ${heap.totalMiB} MiB in ${heap.nodes} objects (${heap.file}); the largest groups by own size:`);
    for (const share of heap.top) out.push(`  ${String(share.selfMiB).padStart(7)} MiB ${String(share.count).padStart(8)} × ${share.name}`);
  }
  return `${out.join('\n')}\n`;
}
