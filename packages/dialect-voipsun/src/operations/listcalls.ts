import type { LiveChannel, LiveChannelListing } from '@pbx-gateway/core';
import type { JSONSchemaType } from 'ajv';
import { VoipsunWireError } from '../errors';
import { toWireChannelName } from '../wire/channel-name';
import type { VoipsunSettings } from '../settings';
import { defineOperation } from './operation';

type ChannelPrefix = VoipsunSettings['channelPrefix'];

/** listcalls reads no parameter of its own. */
type ListCallsParams = Record<string, never>;

const schema: JSONSchemaType<ListCallsParams> = { type: 'object', additionalProperties: true, required: [] };

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
const STATUS: Readonly<Record<LiveChannel['state'], string>> = {
  dialing: 'Down',
  ringing: 'Ringing',
  up: 'Up',
};

/**
 * `listcalls`: one result per live leg of the calls the gateway has up,
 * oldest call first, each call's legs in the order they were created. Legs
 * the engine has not named yet are left out (nothing could hang them up):
 * the core's live channels are exactly those.
 */
export const listcalls = defineOperation({
  name: 'listcalls',
  action: 'listcalls',
  auth: { permission: 'Call list' },
  input: schema,
  async run({ core }): Promise<LiveChannelListing> {
    // The list is the gateway's record of the engine: while the engine is away it cannot be trusted.
    if (!core.pbxAvailable()) throw new VoipsunWireError('900');
    return core.listLiveChannels();
  },
  render: (listing, { settings }) => bodyOf(listing, settings.channelPrefix),
});

/**
 * Bodies already rendered, by the listing they show. The core hands one
 * listing to every request that shared its read, so a burst of requests
 * renders the list once; an entry goes when its listing is let go.
 */
const rendered = new WeakMap<LiveChannelListing, { prefix: ChannelPrefix; body: string }>();

function bodyOf(listing: LiveChannelListing, prefix: ChannelPrefix): string {
  const known = rendered.get(listing);
  if (known?.prefix === prefix) return known.body;
  // Durations are measured to the moment the listing was read: it shows the calls as they were then.
  const now = listing.readAt.getTime();
  const results = listing.channels.map((channel) => listedChannel(channel, now, prefix));
  const body = JSON.stringify({ success: 'true', total: String(results.length), results });
  rendered.set(listing, { prefix, body });
  return body;
}

function listedChannel(channel: LiveChannel, now: number, prefix: ChannelPrefix): ListedChannel {
  const account = accountOf(channel);
  return {
    channelName: toWireChannelName(channel.channelName, prefix),
    context: channel.context,
    src: channel.callerNumber,
    dst: channel.dialedNumber,
    duration: String(Math.max(0, Math.floor((now - channel.createdAt.getTime()) / 1000))),
    status: STATUS[channel.state],
    ...account,
  };
}

/**
 * `SIP_<extension id>` / `SIPTR_<trunk id>` from what the leg runs over. A
 * leg with no such account (an agent's phone of another dialect) shows empty
 * strings, as Asterisk shows a channel whose accountcode is not set.
 */
function accountOf({ account }: LiveChannel): Pick<ListedChannel, 'accountCode' | 'sourceType' | 'idChannel'> {
  if (!account) return { accountCode: '', sourceType: '', idChannel: '' };
  const id = String(account.id);
  return account.kind === 'extension'
    ? { accountCode: `SIP_${id}`, sourceType: 'extension', idChannel: id }
    : { accountCode: `SIPTR_${id}`, sourceType: 'trunk', idChannel: id };
}
