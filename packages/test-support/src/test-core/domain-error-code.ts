import { DomainError } from '@pbx-gateway/core';

/** The code of the DomainError `work` fails with; success or any other failure fails the test. */
export async function domainErrorCode(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
}
