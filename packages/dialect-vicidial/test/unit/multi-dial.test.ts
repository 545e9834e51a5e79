import { multiDialNumbers, storedMultiDialRows } from '../../src/agent-api/multi-dial';

// transfer_conference's `|Multi-phones: <accepted> <given> <stored>`: the
// entries VICIdial's script keeps, and the rows its MySQL reports for its one
// row per agent (INSERT … ON DUPLICATE KEY UPDATE).

const request = (numbers: string[], at: string) => ({ agentId: '1000', numbers, requestedAt: new Date(at) });

describe('multiDialNumbers', () => {
  test('5 to 18 characters, none contained in those kept before it; every comma-separated entry counted', () => {
    expect(multiDialNumbers('5550201,55,5550201,5550202')).toEqual({ kept: ['5550201', '5550202'], given: 4 });
    expect(multiDialNumbers('12345,1234567890123456789,123456789012345678')).toEqual({ kept: ['12345', '123456789012345678'], given: 3 });
    // Contained as a substring in one kept earlier: left out, as preg_match leaves it.
    expect(multiDialNumbers('3125551212,55512,3125551213')).toEqual({ kept: ['3125551212', '3125551213'], given: 3 });
    expect(multiDialNumbers(',,,,')).toEqual({ kept: [], given: 5 });
  });
});

describe('storedMultiDialRows', () => {
  test("1 for the agent's first request", () => {
    expect(storedMultiDialRows({ request: request(['5550201'], '2026-01-01T10:00:00.200Z'), replaced: null })).toBe(1);
  });

  test('2 when it replaces an earlier request: other numbers, or the same numbers in another second', () => {
    expect(storedMultiDialRows({ request: request(['5550202'], '2026-01-01T10:00:00.900Z'), replaced: request(['5550201'], '2026-01-01T10:00:00.100Z') })).toBe(2);
    expect(storedMultiDialRows({ request: request(['5550201'], '2026-01-01T10:00:01.000Z'), replaced: request(['5550201'], '2026-01-01T10:00:00.999Z') })).toBe(2);
  });

  test('0 for the same numbers within the same second: the row does not change', () => {
    expect(storedMultiDialRows({ request: request(['5550201', '5550202'], '2026-01-01T10:00:00.900Z'), replaced: request(['5550201', '5550202'], '2026-01-01T10:00:00.100Z') })).toBe(0);
  });
});
