import type { JSONSchemaType } from 'ajv';
import { DomainError, DomainErrorCodes, type DomainErrorCode } from '@pbx-gateway/core';
import { OperationCatalogue, operationKind, WireRefusal, type ErrorTable } from '../src';

interface Types {
  selector: { action: string };
  auth: string;
  context: { calls: string[] };
  raw: Record<string, string>;
  answer: string;
  wire: string;
}

const table = Object.fromEntries(DomainErrorCodes.map((code) => [code, `table:${code}`])) as ErrorTable<string>;
const kind = operationKind<Types>({
  errors: table,
  invalidInput: (errors) => `invalid:${errors.map((error) => error.keyword).join(',')}`,
});

const schema: JSONSchemaType<{ who: string }> = {
  type: 'object',
  properties: { who: { type: 'string', minLength: 1 } },
  required: ['who'],
};

const greet = (failure: unknown = null) =>
  kind.define<{ who: string }, string>({
    name: 'greet',
    action: 'hello',
    auth: 'Greeting',
    input: schema,
    async run(context, { who }) {
      if (failure !== null) throw failure;
      context.calls.push(who);
      return who.toUpperCase();
    },
    render: (shout) => `hello ${shout}`,
    errors: { AGENT_BUSY: 'greet:busy' },
  });

describe('an operation defined with the kit', () => {
  test('checks its input, runs, and renders the success', async () => {
    const context = { calls: [] as string[] };
    expect(await greet().perform(context, { who: 'ann' })).toEqual({ ok: true, answer: 'hello ANN' });
    expect(context.calls).toEqual(['ann']);
  });

  test('input failing its schema is the dialect\'s invalid-input error, and run is not called', async () => {
    const context = { calls: [] as string[] };
    expect(await greet().perform(context, {})).toEqual({ ok: false, wire: 'invalid:required', cause: null, unexpected: false });
    expect(context.calls).toEqual([]);
  });

  test.each(DomainErrorCodes.filter((code) => code !== 'AGENT_BUSY'))('%s falls to the dialect table', async (code: DomainErrorCode) => {
    const outcome = await greet(new DomainError(code)).perform({ calls: [] }, { who: 'x' });
    expect(outcome).toMatchObject({ ok: false, wire: `table:${code}`, unexpected: false });
  });

  test('an override of the operation wins over the table', async () => {
    expect(await greet(new DomainError('AGENT_BUSY')).perform({ calls: [] }, { who: 'x' })).toMatchObject({ ok: false, wire: 'greet:busy' });
  });

  test('a refusal the operation words itself reaches the wire as it is', async () => {
    expect(await greet(new WireRefusal('own')).perform({ calls: [] }, { who: 'x' })).toMatchObject({ ok: false, wire: 'own', unexpected: false });
  });

  test('anything else is rethrown to the never-500 guard, or answered with the dialect\'s unexpected error', async () => {
    await expect(greet(new Error('database gone')).perform({ calls: [] }, { who: 'x' })).rejects.toThrow('database gone');
    const guarded = operationKind<Types>({ errors: table, invalidInput: () => 'invalid', unexpected: 'internal' });
    const op = guarded.define<Record<string, string>, void>({
      name: 'boom',
      action: 'boom',
      auth: '',
      input: (raw) => ({ ok: true, value: raw }),
      run: async () => {
        throw new Error('bug');
      },
      render: () => 'never',
    });
    expect(await op.perform({ calls: [] }, {})).toMatchObject({ ok: false, wire: 'internal', unexpected: true });
  });
});

describe('the catalogue', () => {
  test('finds operations by name and by a selector field, folded as the dialect asks', () => {
    const operation = greet();
    const catalogue = new OperationCatalogue<Types>([operation]);
    expect(catalogue.named('greet')).toBe(operation);
    const byAction = catalogue.index('action', (key) => key.toLowerCase());
    expect(byAction('HELLO')).toBe(operation);
    expect(byAction('bye')).toBeUndefined();
  });

  test('refuses an operation registered twice', () => {
    expect(() => new OperationCatalogue<Types>([greet(), greet()])).toThrow('registered twice');
  });
});

describe('the caller check', () => {
  const steps: string[] = [];
  const checked = (inputBeforeAuth: boolean) =>
    operationKind<Types>({
      errors: table,
      invalidInput: () => 'invalid',
      inputBeforeAuth,
      async authorize(context, auth) {
        steps.push(`authorize ${auth}`);
        if (context.calls.includes('stranger')) throw new WireRefusal('not allowed');
      },
    }).define<{ who: string }, string>({
      name: 'greet',
      action: 'hello',
      auth: 'Greeting',
      input: (raw) => {
        steps.push('input');
        return raw.who ? { ok: true, value: { who: raw.who } } : { ok: false, errors: [] };
      },
      run: async ({ calls }, { who }) => `${calls.join()}${who}`,
      render: (text) => text,
    });

  beforeEach(() => {
    steps.length = 0;
  });

  test('comes before the input by default, and its refusal is the answer', async () => {
    expect(await checked(false).perform({ calls: ['stranger'] }, {})).toMatchObject({ ok: false, wire: 'not allowed' });
    expect(steps).toEqual(['authorize Greeting']);
  });

  test('comes after the input when the dialect checks parameters first', async () => {
    expect(await checked(true).perform({ calls: ['stranger'] }, {})).toMatchObject({ ok: false, wire: 'invalid' });
    expect(await checked(true).perform({ calls: [] }, { who: 'ann' })).toEqual({ ok: true, answer: 'ann' });
    expect(steps).toEqual(['input', 'input', 'authorize Greeting']);
  });
});
