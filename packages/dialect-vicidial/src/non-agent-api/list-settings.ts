import type { NonAgentParams } from './params';

/** The filter of list ids, campaigns, scripts, in-groups, call times (`--BLANK--` passes it). */
export const LIST_WORD = { keep: '-_0-9a-zA-Z' };

/** What VICIdial keeps of a list name. */
export const LIST_NAME = { keep: '- +.:/@?&_0-9{L}' };

/** The time zone methods a list may name. */
export const TIME_ZONE_METHODS: ReadonlySet<string> = new Set(['COUNTRY_AND_AREA_CODE', 'POSTAL_CODE', 'NANPA_PREFIX', 'OWNER_TIME_ZONE_CODE']);

const TRANSFER_OVERRIDES = [
  ['xferconf_one', 'ONE'],
  ['xferconf_two', 'TWO'],
  ['xferconf_three', 'THREE'],
  ['xferconf_four', 'FOUR'],
  ['xferconf_five', 'FIVE'],
] as const;

/** The transfer number overrides (`xferconf_one` … `five`), each with the word VICIdial's lines name it by. */
export const readTransferOverrides = (params: NonAgentParams): Array<{ label: string; value: string }> =>
  TRANSFER_OVERRIDES.map(([name, label]) => ({ label, value: params.read(name, LIST_WORD) }));

/** A transfer number override longer than VICIdial's 50 characters, if one is. */
export const longTransferOverride = (overrides: ReadonlyArray<{ label: string; value: string }>) => overrides.find((override) => override.value.length > 50);
