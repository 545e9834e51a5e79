import { defineInterface, NO_BODY, refuse, type InterfaceContext } from '../operation';
import { successAnswer } from '../wire/envelope';
import { agentSession } from './agent-session';

/**
 * Huawei's two-stage dialing (`cec_07_1244`): keys the agent dials on the
 * phone's pad during a call, sent to the other party of the call (an IVR at
 * the far end hears them). `number` is 1–24 keys of `0-9` and `*`; the
 * extended interface also takes `#`. No events; the page's codes: `000-002`
 * for a bad number, `100-007` for an agent without a call to send them on.
 */
function secondDial(keys: RegExp) {
  return async (ctx: InterfaceContext): Promise<void> => {
    const number = ctx.query.number;
    if (typeof number !== 'string' || !keys.test(number)) throw refuse('000-002');
    const session = await agentSession(ctx);
    if (session.currentCallId === null) throw refuse('100-007');
    await ctx.core.sendAgentCallDtmf({ agentId: ctx.agentId, digits: number });
  };
}

const secondDialAt = (name: string, path: string, keys: RegExp) =>
  defineInterface({
    name,
    method: 'POST',
    path,
    body: 'none',
    auth: 'guid',
    input: NO_BODY,
    run: secondDial(keys),
    render: () => successAnswer(),
    // The call is gone or its other party not (yet) talking: the page's "internal exception" code.
    errors: { NO_ACTIVE_CALL: '100-007' },
  });

/** `POST /voicecall/{agentid}/seconddial?number=`: digits and `*`. */
export const secondDialOperation = secondDialAt('secondDial', '/voicecall/{agentid}/seconddial', /^[0-9*]{1,24}$/);

/** `POST /voicecall/{agentid}/seconddialex?number=`: digits, `*` and `#`. */
export const secondDialExOperation = secondDialAt('secondDialEx', '/voicecall/{agentid}/seconddialex', /^[0-9*#]{1,24}$/);
