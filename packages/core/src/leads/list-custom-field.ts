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
  /** Whether its values are to be kept encrypted (the dialer's own key; see the dialect's docs for how the gateway keeps them). */
  encrypt: boolean;
  /** How its values are hidden from users who may not see hidden fields (`DISABLED`: shown). */
  showHide: FieldShowHide;
}

/** The ways a field's values are hidden, as the dialer names them; DISABLED shows them. */
export const FIELD_SHOW_HIDE = ['DISABLED', 'X_OUT_ALL', 'LAST_1', 'LAST_2', 'LAST_3', 'LAST_4', 'FIRST_1_LAST_4'] as const;
export type FieldShowHide = (typeof FIELD_SHOW_HIDE)[number];

export const isFieldShowHide = (value: string): value is FieldShowHide => (FIELD_SHOW_HIDE as readonly string[]).includes(value);

/** The values one lead holds in one list's fields, by label; fields never given are absent. */
export type LeadCustomValues = Readonly<Record<string, string>>;
