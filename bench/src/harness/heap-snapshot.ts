import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The signal the gateway is told to write a heap snapshot on (`--heapsnapshot-signal`). */
export const HEAP_SNAPSHOT_SIGNAL = 'SIGUSR2';

export interface HeapShare {
  /** `constructor` for objects, otherwise the node type (`(string)`, `(closure)`, `(array)`, …). */
  name: string;
  count: number;
  selfMiB: number;
}

export interface HeapSnapshotSummary {
  file: string;
  when: string;
  totalMiB: number;
  nodes: number;
  /** The groups holding the most memory by their own (shallow) size. */
  top: HeapShare[];
}

interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/**
 * Has the gateway write a heap snapshot and waits until it is whole: V8
 * writes the file in one go and the process goes on afterwards, so a size
 * that stops changing is the end of it.
 */
export async function takeHeapSnapshot(pid: number, dir: string, timeoutMs = 300000): Promise<string> {
  const before = new Set(snapshots(dir));
  process.kill(pid, HEAP_SNAPSHOT_SIGNAL);
  const deadline = Date.now() + timeoutMs;
  let lastSize = -1;
  for (;;) {
    await new Promise((done) => setTimeout(done, 1000));
    const file = snapshots(dir).find((name) => !before.has(name));
    if (file) {
      const size = statSync(join(dir, file)).size;
      // The file ends with the strings array's closing: a size unchanged for a second and that ending is a whole file.
      if (size > 0 && size === lastSize && endsWhole(join(dir, file))) return join(dir, file);
      lastSize = size;
    }
    if (Date.now() > deadline) throw new Error(`no heap snapshot of process ${pid} in ${dir} within ${timeoutMs} ms`);
  }
}

/** Groups the snapshot's objects by constructor (or node type) and sums their shallow sizes. */
export function summariseHeapSnapshot(file: string, when: string, topN = 30): HeapSnapshotSummary {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as RawSnapshot;
  const fields = raw.snapshot.meta.node_fields;
  const types = raw.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const groups = new Map<string, { count: number; bytes: number }>();
  let total = 0;
  for (let i = 0; i < raw.nodes.length; i += width) {
    const type = types[raw.nodes[i + typeAt]!]!;
    const size = raw.nodes[i + sizeAt]!;
    total += size;
    const name = type === 'object' || type === 'native' ? raw.strings[raw.nodes[i + nameAt]!]! : `(${type})`;
    const group = groups.get(name) ?? { count: 0, bytes: 0 };
    group.count++;
    group.bytes += size;
    groups.set(name, group);
  }
  const top = [...groups.entries()]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .slice(0, topN)
    .map(([name, group]) => ({ name, count: group.count, selfMiB: mib(group.bytes) }));
  return { file, when, totalMiB: mib(total), nodes: raw.nodes.length / width, top };
}

function snapshots(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.heapsnapshot'));
  } catch {
    return [];
  }
}

function endsWhole(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const tail = Buffer.alloc(16);
    const size = statSync(file).size;
    const read = readSync(fd, tail, 0, tail.length, Math.max(0, size - tail.length));
    return /\]\s*\}\s*$/.test(tail.subarray(0, read).toString('utf8'));
  } finally {
    closeSync(fd);
  }
}

function mib(bytes: number): number {
  return Math.round((bytes / 1048576) * 10) / 10;
}
