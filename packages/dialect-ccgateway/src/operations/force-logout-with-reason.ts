import { defineInterface, NO_BODY, refuse } from '../operation';
import { successAnswer } from '../wire/envelope';

/** `{reason}`: Huawei's sign-out cause code, an integer 1–255. */
export function signOutCause(raw: string | undefined): number | null {
  if (raw === undefined || !/^[1-9][0-9]{0,2}$/.test(raw)) return null;
  const value = Number(raw);
  return value <= 255 ? value : null;
}

/**
 * `DELETE /onlineagent/{agentid}/forcelogoutwithreason/{reason}` (spec §5.5,
 * Huawei `cec_07_1221`/`cec_07_0354`): forcelogout with a cause code, which
 * the core keeps on the sign-out it records. A cause out of range is the
 * page's one error code, `100-005` (invalid sign-out parameter).
 */
export const forceLogoutWithReasonOperation = defineInterface({
  name: 'forceLogoutWithReason',
  method: 'DELETE',
  path: '/onlineagent/{agentid}/forcelogoutwithreason/{reason}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const cause = signOutCause(ctx.pathParams.reason);
    if (cause === null) throw refuse('100-005');
    await ctx.core.logoutAgent({ agentId: ctx.agentId, whenInCall: 'force', cause });
  },
  render: () => successAnswer(),
});
