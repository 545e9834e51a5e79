/**
 * A field a lead list defines beyond the lead's own (VICIdial's custom list
 * fields): shown on the agent's form and, for the types that hold data,
 * kept per lead. The dialer's words are kept as text (`type` TEXT, AREA,
 * SELECT, DISPLAY ...): the dialects read what they mean.
 */
export interface ListCustomField {
  listId: number;
  /** The field's key: the request parameter and column that carry its value. */
  label: string;
  /** What the form shows. */
  name: string;
  type: string;
  /** Where the form shows it: row, then place in the row. */
  rank: number;
  order: number;
  /** Width shown and longest value kept. */
  size: number;
  max: number;
  defaultValue: string;
  options: string;
  required: boolean;
  /** A second appearance of another field on the form: it keeps no value of its own. */
  duplicate: boolean;
}

/** The values one lead holds in one list's fields, by label; fields never given are absent. */
export type LeadCustomValues = Readonly<Record<string, string>>;
