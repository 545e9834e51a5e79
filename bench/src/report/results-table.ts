import type { ResultRow } from './result-row';
import { percent, type TargetOutcome } from './targets';

const HEADER = ['', 'conn', 'rate', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'ratio to baseline'];

function cells(row: ResultRow): string[] {
  return [
    row.name,
    String(row.connections),
    `${row.rate} ${row.unit}`,
    String(row.latencyMs.p50),
    String(row.latencyMs.p99),
    String(row.latencyMs.max),
    String(row.errors),
    row.ratios.map((ratio) => `${percent(ratio.value)} of ${ratio.against}`).join('; ') || '—',
  ];
}

/** The table as plain text, for the terminal. */
export function textTable(rows: readonly ResultRow[]): string {
  const lines = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, column) => Math.max(...lines.map((line) => line[column]!.length)));
  const render = (line: string[]): string => line.map((cell, column) => (column === 0 || column === line.length - 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  return [render(lines[0]!), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.slice(1).map(render)].join('\n');
}

/** The same table in Markdown, for docs/performance.md. */
export function markdownTable(rows: readonly ResultRow[]): string {
  const header = ['scenario', ...HEADER.slice(1)];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 || i === header.length - 1 ? '---' : '---:')).join('|')}|`];
  for (const row of rows) lines.push(`| ${cells(row).map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`);
  return lines.join('\n');
}

export function targetLines(outcomes: readonly TargetOutcome[]): string {
  return outcomes.map((outcome) => `${outcome.met === null ? 'not run' : outcome.met ? 'met    ' : 'NOT met'}  ${outcome.target}: ${outcome.measured}`).join('\n');
}
