import type { InputFilters } from '../wire/input-filters';
import type { PhpParams } from '../wire/php-params';
import { filterParam, type ParamFilter } from '../agent-api/lead-params';

/** VICIdial's identifier filter (users, groups, switches). */
export const IDENTIFIER = { keep: '-_0-9{L}' };

/** A request's parameters, each read through its VICIdial filter (spec §1.3) by the function that reads it. */
export interface NonAgentParams {
  read(name: string, filter: ParamFilter): string;
  /** The request as VICIdial's script writes it out, where some functions look for parameter names (PhpParams.rawQuery). */
  rawQuery(): string;
}

export function nonAgentParams(params: PhpParams, filters: InputFilters): NonAgentParams {
  return { read: (name, filter) => filterParam(params.get(name), filter, filters), rawQuery: () => params.rawQuery() };
}

/** An input check that reads the parameters a function needs; the filters leave nothing to refuse. */
export const readWith =
  <Input>(read: (params: NonAgentParams) => Input) =>
  (params: NonAgentParams): { ok: true; value: Input } => ({ ok: true, value: read(params) });

/** VICIdial's filter of a person's full name (agent_full_name). */
export const FULL_NAME = { keep: "- '+_.0-9{L}", plusIsSpace: true };
