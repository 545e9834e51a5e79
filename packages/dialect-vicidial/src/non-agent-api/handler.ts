import type { RequestHandler } from 'express';
import { handle, noteApiRequest } from '@pbx-gateway/dialect-kit';
import { authenticateNonAgentApiUser } from '../auth';
import { clientIp, TEAPOT_FUNCTIONS, teapotBody, type ScriptDeps } from '../script';
import { nonAgentApiVersionLine } from '../operations/version';
import { sendReply, type WireReply } from '../wire/answer';
import { FILTERS } from '../wire/input-filters';
import { bytesToText, readPhpParams } from '../wire/php-params';

/**
 * `/vicidial/non_agent_api.php` (spec §4): `version` and the teapot before
 * login; every other function passes the login checks and, not being carried
 * out yet, gets the script's answer for a function it does not know.
 */
export function nonAgentApiHandler(deps: ScriptDeps): RequestHandler {
  return handle(async (req, res) => {
    const startedAt = deps.core.clock.now();
    const params = await readPhpParams(req, deps.settings.maxBodyBytes);
    const fn = deps.filters.keep(params.get('function'), FILTERS.identifier);
    const user = deps.filters.keep(params.get('user'), FILTERS.user);
    const pass = deps.filters.keep(params.get('pass'), FILTERS.nonAgentPass);

    const note = { operation: bytesToText(fn) || 'none', params: params.forLog(), apiUser: user === '' ? null : bytesToText(user), agentId: null };
    noteApiRequest(res, { ...note, outcome: 'error', result: 'ERROR: service unavailable' });

    let reply: WireReply;
    let result: string;
    let outcome: 'success' | 'error' = 'error';
    if (fn === 'version') {
      result = nonAgentApiVersionLine(deps.settings, startedAt);
      reply = { status: 200, body: `${result}\n` };
      outcome = 'success';
    } else if (TEAPOT_FUNCTIONS.has(fn)) {
      result = teapotBody(fn);
      reply = { status: 418, body: result };
    } else {
      const auth = await authenticateNonAgentApiUser(deps.core, deps.settings, { user, pass, ip: clientIp(req) });
      result = auth.ok ? 'ERROR: NO FUNCTION SPECIFIED' : auth.line;
      reply = { status: 200, body: `${result}\n` };
    }
    noteApiRequest(res, { ...note, outcome, result: bytesToText(result) });
    sendReply(res, reply);
  });
}
