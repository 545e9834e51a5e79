import { answerKind, answerProblems } from './dialect-answer-formats';
import type { DialectName } from './dialect-operations';
import { exchange, type Answer } from './http-exchange';
import { describeRequest, type WireRequest } from './request-shape';

/** One request whose answer was wrong, with enough to reproduce it. */
export interface Finding {
  dialect: DialectName;
  operation: string;
  request: string;
  mutations: string;
  problems: string[];
  answer: string;
}

/**
 * Everything the clients of a run saw: each request is sent, its answer
 * checked against its dialect's format, and counted (answers per dialect for
 * the API-log check, successes per operation for the state checks, the
 * kinds of answer for coverage, the slowest answer).
 */
export class RequestLedger {
  readonly findings: Finding[] = [];
  readonly answered: Record<DialectName, number> = { vicidial: 0, voipsun: 0, ccgateway: 0, sipcall: 0 };
  readonly kinds = new Map<string, number>();
  readonly successes = new Map<string, number>();
  sent = 0;
  slowestMs = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly boundMs: number,
  ) {}

  /** Sends `request` and checks its answer; resolves with the answer when there was one. */
  async send(dialect: DialectName, operation: string, request: WireRequest, mutations: readonly string[] = []): Promise<Answer | null> {
    this.sent += 1;
    const result = await exchange(this.baseUrl, request, this.boundMs);
    if (result.kind === 'failure') {
      this.findings.push({ dialect, operation, request: describeRequest(request), mutations: mutations.join(','), problems: [result.reason], answer: `(after ${result.elapsedMs} ms)` });
      return null;
    }
    const { answer } = result;
    this.slowestMs = Math.max(this.slowestMs, answer.elapsedMs);
    this.answered[dialect] += 1;
    const problems = answerProblems(dialect, request, answer);
    if (problems.length > 0) {
      this.findings.push({
        dialect,
        operation,
        request: describeRequest(request),
        mutations: mutations.join(','),
        problems,
        answer: `${answer.status} ${JSON.stringify(answer.body.subarray(0, 300).toString('utf8'))}`,
      });
    }
    const kind = `${dialect} ${operation}: ${answerKind(dialect, answer)}`;
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
    // A HEAD request runs its operation too, but its answer has no body to tell whether it succeeded.
    if (request.method === 'HEAD' || isSuccess(dialect, answer)) this.successes.set(`${dialect} ${operation}`, (this.successes.get(`${dialect} ${operation}`) ?? 0) + 1);
    return answer;
  }

  /** Answers that report the operation done, plus HEAD requests (which may have done it without saying). */
  successCount(dialect: DialectName, operation: string): number {
    return this.successes.get(`${dialect} ${operation}`) ?? 0;
  }

  /** Distinct kinds of answer seen per dialect. */
  kindsOf(dialect: DialectName): string[] {
    return [...this.kinds.keys()].filter((kind) => kind.startsWith(`${dialect} `));
  }
}

/** Whether the answer reports the operation as done, in the dialect's own terms. */
function isSuccess(dialect: DialectName, answer: Answer): boolean {
  const text = answer.body.toString('utf8');
  switch (dialect) {
    case 'vicidial':
      return /(?:^|\n)SUCCESS: /.test(text);
    case 'voipsun':
      return text.startsWith('{"success":"true"');
    case 'ccgateway':
      return answer.status === 200 && text.includes('"retcode":"0"');
    case 'sipcall':
      return text.startsWith('{"ret":200,"data":{"status":0');
  }
}
