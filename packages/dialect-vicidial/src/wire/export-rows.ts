/**
 * The Non-Agent API's exports (spec §4.1): `stage` `csv` separates the
 * columns with `,`, `tab` with a tab, anything else with `|`; `header=YES`
 * prints the column names first. Lines without the last newline.
 */
export function exportRows(stage: string, header: string, columns: readonly string[], rows: ReadonlyArray<readonly (string | number)[]>): string {
  const separator = exportSeparator(stage);
  return exportLines(stage, header, columns, rows.map((row) => row.join(separator)));
}

/** What separates the columns of an export at this `stage`. */
export const exportSeparator = (stage: string): string => (stage === 'csv' ? ',' : stage === 'tab' ? '\t' : '|');

/** An export of rows already joined with `exportSeparator(stage)` (rows kept from one answer to the next). */
export function exportLines(stage: string, header: string, columns: readonly string[], lines: readonly string[]): string {
  return (header === 'YES' ? [columns.join(exportSeparator(stage)), ...lines] : lines).join('\n');
}
