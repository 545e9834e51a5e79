import type { ErrorObject, JSONSchemaType, ValidateFunction } from 'ajv';
import { isDomainError, type DomainErrorCode } from '@pbx-gateway/core';
import { createSchemaValidator } from './schema-validation';

/**
 * Every core refusal as one dialect words it. Complete by type: a code added
 * to the core fails the build of every dialect until each has a wire error
 * for it.
 */
export type ErrorTable<Wire> = Readonly<Record<DomainErrorCode, Wire>>;

/** The few codes one operation words differently from its dialect's table. */
export type ErrorOverrides<Wire> = Readonly<Partial<Record<DomainErrorCode, Wire>>>;

/**
 * A refusal an operation words itself rather than the core (a parameter the
 * dialect's own rules refuse): thrown from `run`, answered as its `wire`.
 */
export class WireRefusal<Wire> extends Error {
  constructor(
    readonly wire: Wire,
    message = 'refused on the wire',
  ) {
    super(message);
    this.name = 'WireRefusal';
  }
}

export type InputCheck<Raw, Input> = (raw: Raw) => { ok: true; value: Input } | { ok: false; errors: readonly ErrorObject[] };

/**
 * What one dialect's operations are made of. Each dialect fixes these once;
 * its operations then only state their own parts.
 */
export interface OperationTypes {
  /** How a request names the operation (`{ action }`, `{ function }`, `{ service }`, `{ method, path }`): fields of the definition. */
  selector: object;
  /** What the operation asks of the caller before it runs (a permission, a GUID, a token). */
  auth: unknown;
  /** What `run` works with besides its input: the core, settings, the caller. */
  context: unknown;
  /** The request's input as the dialect reads it (parameters, a JSON body); the input schema checks it. */
  raw: unknown;
  /** What the dialect sends for a success (a body, an answer). */
  answer: unknown;
  /** The dialect's wire error (an errno, a retcode, an error kind). */
  wire: unknown;
}

/** What an operation file states. */
export interface OperationSpec<T extends OperationTypes, Input, Result> {
  /** The operation's name in the API log. */
  name: string;
  auth: T['auth'];
  /** The input: a JSON schema (compiled once, on the kit's validator) or a check of the dialect's own. */
  input: JSONSchemaType<Input> | InputCheck<T['raw'], Input>;
  /** Input that fails its check, when this operation words it differently from its dialect. */
  invalidInput?: (errors: readonly ErrorObject[]) => T['wire'];
  /** Has the core act. Refusals are thrown: the core's `DomainError`, or a `WireRefusal`. */
  run(context: T['context'], input: Input): Promise<Result>;
  /** The success as the dialect sends it. */
  render(result: Result, context: T['context'], input: Input): T['answer'];
  /** Only the codes this operation words differently from its dialect's error table. */
  errors?: ErrorOverrides<T['wire']>;
  /**
   * What of the documented operation this one does not carry out; absent
   * when it carries out all of it. The compatibility matrix is generated
   * from it.
   */
  partial?: string;
}

export type Outcome<T extends OperationTypes> =
  | { ok: true; answer: T['answer'] }
  /** `cause`: what was thrown (null for input that failed its check); `unexpected`: nothing the dialect knows, worth a log line. */
  | { ok: false; wire: T['wire']; cause: unknown; unexpected: boolean };

/** An operation as its dialect's catalogue holds it. */
export type Operation<T extends OperationTypes> = T['selector'] & {
  readonly name: string;
  readonly auth: T['auth'];
  readonly errors: ErrorOverrides<T['wire']>;
  /** What of the documented operation is not carried out (see `OperationSpec.partial`). */
  readonly partial?: string;
  /** Checks the input, runs, renders, and words any refusal: never throws for a refusal, rethrows only what the dialect does not know. */
  perform(context: T['context'], raw: T['raw']): Promise<Outcome<T>>;
  /** The wire error of anything `run` could throw; null when it is not a refusal the dialect knows. */
  wireErrorOf(error: unknown): T['wire'] | null;
};

export interface OperationKindConfig<T extends OperationTypes> {
  /** The dialect's one error table. */
  errors: ErrorTable<T['wire']>;
  /** Input failing its check, unless the operation words it itself. */
  invalidInput(errors: readonly ErrorObject[]): T['wire'];
  /**
   * The wire error of anything else (a lost database, a bug), logged by the
   * dialect; without it, such a failure is rethrown to the dialect's
   * never-500 guard.
   */
  unexpected?: T['wire'];
  /**
   * Checks the caller against what the operation asks (`auth`), before it
   * runs: refuses by throwing (a `WireRefusal`, or the core's error), and may
   * note on the context who the caller is. Without it, every caller passes.
   */
  authorize?(context: T['context'], auth: T['auth']): Promise<void>;
  /** The input is checked before the caller (PhalApi's order); by default the caller comes first. */
  inputBeforeAuth?: boolean;
}

