import { parseArgs } from 'node:util';
import { ADMIN_API_PREFIX } from './admin-api';
import { MAX_PAGE_LIMIT } from './admin-paging';

export const AGENT_USAGE = `  agent login AGENT [--phone N] [--campaign C] [--queue Q]... [--state ready|paused]
                     [--pause-reason R] [--conference N] [--no-connect-phone] [--via CHANNEL] [--replace]
                     log an agent in on the running gateway
  agent logout AGENT [--force | --refuse-in-call]
                     log an agent out (during a call: when it ends, unless --force)
  agent list         the live agent sessions
  agent show AGENT   one agent's session
                     (these talk to the running gateway's admin API at PBX_GATEWAY_URL,
                     default http://127.0.0.1:$PORT, with the key in ADMIN_API_KEY)
`;

export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

class UsageError extends Error {}

/**
 * `pbx-gateway agent ...`: the admin API from a shell. It changes nothing
 * itself: the running gateway does the work, so a login here is the same
 * command the API and provisioning run.
 */
export async function agentCommand(args: readonly string[], env: NodeJS.ProcessEnv, io: CliOutput): Promise<number> {
  let request: { method: string; path: string; body?: unknown };
  try {
    request = requestOf(args);
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TypeError)) throw error;
    io.err(`pbx-gateway: ${error.message}\nusage:\n${AGENT_USAGE}`);
    return 2;
  }
  const key = env.ADMIN_API_KEY;
  if (!key) {
    io.err('pbx-gateway: ADMIN_API_KEY is not set (the key the gateway was started with)\n');
    return 2;
  }
  const base = (env.PBX_GATEWAY_URL || `http://127.0.0.1:${env.PORT || '8080'}`).replace(/\/+$/, '');
  let response: Response;
  try {
    response = await fetch(`${base}${ADMIN_API_PREFIX}${request.path}`, {
      method: request.method,
      headers: { Authorization: `Bearer ${key}`, ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
  } catch (error) {
    io.err(`pbx-gateway: no gateway answers at ${base}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}\n`);
    return 1;
  }
  const text = await response.text();
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    io.err(`pbx-gateway: ${base} answered ${response.status} without JSON; is it the gateway?\n`);
    return 1;
  }
  if (!response.ok) {
    const error = (answer as { error?: { code?: string; message?: string; details?: unknown } }).error ?? {};
    const details = Array.isArray(error.details) ? error.details.map((line) => `\n  ${String(line)}`).join('') : '';
    io.err(`pbx-gateway: ${error.code ?? response.status}: ${error.message ?? 'refused'}${details}\n`);
    return 1;
  }
  io.out(`${JSON.stringify(answer, null, 2)}\n`);
  return 0;
}

function requestOf(args: readonly string[]): { method: string; path: string; body?: unknown } {
  const [action, ...rest] = args;
  switch (action) {
    case 'login': {
      const { values, positionals } = parseArgs({
        args: [...rest],
        allowPositionals: true,
        options: {
          phone: { type: 'string' },
          campaign: { type: 'string' },
          queue: { type: 'string', multiple: true },
          state: { type: 'string' },
          'pause-reason': { type: 'string' },
          conference: { type: 'string' },
          'no-connect-phone': { type: 'boolean' },
          via: { type: 'string' },
          replace: { type: 'boolean' },
        },
      });
      // The gateway validates the rest and says what is wrong.
      const body: Record<string, unknown> = { agentId: oneAgent(positionals) };
      if (values.phone !== undefined) body.phone = values.phone;
      if (values.campaign !== undefined) body.campaign = values.campaign;
      if (values.queue !== undefined) body.queues = values.queue.flatMap((queue) => queue.split(',')).filter((queue) => queue !== '');
      if (values.state !== undefined) body.initialState = values.state;
      if (values['pause-reason'] !== undefined) body.pauseReason = values['pause-reason'];
      if (values.conference !== undefined) body.conference = values.conference;
      if (values['no-connect-phone']) body.connectPhone = false;
      if (values.via !== undefined) body.via = values.via;
      if (values.replace) body.replaceExisting = true;
      return { method: 'POST', path: '/sessions', body };
    }
    case 'logout': {
      const { values, positionals } = parseArgs({
        args: [...rest],
        allowPositionals: true,
        options: { force: { type: 'boolean' }, 'refuse-in-call': { type: 'boolean' } },
      });
      if (values.force && values['refuse-in-call']) throw new UsageError('--force and --refuse-in-call exclude each other');
      const whenInCall = values.force ? 'force' : values['refuse-in-call'] ? 'refuse' : 'defer';
      return { method: 'POST', path: `/sessions/${encodeURIComponent(oneAgent(positionals))}/logout`, body: { whenInCall } };
    }
    case 'list':
      if (rest.length > 0) throw new UsageError('agent list takes no arguments');
      return { method: 'GET', path: `/sessions?limit=${MAX_PAGE_LIMIT}` };
    case 'show':
      return { method: 'GET', path: `/sessions/${encodeURIComponent(oneAgent(parseArgs({ args: [...rest], allowPositionals: true, options: {} }).positionals))}` };
    default:
      throw new UsageError(action === undefined ? 'agent needs an action' : `unknown agent action ${action}`);
  }
}

function oneAgent(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError('name exactly one agent');
  return positionals[0]!;
}
