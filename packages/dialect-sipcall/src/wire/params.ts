import type { ErrorObject, ValidateFunction } from 'ajv';
import type { InputCheck, RequestParams } from '@pbx-gateway/dialect-kit';
import { said, type WireError } from '../errors';
import { badRequest, type MessageKey, type MessageVars } from '../messages';
import type { SipcallLanguage } from '../settings';

/** No control characters: JSON-schema pattern shared by every free-text parameter. */
export const PRINTABLE = '^[^\\u0000-\\u001f\\u007f]*$';

/** How one parameter is reported when its schema check fails (PhalApi checks parameters in rule order). */
export interface ParamRule {
  name: string;
  /** Reason for a `pattern` or `enum` failure. */
  invalid: { key: MessageKey; vars?: MessageVars } | 'range';
  /** `range` rules list the accepted values, as PhalApi's enum message does. */
  range?: readonly string[];
}

/**
 * The parameters a service's rules name, checked with its ajv schema. Empty
 * values count as missing, so an empty optional parameter is simply not
 * given. A failure keeps each offending value (`data`) for its wording.
 */
export function paramsInput<T>(validate: ValidateFunction<T>, rules: readonly ParamRule[]): InputCheck<RequestParams, T> {
  return (params) => {
    const given: Record<string, string> = {};
    for (const rule of rules) {
      const value = params[rule.name];
      if (value !== undefined && value !== '') given[rule.name] = value;
    }
    if (validate(given)) return { ok: true, value: given as T };
    return { ok: false, errors: (validate.errors ?? []).map((error) => ({ ...error, data: given[error.instancePath.slice(1)] })) };
  };
}

/**
 * The first failure, in rule order, worded as PhalApi would: a missing
 * parameter, a too-long one, or the rule's own reason (`ret` 400).
 */
export function paramsFailure(rules: readonly ParamRule[], errors: readonly ErrorObject[], language: SipcallLanguage): WireError {
  for (const rule of rules) {
    const own = errors.filter((error) => concerns(error, rule.name));
    if (own.length === 0) continue;
    const value = own.find((error) => typeof error.data === 'string')?.data;
    return said(400, describe(rule, own, typeof value === 'string' ? value : '', language));
  }
  return said(400, badRequest(language, 'bodyMalformed'));
}

function concerns(error: ErrorObject, name: string): boolean {
  if (error.keyword === 'required') return (error.params as { missingProperty?: string }).missingProperty === name;
  return error.instancePath === `/${name}`;
}

function describe(rule: ParamRule, errors: readonly ErrorObject[], value: string, language: SipcallLanguage): string {
  if (errors.some((error) => error.keyword === 'required')) return badRequest(language, 'missing', { name: rule.name });
  const tooLong = errors.find((error) => error.keyword === 'maxLength');
  if (tooLong) {
    const max = (tooLong.params as { limit: number }).limit;
    return badRequest(language, 'tooLong', { name: rule.name, max, value: [...value].length });
  }
  if (rule.invalid === 'range') {
    return badRequest(language, 'notInRange', { name: rule.name, range: (rule.range ?? []).join('/'), value: echo(value) });
  }
  return badRequest(language, rule.invalid.key, { name: rule.name, ...(rule.invalid.vars ?? {}) });
}

/** A client value quoted in an error text: bounded, and without control characters. */
export function echo(value: string): string {
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '');
  const chars = [...clean];
  return chars.length > 64 ? `${chars.slice(0, 64).join('')}...` : clean;
}
