import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAriContract, type AriContract } from '../src/ari-contract';
import { repositoryRoot } from '../src/reference-data';
import { startAsterisk, type RunningAsterisk } from '../src/asterisk/start';

/** The operations pbx-ari sends, as its ari-operations.ts names them (`resource.nickname`). */
function gatewayOperations(): string[] {
  const source = readFileSync(join(repositoryRoot(), 'packages', 'pbx-ari', 'src', 'ari-operations.ts'), 'utf8');
  const union = /export type AriOperation =([^;]+);/.exec(source)?.[1] ?? '';
  return [...union.matchAll(/'([a-zA-Z]+\.[a-zA-Z]+)'/g)].map((match) => match[1]!);
}

const shape = (contract: AriContract) =>
  contract.operations
    .map((operation) => ({
      ...operation,
      parameters: operation.parameters.map((p) => ({ name: p.name, paramType: p.paramType, dataType: p.dataType, required: p.required ?? false, allowMultiple: p.allowMultiple ?? false })),
    }))
    .sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));

/**
 * What the gateway relies on, checked against what the running Asterisk
 * 22.10.1 serves: the description the base tier checks every request against
 * (../shared/ari/api-docs) is the one Asterisk serves, and every operation
 * pbx-ari sends is in it.
 */
describe('the ARI contract, against the running Asterisk', () => {
  let asterisk: RunningAsterisk;
  let served: AriContract;
  let dir: string;

  beforeAll(async () => {
    asterisk = await startAsterisk();
    dir = mkdtempSync(join(tmpdir(), 'ari-served-'));
    const listing = (await asterisk.ari('GET', '/api-docs/resources.json')).body as { apis: Array<{ path: string }> };
    for (const api of listing.apis) {
      const file = api.path.replace('/api-docs/', '').replace('{format}', 'json');
      writeFileSync(join(dir, file), JSON.stringify((await asterisk.ari('GET', `/api-docs/${file}`)).body));
    }
    served = loadAriContract(dir);
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await asterisk?.close();
  });

  it('serves the operations, parameters and models of the reference description', () => {
    const reference = loadAriContract();
    expect(shape(served)).toEqual(shape(reference));
    expect(served.models).toEqual(reference.models);
  });

  it('has every operation pbx-ari sends, under the same nickname', () => {
    const operations = gatewayOperations();
    expect(operations.length).toBeGreaterThan(10);
    const offered = new Set(served.operations.map((operation) => `${operation.resource}.${operation.nickname}`));
    expect(operations.filter((operation) => !offered.has(operation))).toEqual([]);
  });
});
