import type { CoreLogger } from '@pbx-gateway/core';

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  facts: Record<string, unknown> | undefined;
}

/** Keeps what the core logs so that a test can look at it. */
export class RecordingLogger implements CoreLogger {
  readonly lines: LogLine[] = [];

  info(message: string, facts?: Record<string, unknown>): void {
    this.lines.push({ level: 'info', message, facts });
  }

  warn(message: string, facts?: Record<string, unknown>): void {
    this.lines.push({ level: 'warn', message, facts });
  }

  error(message: string, facts?: Record<string, unknown>): void {
    this.lines.push({ level: 'error', message, facts });
  }

  messages(level: LogLine['level']): string[] {
    return this.lines.filter((line) => line.level === level).map((line) => line.message);
  }
}
