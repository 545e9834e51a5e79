import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: CpuProfileNode[];
  /** Microseconds on V8's clock; the profile starts when the process does. */
  startTime: number;
  endTime: number;
  /** Node id of each sample, and the microseconds since the previous sample. */
  samples?: number[];
  timeDeltas?: number[];
}

/** A stretch of the process's life, in ms since it started. */
export interface ProfileWindow {
  fromMs: number;
  toMs: number;
}

export interface ProfileEntry {
  /** Function name and where it is defined (url:line, 1-based). */
  function: string;
  selfMs: number;
  /** Share of all samples, in percent. */
  share: number;
}

export interface ProfileSummary {
  file: string;
  /** The stretches of the process's life counted (all of it when none were given). */
  windows: ProfileWindow[];
  sampledMs: number;
  samplingIntervalUs: number;
  top: ProfileEntry[];
}

/** The newest .cpuprofile in a directory (Node names them by time and pid). */
export function newestProfile(dir: string): string | null {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => join(dir, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return files[0] ?? null;
}

/**
 * The functions that took the most CPU themselves: each node's hits times
 * the sampling interval, summed per function name and source position (a
 * function appears in many nodes, one per call path). With windows, only
 * the samples taken in them count (the scenario's load, not the start-up).
 */
export function topFunctionsBySelfTime(file: string, count: number, root: string, windows: ProfileWindow[] = []): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const hitsByNode = windows.length > 0 ? hitsInWindows(profile, windows) : new Map(profile.nodes.map((node) => [node.id, node.hitCount ?? 0]));
  const totalHits = [...hitsByNode.values()].reduce((sum, hits) => sum + hits, 0);
  const allHits = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const intervalUs = allHits > 0 ? (profile.endTime - profile.startTime) / allHits : 0;
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = hitsByNode.get(node.id) ?? 0;
    if (hits === 0) continue;
    const key = functionKey(node, root);
    byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
  }
  const top = [...byFunction.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, hits]) => ({
      function: name,
      selfMs: Math.round((hits * intervalUs) / 100) / 10,
      share: totalHits > 0 ? Math.round((hits / totalHits) * 1000) / 10 : 0,
    }));
  return { file, windows, sampledMs: Math.round((totalHits * intervalUs) / 1000), samplingIntervalUs: Math.round(intervalUs), top };
}

function hitsInWindows(profile: CpuProfile, windows: ProfileWindow[]): Map<number, number> {
  const hits = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let at = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    at += deltas[i] ?? 0;
    const ms = (at - profile.startTime) / 1000;
    if (!windows.some((window) => ms >= window.fromMs && ms <= window.toMs)) continue;
    hits.set(samples[i]!, (hits.get(samples[i]!) ?? 0) + 1);
  }
  return hits;
}

function functionKey(node: CpuProfileNode, root: string): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  if (!url) return name;
  const path = url.startsWith('file://') ? url.slice('file://'.length) : url;
  const shown = path.startsWith(root) ? relative(root, path) : path;
  return `${name} ${shown}:${lineNumber + 1}`;
}
