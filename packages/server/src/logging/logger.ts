import pino, { type Logger } from 'pino';
import type { CoreLogger } from '@pbx-gateway/core';
import type { DialectLogger } from '@pbx-gateway/dialect-kit';

/**
 * Names that carry secrets wherever they appear in a log line. Dialects
 * already redact what they log; this is the second net, so a secret that slips
 * into a log object by another path is still not written.
 */
const SECRET_KEYS = ['pass', 'password', 'secret', 'token', 'accesskey', 'agentPin', 'agent_pass', 'guid', 'authorization', 'cookie', 'api_key'];

export function createLogger(options: { level: string; destination?: NodeJS.WritableStream }): Logger {
  const paths = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);
  return pino(
    {
      level: options.level,
      base: { service: 'pbx-gateway' },
      redact: { paths, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
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
