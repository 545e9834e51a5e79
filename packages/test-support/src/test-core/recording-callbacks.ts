import type { CallbackDelivery, CallbackOutcome, CallbackTransport } from '@pbx-gateway/core';

/** Records every delivery attempt; can be told to fail the next N attempts. */
export class RecordingCallbackTransport implements CallbackTransport {
  readonly attempts: Array<CallbackDelivery & { outcome: CallbackOutcome }> = [];
  private failuresLeft = 0;
  private failure: { status: number | null; reason: string } = { status: 503, reason: 'HTTP 503' };

  failNext(times: number, failure: { status: number | null; reason: string } = { status: 503, reason: 'HTTP 503' }): void {
    this.failuresLeft = times;
    this.failure = failure;
  }

  async post(delivery: CallbackDelivery): Promise<CallbackOutcome> {
    let outcome: CallbackOutcome;
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      outcome = { delivered: false, status: this.failure.status, reason: this.failure.reason };
    } else {
      outcome = { delivered: true, status: 200 };
    }
    this.attempts.push({ ...delivery, headers: { ...delivery.headers }, outcome });
    return outcome;
  }

  get delivered(): CallbackDelivery[] {
    return this.attempts.filter((attempt) => attempt.outcome.delivered);
  }
}
