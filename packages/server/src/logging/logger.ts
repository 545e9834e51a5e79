import pino, { type Logger } from 'pino';
import type { CoreLogger } from '@pbx-gateway/core';
import type { DialectLogger } from '@pbx-gateway/dialect-kit';
import { redactSecrets } from './redact-secrets';

export function createLogger(options: { level: string; destination?: NodeJS.WritableStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'pbx-gateway' },
      // Every line's own facts; child loggers bind only component names, fixed in code.
      formatters: { log: redactSecrets },
      timestamp: isoTimeOncePerMs(),
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/**
 * pino's ISO time, formatted once per millisecond: under load several lines
 * (one per API request) are written within the same one, and formatting a
 * date is a good part of what a line costs.
 */
function isoTimeOncePerMs(): () => string {
  let formattedAt = Number.NaN;
  let field = '';
  return () => {
    const now = Date.now();
    if (now !== formattedAt) {
      formattedAt = now;
      field = `,"time":"${new Date(now).toISOString()}"`;
    }
    return field;
  };
}

export function coreLoggerOf(logger: Logger): CoreLogger {
  const core = logger.child({ component: 'core' });
  return {
    info: (message, facts) => core.info(facts ?? {}, message),
    warn: (message, facts) => core.warn(facts ?? {}, message),
    error: (message, facts) => core.error(facts ?? {}, message),
  };
}

export function dialectLoggerOf(logger: Logger, dialect: string): DialectLogger {
  const child = logger.child({ component: dialect });
  return {
    debug: (facts, message) => child.debug(facts, message),
    info: (facts, message) => child.info(facts, message),
    warn: (facts, message) => child.warn(facts, message),
    error: (facts, message) => child.error(facts, message),
  };
}
