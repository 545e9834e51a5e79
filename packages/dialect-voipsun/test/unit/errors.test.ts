import { ERRNO_TABLE } from '../../src';
import { originate } from '../../src/operations/originate';

// The wire errno of each core refusal originate can meet; the ones no
// request can provoke through the real core are read from the table here.
test.each([
  ['EXTENSION_AMBIGUOUS', '201'],
  ['DIALPLAN_NOT_FOUND', '203'],
  ['EXTENSION_NOT_FOUND', '202'],
  ['TRUNK_NOT_FOUND', '250'],
  ['PBX_UNAVAILABLE', '900'],
  ['INVALID_ARGUMENT', '120'],
  ['CALL_NOT_FOUND', '999'],
] as const)('%s is errno %s', (code, errno) => {
  expect(ERRNO_TABLE[code]).toBe(errno);
});

test('originate words an engine refusal as errno 220, other actions as 901', () => {
  expect(originate.errors).toEqual({ PBX_REJECTED: '220' });
  expect(ERRNO_TABLE.PBX_REJECTED).toBe('901');
});
