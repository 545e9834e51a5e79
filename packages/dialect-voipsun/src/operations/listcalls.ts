import type { Leg } from '@pbx-gateway/core';
import type { RequestParams } from '@pbx-gateway/dialect-kit';
import { compileSchema } from '@pbx-gateway/dialect-kit';
import type { JSONSchemaType } from 'ajv';
import { VoipsunWireError } from '../errors';
import { toWireChannelName } from '../wire/channel-name';
import { ajv } from '../wire/schema';
import type { OperationContext, VoipsunOperation } from './action';

/** listcalls reads no parameter of its own. */
type ListCallsParams = Record<string, never>;

const schema: JSONSchemaType<ListCallsParams> = { type: 'object', additionalProperties: true, required: [] };

const validate = compileSchema(ajv, schema);

/** One entry of `results`, keys in the document's order, every value a string. */
export interface ListedChannel {
  channelName: string;
  context: string;
  src: string;
  dst: string;
  duration: string;
  status: string;
  accountCode: string;
  sourceType: string;
  idChannel: string;
}

/** Asterisk's channel state words for the gateway's legs (all originated by the gateway). */
const STATUS: Readonly<Record<Exclude<Leg['state'], 'ended'>, string>> = {
  dialing: 'Down',
  ringing: 'Ringing',
  up: 'Up',
};

/**
 * `listcalls`: one result per live leg of the calls the gateway has up,
 * oldest call first, each call's legs in the order they were created. Legs
 * the engine has not named yet are left out (nothing could hang them up).
 */
export const listcalls: VoipsunOperation = {
  action: 'listcalls',
  async run(raw: RequestParams, { core, settings }: OperationContext): Promise<string> {
    if (!validate(raw).ok) throw new VoipsunWireError('120');
    // The list is the gateway's record of the engine: while the engine is away it cannot be trusted.
    if (!core.pbxAvailable()) throw new VoipsunWireError('900');
    const calls = await core.listLiveCalls();
    const now = core.clock.now().getTime();
    const results: ListedChannel[] = [];
    for (const { legs } of calls) {
      for (const leg of legs) {
        if (leg.state === 'ended' || leg.channelName === null) continue;
        results.push(listedChannel(leg, leg.state, now, settings.channelPrefix));
      }
    }
    return JSON.stringify({ success: 'true', total: String(results.length), results });
  },
};

function listedChannel(leg: Leg, state: Exclude<Leg['state'], 'ended'>, now: number, prefix: 'PJSIP' | 'SIP'): ListedChannel {
  const account = accountOf(leg);
  return {
    channelName: toWireChannelName(leg.channelName ?? '', prefix),
    context: leg.context,
    src: leg.callerNumber,
    dst: leg.dialedNumber,
    duration: String(Math.max(0, Math.floor((now - leg.createdAt.getTime()) / 1000))),
    status: STATUS[state],
    ...account,
  };
}

/**
 * `SIP_<extension id>` / `SIPTR_<trunk id>` from what the leg runs over. A
 * leg with no such account (an agent's phone of another dialect) shows empty
 * strings, as Asterisk shows a channel whose accountcode is not set.
 */
function accountOf(leg: Leg): Pick<ListedChannel, 'accountCode' | 'sourceType' | 'idChannel'> {
  if (!leg.account) return { accountCode: '', sourceType: '', idChannel: '' };
  const id = String(leg.account.id);
  return leg.account.kind === 'extension'
    ? { accountCode: `SIP_${id}`, sourceType: 'extension', idChannel: id }
    : { accountCode: `SIPTR_${id}`, sourceType: 'trunk', idChannel: id };
}
