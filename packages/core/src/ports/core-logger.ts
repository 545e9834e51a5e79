/** The few things the core reports; the server decides where they go. */
export interface CoreLogger {
  info(message: string, facts?: Record<string, unknown>): void;
  warn(message: string, facts?: Record<string, unknown>): void;
  error(message: string, facts?: Record<string, unknown>): void;
}

export const silentLogger: CoreLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