export interface OperationKind<T extends OperationTypes> {
  define<Input, Result>(spec: OperationSpec<T, Input, Result> & T['selector']): Operation<T>;
  /** The dialect's error table, for documentation and its tests. */
  readonly errors: ErrorTable<T['wire']>;
  /**
   * The wire error of a failure outside any operation (the steps a dialect
   * takes before it knows the operation, such as authentication): the table
   * alone; null when it is not a refusal the dialect knows.
   */
  wireErrorOf(error: unknown): T['wire'] | null;
  /** Compiles a schema on the kind's validator, for an input check of the dialect's own. */
  compile<Input>(schema: JSONSchemaType<Input>): ValidateFunction<Input>;
}

/**
 * The one way a dialect defines its operations: the dialect states its types,
 * its error table, how it words bad input and how it checks a caller once;
 * each operation then is a `define({...})` in a file of its own, and the kit
 * runs every one of them the same way: check the caller and the input, run
 * against the core, render the success, and turn any refusal into the
 * dialect's wire error (the operation's override, else the table).
 */
export function operationKind<T extends OperationTypes>(config: OperationKindConfig<T>): OperationKind<T> {
  const ajv = createSchemaValidator();
  const tableErrorOf = (error: unknown, overrides: ErrorOverrides<T['wire']>): T['wire'] | null => {
    if (error instanceof WireRefusal) return error.wire as T['wire'];
    if (isDomainError(error)) return error.code in overrides ? (overrides[error.code] as T['wire']) : config.errors[error.code];
    return null;
  };
  return {
    errors: config.errors,
    wireErrorOf: (error) => tableErrorOf(error, {}),
    compile: (schema) => ajv.compile(schema),
    define<Input, Result>(spec: OperationSpec<T, Input, Result> & T['selector']): Operation<T> {
      const { input, invalidInput, run, render, errors: overrides, ...rest } = spec;
      const check: InputCheck<T['raw'], Input> = typeof input === 'function' ? input : compileInput<T['raw'], Input>(ajv.compile<Input>(input));
      const errors: ErrorOverrides<T['wire']> = overrides ?? {};
      const wireErrorOf = (error: unknown): T['wire'] | null => tableErrorOf(error, errors);
      return {
        ...rest,
        errors,
        wireErrorOf,
        async perform(context, raw) {
          try {
            if (!config.inputBeforeAuth) await config.authorize?.(context, rest.auth);
            const checked = check(raw);
            if (!checked.ok) return { ok: false, wire: (invalidInput ?? config.invalidInput)(checked.errors), cause: null, unexpected: false };
            if (config.inputBeforeAuth) await config.authorize?.(context, rest.auth);
            const result = await run(context, checked.value);
            return { ok: true, answer: render(result, context, checked.value) };
          } catch (error) {
            const wire = wireErrorOf(error);
            if (wire !== null) return { ok: false, wire, cause: error, unexpected: false };
            if (config.unexpected === undefined) throw error;
            return { ok: false, wire: config.unexpected, cause: error, unexpected: true };
          }
        },
      } as Operation<T>;
    },
  };
}

function compileInput<Raw, Input>(validate: ValidateFunction<Input>): InputCheck<Raw, Input> {
  return (raw) => (validate(raw) ? { ok: true, value: raw } : { ok: false, errors: validate.errors ?? [] });
}

/**
 * A dialect's operations, registered once: one line per operation in the
 * dialect's catalogue file. Lookups by a selector field are built here, so
 * that no dialect keeps a list of operation names of its own.
 */
export class OperationCatalogue<T extends OperationTypes> {
  private readonly byName = new Map<string, Operation<T>>();

  constructor(readonly operations: readonly Operation<T>[]) {
    for (const operation of operations) {
      if (this.byName.has(operation.name)) throw new Error(`operation ${operation.name} is registered twice`);
      this.byName.set(operation.name, operation);
    }
  }

  /** Every operation's name, as the API log notes it. */
  names(): string[] {
    return [...this.byName.keys()];
  }

  named(name: string): Operation<T> | undefined {
    return this.byName.get(name);
  }

  /**
   * A lookup by one selector field (`action`, `function`, `service`);
   * `normalise` folds the keys and the asked value alike (PHP class names
   * ignore case, for example).
   */
  index<K extends keyof T['selector'] & string>(field: K, normalise: (key: string) => string = (key) => key): (value: string) => Operation<T> | undefined {
    const map = new Map<string, Operation<T>>();
    for (const operation of this.operations) {
      const key = normalise(String((operation as T['selector'])[field]));
      if (map.has(key)) throw new Error(`two operations are selected by ${field}=${key}`);
      map.set(key, operation);
    }
    return (value) => map.get(normalise(value));
  }
}
