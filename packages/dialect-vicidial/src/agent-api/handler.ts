import type { Request, RequestHandler } from 'express';
import { handle, noteApiRequest } from '@pbx-gateway/dialect-kit';
import { authenticateAgentApiUser } from '../auth';
import { agentFunction } from '../operations/catalogue';
import { agentApiVersionLine } from '../operations/version';
import { clientIp, TEAPOT_FUNCTIONS, teapotBody, type ScriptDeps } from '../script';
import { AnswerText, CLOSE_WINDOW_LINK, debugFooter, debugHeader, sendReply, wantsCloseLink, type WireReply } from '../wire/answer';
import { bytesToText, readPhpParams } from '../wire/php-params';
import { answerAgentFunction } from './perform';
import { readAgentRequest, readAgentRequestHead, type AgentRequest } from './request';
import type { AgentOperationContext } from './steps';

/** `/agc/api.php`: the order of spec §2.1, then the function, then the close-window link and the debug footer. */
export function agentApiHandler(deps: ScriptDeps): RequestHandler {
  return handle(async (req, res) => {
    const startedAt = deps.core.clock.now();
    const params = await readPhpParams(req, deps.settings.maxBodyBytes);
    const head = readAgentRequestHead(params, deps.filters);
    const note = {
      operation: bytesToText(head.function) || 'none',
      params: params.forLog(),
      apiUser: head.user === '' ? null : bytesToText(head.user),
    };
    if (head.function === 'version') {
      // Answered before anything else, whatever the other parameters: the other sixty are not read.
      const line = agentApiVersionLine(deps.settings, startedAt);
      noteApiRequest(res, { ...note, agentId: head.agent_user === '' ? null : bytesToText(head.agent_user), outcome: 'success', result: bytesToText(line) });
      sendReply(res, { status: 200, body: `${line}\n` });
      return;
    }
    const request = readAgentRequest(params, deps.filters, head);
    // Noted before the work, so that a request that fails unexpectedly is logged with its (redacted) parameters too.
    noteApiRequest(res, { ...note, agentId: null, outcome: 'error', result: 'ERROR: service unavailable' });
    const reply = await answerAgentApi(deps, req, request, startedAt);
    noteApiRequest(res, {
      ...note,
      agentId: reply.agentId === null || reply.agentId === '' ? null : bytesToText(reply.agentId),
      outcome: reply.outcome,
      result: bytesToText(reply.result),
    });
    sendReply(res, reply);
  });
}

interface AgentApiReply extends WireReply {
  agentId: string | null;
  outcome: 'success' | 'error';
  result: string;
}

async function answerAgentApi(deps: ScriptDeps, req: Request, request: AgentRequest, startedAt: Date): Promise<AgentApiReply> {
  const { core, settings } = deps;
  const fn = request.function;
  const refuse = (line: string, status: 200 | 418 = 200, newline = true): AgentApiReply => ({
    status,
    body: newline ? `${line}\n` : line,
    agentId: request.agent_user,
    outcome: 'error',
    result: line,
  });

  if (TEAPOT_FUNCTIONS.has(fn)) return refuse(teapotBody(fn), 418, false);
  if (request.source.length < 2) return refuse(`ERROR: Invalid Source - ${request.source}`);

  const auth = await authenticateAgentApiUser(core, settings, { user: request.user, pass: request.pass, ip: clientIp(req) });
  if (!auth.ok) return refuse(auth.line);
  if (!settings.agentApiActive) return refuse('ERROR: System API NOT ACTIVE');

  const debug = request.format === 'debug';
  const answer = new AnswerText(debug);
  const ctx: AgentOperationContext = {
    core,
    logger: deps.logger,
    request,
    apiUser: auth.user,
    answer,
    epoch: Math.floor(startedAt.getTime() / 1000),
    settings,
    serverName: serverNameOf(req),
  };
  const operation = agentFunction(fn);
  // Unknown functions (and those of the catalogue not carried out yet) print nothing.
  const { agentId } = operation ? await answerAgentFunction(operation, ctx) : { agentId: request.agent_user };

  let body = debug ? debugHeader(settings.agentApi.version, settings.agentApi.build, request.user) : '';
  body += answer.text();
  if (!answer.hasExited) {
    if (wantsCloseLink(request.close_window_link)) body += CLOSE_WINDOW_LINK;
    if (debug) body += debugFooter(Math.floor(core.clock.now().getTime() / 1000) - Math.floor(startedAt.getTime() / 1000));
  }
  const result = operation ? answer.firstLine : 'unknown function';
  return { status: 200, body, agentId, outcome: answer.succeeded ? 'success' : 'error', result };
}

/** The Host header's name without its port, as Apache hands PHP `SERVER_NAME`; only host-name characters. */
function serverNameOf(req: Request): string {
  const host = String(req.headers.host ?? '');
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, '');
  return name.replace(/[^-.:[\]0-9a-zA-Z]/g, '');
}
