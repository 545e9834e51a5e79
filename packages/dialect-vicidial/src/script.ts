import type { Request } from 'express';
import type { CallControl } from '@pbx-gateway/core';
import type { DialectLogger } from '@pbx-gateway/dialect-kit';
import { normaliseIp } from './auth';
import type { VicidialSettings } from './settings';
import type { InputFilters } from './wire/input-filters';

/** What both scripts (`api.php`, `non_agent_api.php`) work with. */
export interface ScriptDeps {
  core: CallControl;
  logger: DialectLogger;
  settings: VicidialSettings;
  filters: InputFilters;
}

/** The caller's address as Express reports it (the server decides whether proxies are trusted). */
export function clientIp(req: Request): string | null {
  const ip = req.ip ?? req.socket.remoteAddress ?? null;
  return ip === null ? null : normaliseIp(ip);
}

/** The teapot names (spec §1.2), answered by both scripts before authentication. */
export const TEAPOT_FUNCTIONS: ReadonlySet<string> = new Set(['coffee', 'start_coffee', 'make_coffee', 'brew_coffee']);

/** HTTP 418 with this body, without a newline. */
export const teapotBody = (fn: string): string => `Coffee: ${fn}|Error 418 I'm a teapot`;
