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
