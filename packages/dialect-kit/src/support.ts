/**
 * How much of a documented operation the gateway carries out: the
 * compatibility matrix (docs/compatibility.md) is generated from these, so
 * that what the documentation promises is what the code states.
 */
export type SupportLevel = 'supported' | 'partial' | 'not supported';

/** A documented operation the gateway does not carry out, and why; listed beside its dialect's catalogue. */
export interface UnsupportedOperation {
  /** The operation as the wire names it. */
  readonly name: string;
  readonly reason: string;
}

/** One line of a dialect's compatibility table. */
export interface SupportRow {
  readonly operation: string;
  readonly level: SupportLevel;
  /** Why it is partial or not supported; empty for a supported operation. */
  readonly reason: string;
}

/** What the matrix reads of an operation: how the wire names it, and what it leaves out. */
export interface DocumentedOperation {
  readonly label: string;
  /** What of the documented operation is not carried out; absent when all of it is. */
  readonly partial?: string;
}

/** The rows of one dialect: its operations in catalogue order, then the documented ones it does not carry out. */
export function supportRows(operations: readonly DocumentedOperation[], unsupported: readonly UnsupportedOperation[]): SupportRow[] {
  return [
    ...operations.map(({ label, partial }): SupportRow =>
      partial === undefined ? { operation: label, level: 'supported', reason: '' } : { operation: label, level: 'partial', reason: partial },
    ),
    ...unsupported.map(({ name, reason }): SupportRow => ({ operation: name, level: 'not supported', reason })),
  ];
}

/** A Markdown table of the rows; a `|` inside a cell is escaped so that it stays one cell. */
export function renderSupportTable(rows: readonly SupportRow[]): string {
  const cell = (text: string): string => text.replace(/\|/g, '\\|');
  return ['| operation | support | reason |', '|---|---|---|', ...rows.map((row) => `| \`${cell(row.operation)}\` | ${row.level} | ${cell(row.reason)} |`)].join('\n') + '\n';
}

/** One table of the matrix: a dialect's catalogue (VICIdial has two: the Agent and the Non-Agent API). */
export interface SupportSection {
  readonly heading: string;
  readonly rows: readonly SupportRow[];
}
