import { DIALECTS, OPERATIONS, type DialectOperation } from './dialect-operations';
import type { SeededRandom } from '@pbx-gateway/test-support';

/**
 * Which operation each request of a run starts from: every dialect gets
 * `perDialect` requests spread evenly over its operations, and the dialects'
 * requests are shuffled together so that they reach the gateway interleaved.
 */
export function planOperations(random: SeededRandom, perDialect: number): DialectOperation[] {
  const plan: DialectOperation[] = [];
  for (const dialect of DIALECTS) {
    const operations = OPERATIONS.filter((operation) => operation.dialect === dialect);
    for (let index = 0; index < perDialect; index += 1) plan.push(operations[index % operations.length]!);
  }
  for (let index = plan.length - 1; index > 0; index -= 1) {
    const other = random.int(index + 1);
    [plan[index], plan[other]] = [plan[other]!, plan[index]!];
  }
  return plan;
}
