/**
 * The Non-Agent API's exports (spec §4.1): `stage` `csv` separates the
 * columns with `,`, `tab` with a tab, anything else with `|`; `header=YES`
 * prints the column names first. Lines without the last newline.
 */
export function exportRows(stage: string, header: string, columns: readonly string[], rows: ReadonlyArray<readonly (string | number)[]>): string {
  const separator = stage === 'csv' ? ',' : stage === 'tab' ? '\t' : '|';
  const lines = rows.map((row) => row.join(separator));
  if (header === 'YES') lines.unshift(columns.join(separator));
  return lines.join('\n');
}
