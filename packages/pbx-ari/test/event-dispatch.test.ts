import type { CoreLogger, PbxEvent } from '@pbx-gateway/core';
import { OrderedEventDispatcher } from '../src/event-dispatch';

const at = new Date('2025-03-04T10:00:00.000Z');
const dtmf = (digit: string): PbxEvent => ({ type: 'leg_dtmf', legId: 'leg-1', digit, durationMs: 100, at });

function recordingLogger(): CoreLogger & { errors: string[] } {
  const errors: string[] = [];
  return { info: () => undefined, warn: () => undefined, error: (message) => errors.push(message), errors };
}

describe('ordered event dispatch', () => {
  it('delivers every event to every listener in order, even when one listener throws', () => {
    const logger = recordingLogger();
    const dispatcher = new OrderedEventDispatcher(logger);
    const seen: string[] = [];
    dispatcher.subscribe((event) => {
      if (event.type === 'leg_dtmf' && event.digit === '2') throw new Error('listener bug');
      seen.push(`a${event.type === 'leg_dtmf' ? event.digit : ''}`);
    });
    dispatcher.subscribe((event) => seen.push(`b${event.type === 'leg_dtmf' ? event.digit : ''}`));
    for (const digit of ['1', '2', '3']) dispatcher.emit(dtmf(digit));
    expect(seen).toEqual(['a1', 'b1', 'b2', 'a3', 'b3']);
    expect(logger.errors).toHaveLength(1);
  });

  it('holds events emitted before the first listener and hands them over in order', () => {
    const dispatcher = new OrderedEventDispatcher(recordingLogger());
    dispatcher.emit({ type: 'pbx_connected', at });
    dispatcher.emit(dtmf('9'));
    const seen: PbxEvent[] = [];
    dispatcher.subscribe((event) => seen.push(event));
    dispatcher.emit(dtmf('8'));
    expect(seen.map((event) => (event.type === 'leg_dtmf' ? event.digit : event.type))).toEqual(['pbx_connected', '9', '8']);
  });

  it('bounds what it holds, dropping the oldest', () => {
    const dispatcher = new OrderedEventDispatcher(recordingLogger(), 2);
    for (const digit of ['1', '2', '3']) dispatcher.emit(dtmf(digit));
    const seen: string[] = [];
    dispatcher.subscribe((event) => seen.push(event.type === 'leg_dtmf' ? event.digit : event.type));
    expect(seen).toEqual(['2', '3']);
  });
});
