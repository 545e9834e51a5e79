import type { SupervisionRequest } from '@pbx-gateway/core';
import { companyOf, type ServiceContext } from './operations/service';

/**
 * Rings the supervising extension's phone; once it answers it joins the call
 * of the supervised extension as the mode says (core supervision: listen,
 * whisper to the extension, or barge in to both sides).
 */
export async function superviseExtension(
  ctx: ServiceContext,
  request: { extnumber: string; destnumber: string; mode: SupervisionRequest['mode']; operation: string },
): Promise<void> {
  const user = companyOf(ctx);
  await ctx.core.startSupervision({
    supervisor: { selector: { by: 'internal_number', value: request.extnumber }, dialplan: null },
    supervised: { kind: 'extension', selector: { by: 'internal_number', value: request.destnumber }, dialplan: null },
    mode: request.mode,
    // The supervisor's phone shows whom it is about to join.
    callerId: { number: request.destnumber, name: '' },
    ringSec: null,
    data: {},
    origin: { dialect: 'sipcall', operation: request.operation, apiUserId: user.id },
  });
}

/**
 * The supervisor's whisper to the supervised extension goes back to listening:
 * the core replaces the snoop, the supervisor's phone stays up. A supervision
 * that is not whispering is refused by the core (AGENT_BUSY), none at all is
 * NO_ACTIVE_CALL.
 */
export async function stopWhispering(ctx: ServiceContext, extnumber: string, destnumber: string): Promise<void> {
  await ctx.core.switchSupervision({
    supervisor: { extension: { by: 'internal_number', value: extnumber }, supervised: { by: 'internal_number', value: destnumber } },
    mode: (current) => (current === 'whisper' ? 'listen' : null),
  });
}
