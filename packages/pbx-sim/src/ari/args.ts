import { isJsonObject, type Json } from '../util/json';
import type { ParamSpec } from './route-spec';

type Value = string | number | boolean | string[] | undefined;

/** ast_true: the strings Asterisk reads as true. */
export function astTrue(text: string): boolean {
  return ['yes', 'true', 'y', 't', '1', 'on'].includes(text.trim().toLowerCase());
}

/** atoi: leading blanks, an optional sign, digits; anything else reads as 0 (so `timeout=abc` is 0). */
export function atoi(text: string): number {
  const match = /^\s*([+-]?\d+)/.exec(text);
  if (!match) return 0;
  const n = Number.parseInt(match[1] ?? '0', 10);
  return Math.max(-2147483648, Math.min(2147483647, n));
}

/** ast_app_separate_args on commas, as generated ARI code splits allowMultiple query values. */
function splitList(text: string): string[] {
  return text === '' ? [''] : text.split(',');
}

/** MAX_VALS of the generated ARI code: a list this long is refused. */
export const MAX_LIST_VALUES = 128;

/**
 * Operation arguments parsed the way Asterisk's generated ARI code parses
 * them: query parameters first (a repeated key keeps its last value), then
 * the fields of a JSON body override them; unknown parameters are ignored.
 * Integers go through atoi and booleans through ast_true, so a malformed
 * value never fails the request by itself. Defaults are applied by each
 * operation, as Asterisk's handlers do.
 */
export class Args {
  private readonly values = new Map<string, Value>();
  private bodyValue: Json | undefined;

  constructor(specs: readonly ParamSpec[], query: readonly [string, string][], body: Json | undefined) {
    const declared = new Map(specs.filter((s) => s.paramType === 'query').map((s) => [s.name, s]));
    for (const [name, raw] of query) {
      const spec = declared.get(name);
      if (spec) this.values.set(name, fromQuery(spec, raw));
    }
    this.bodyValue = body;
    if (isJsonObject(body)) {
      for (const [name, spec] of declared) {
        if (Object.prototype.hasOwnProperty.call(body, name)) this.values.set(name, fromJson(spec, body[name] ?? null));
      }
    }
  }

  /** The raw string, or undefined when absent. */
  string(name: string): string | undefined {
    const v = this.values.get(name);
    return typeof v === 'string' ? v : undefined;
  }

  /** ast_strlen_zero: absent and empty are the same for most checks. */
  nonEmpty(name: string): string | undefined {
    const v = this.string(name);
    return v === undefined || v === '' ? undefined : v;
  }

  int(name: string): number | undefined {
    const v = this.values.get(name);
    return typeof v === 'number' ? v : undefined;
  }

  bool(name: string): boolean {
    return this.values.get(name) === true;
  }

  list(name: string): string[] {
    const v = this.values.get(name);
    if (Array.isArray(v)) return v;
    return typeof v === 'string' ? [v] : [];
  }

  /** The first list parameter with too many values (Asterisk answers 400 "Too many values for <name>"). */
  tooManyValues(): string | undefined {
    for (const [name, value] of this.values) if (Array.isArray(value) && value.length >= MAX_LIST_VALUES) return name;
    return undefined;
  }

  /** The whole JSON body (for body parameters such as `variables`). */
  body(): Json | undefined {
    return this.bodyValue;
  }
}

function fromQuery(spec: ParamSpec, raw: string): Value {
  if (spec.allowMultiple) return splitList(raw);
  switch (spec.dataType) {
    case 'int':
    case 'long':
      return atoi(raw);
    case 'boolean':
      return astTrue(raw);
    default:
      return raw;
  }
}

/** ast_json_string_get / ast_json_integer_get / ast_json_is_true: a value of the wrong JSON type reads as nothing, 0 or false. */
function fromJson(spec: ParamSpec, value: Json): Value {
  if (spec.allowMultiple) {
    if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : ''));
    return [typeof value === 'string' ? value : ''];
  }
  switch (spec.dataType) {
    case 'int':
    case 'long':
      return typeof value === 'number' && Number.isInteger(value) ? value : 0;
    case 'boolean':
      return value === true;
    default:
      return typeof value === 'string' ? value : undefined;
  }
}
