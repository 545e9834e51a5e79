import type { SupervisionMode } from '@pbx-gateway/core';
import { refuse, type InterfaceContext } from '../operation';
import { parseAgentId } from '../wire/path-params';
import type { ErrorOverrides } from '@pbx-gateway/dialect-kit';
import type { Retcode } from '../errors';
import { agentSession } from './agent-session';
import { INSPECTOR_ATTRIBUTE } from '../wire/inspector';

export { INSPECTOR_ATTRIBUTE };

/**
 * The agent an inspector acts on, `{workNo}` of the path, once the caller is
 * known to be a signed-in inspector: a malformed or out-of-range id is
 * `000-002`, a caller without the right `000-003`, the caller itself
 * `000-005`.
 */
export async function inspectedAgent(ctx: InterfaceContext, raw: string | undefined): Promise<string> {
  const workNo = parseAgentId(raw ?? '', ctx.settings.agentIdRange);
  if (workNo === null) throw refuse('000-002');
  await signedInInspector(ctx);
  if (workNo === ctx.agentId) throw refuse('000-005');
  return workNo;
}

/** The caller is a signed-in agent (`100-006`) with the inspection right (`000-003`). */
export async function signedInInspector(ctx: InterfaceContext): Promise<void> {
  await agentSession(ctx);
  const inspector = await ctx.core.getAgent(ctx.agentId);
  if (inspector?.attributes[INSPECTOR_ATTRIBUTE] !== '1') throw refuse('000-003');
}

/**
 * Listening, insertion and whispering: the inspector's phone rings and, once
 * answered, joins the inspected agent's call (core supervision). The
 * inspected agent must be signed in (`100-006`) and in a call; the inspector
 * must not be in one (both `100-009`).
 */
export async function superviseAgent(ctx: InterfaceContext, workNo: string, mode: SupervisionMode, operation: string): Promise<void> {
  await ctx.core.startSupervision({
    supervisor: { agentId: ctx.agentId },
    supervised: { kind: 'agent', agentId: workNo },
    mode,
    callerId: { number: ctx.agentId, name: 'Inspector' },
    ringSec: null,
    data: { workNo },
    origin: { dialect: 'ccgateway', operation, apiUserId: null },
  });
}

/** Refusals of the supervised side: an agent in no call, or a busy inspector. */
export const SUPERVISION_ERRORS: ErrorOverrides<Retcode> = {
  LEG_NOT_FOUND: '100-009',
  AGENT_BUSY: '100-009',
  AGENT_HAS_NO_DEVICE: '100-009',
  NO_ACTIVE_CALL: '100-009',
};
