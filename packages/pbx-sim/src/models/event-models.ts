import { model, opt, req, type ModelSpec } from './model-spec';

/**
 * Models of the events the simulator sends on /ari/events. ari-client looks
 * each incoming message up here by its `type` (an unknown type crashes it)
 * and turns properties typed Channel, Bridge, Playback... into resources.
 */
const EVENT_MODELS: readonly ModelSpec[] = [
  model('ApplicationReplaced', 'Another WebSocket took over the application; this one gets no more events.', {}),
  model('ApplicationMoveFailed', 'A channel could not be moved to another application.', {
    channel: req('Channel', 'The channel that stayed.'),
    destination: req('string', 'Application it was to move to.'),
    args: req('List[string]', 'Arguments meant for that application.'),
  }),
  model('BridgeCreated', 'A bridge was created.', { bridge: req('Bridge', 'The new bridge.') }),
  model('BridgeDestroyed', 'A bridge was destroyed.', { bridge: req('Bridge', 'The bridge, as it was at the end.') }),
  model('ChannelCreated', 'A channel was created.', { channel: req('Channel', 'The new channel.') }),
  model('ChannelDestroyed', 'A channel is gone.', {
    cause: req('int', 'Q.850 hang-up cause.'),
    cause_txt: req('string', 'Text of the hang-up cause.'),
    tech_cause: opt('int', 'Cause reported by the channel technology, when it differs.'),
    channel: req('Channel', 'The channel, as it was at the end.'),
  }),
  model('ChannelEnteredBridge', 'A channel joined a bridge.', {
    bridge: req('Bridge', 'The bridge, with the channel in it.'),
    channel: opt('Channel', 'The channel that joined.'),
  }),
  model('ChannelLeftBridge', 'A channel left a bridge.', {
    bridge: req('Bridge', 'The bridge, without the channel.'),
    channel: req('Channel', 'The channel that left.'),
  }),
  model('ChannelStateChange', 'The state of a channel changed.', { channel: req('Channel', 'The channel, in its new state.') }),
  model('ChannelDtmfReceived', 'A DTMF key arrived on a channel.', {
    digit: req('string', 'The key: 0-9, A-D, * or #.'),
    duration_ms: req('int', 'How long the key was held, in milliseconds.'),
    channel: req('Channel', 'The channel that received it.'),
  }),
  model('ChannelDialplan', 'A channel moved to another dialplan application.', {
    channel: req('Channel', 'The channel.'),
    dialplan_app: req('string', 'Application now running.'),
    dialplan_app_data: req('string', 'Its arguments.'),
  }),
  model('ChannelCallerId', 'The caller identity of a channel changed.', {
    caller_presentation: req('int', 'Presentation indicator as a number.'),
    caller_presentation_txt: req('string', 'Presentation indicator as text.'),
    channel: req('Channel', 'The channel.'),
  }),
  model('ChannelConnectedLine', 'The connected line identity of a channel changed.', {
    channel: req('Channel', 'The channel.'),
  }),
  model('ChannelHangupRequest', 'Someone asked for a channel to hang up.', {
    cause: opt('int', 'Hang-up cause, or the soft hang-up reason flags.'),
    tech_cause: opt('int', 'Cause reported by the channel technology.'),
    soft: opt('boolean', 'Whether this was a soft hang-up request.'),
    channel: req('Channel', 'The channel.'),
  }),
  model('ChannelVarset', 'A channel variable (or a global variable) was set.', {
    variable: req('string', 'Variable name.'),
    value: req('string', 'New value.'),
    channel: opt('Channel', 'The channel; absent for global variables.'),
  }),
  model('ChannelHold', 'The far end put the channel on hold.', {
    channel: req('Channel', 'The channel.'),
    musicclass: opt('string', 'Music class asked for.'),
  }),
  model('ChannelUnhold', 'The far end took the channel off hold.', { channel: req('Channel', 'The channel.') }),
  model('ChannelUserevent', 'A user-defined event.', {
    eventname: req('string', 'Event name.'),
    channel: opt('Channel', 'Channel the event is about.'),
    bridge: opt('Bridge', 'Bridge the event is about.'),
    endpoint: opt('Endpoint', 'Endpoint the event is about.'),
    userevent: req('object', 'Free-form payload.'),
  }),
  model('ContactStatusChange', 'The state of a contact on an endpoint changed.', {
    endpoint: req('Endpoint', 'The endpoint.'),
    contact_info: req('ContactInfo', 'The contact.'),
  }),
  model('DeviceStateChanged', 'A device state changed.', { device_state: req('DeviceState', 'The device state.') }),
  model('Dial', 'Progress of dialling a channel.', {
    caller: opt('Channel', 'The calling channel, when there is one.'),
    peer: req('Channel', 'The channel being dialled.'),
    forward: opt('string', 'Forwarding target, when the call was forwarded.'),
    forwarded: opt('Channel', 'Channel created by the forward.'),
    dialstring: opt('string', 'What was dialled.'),
    dialstatus: req('string', 'Empty when dialling starts, then RINGING, ANSWER, BUSY, CONGESTION, NOANSWER, CHANUNAVAIL...'),
  }),
  model('EndpointStateChange', 'The state of an endpoint changed.', { endpoint: req('Endpoint', 'The endpoint.') }),
  model('PlaybackStarted', 'A playback started (or resumed after a pause).', { playback: req('Playback', 'The playback.') }),
  model('PlaybackContinuing', 'A playback moved on to the next media of its list.', {
    playback: req('Playback', 'The playback.'),
  }),
  model('PlaybackFinished', 'A playback is over (done or failed).', { playback: req('Playback', 'The playback.') }),
  model('RecordingStarted', 'A recording started.', { recording: req('LiveRecording', 'The recording.') }),
  model('RecordingFinished', 'A recording is over.', { recording: req('LiveRecording', 'The recording.') }),
  model('RecordingFailed', 'A recording failed.', { recording: req('LiveRecording', 'The recording.') }),
  model('StasisEnd', 'A channel left the Stasis application.', { channel: req('Channel', 'The channel.') }),
  model('StasisStart', 'A channel entered the Stasis application.', {
    args: req('List[string]', 'Arguments given to the application.'),
    channel: req('Channel', 'The channel.'),
    replace_channel: opt('Channel', 'The channel this one replaces, after a transfer.'),
  }),
];

export const EVENT_TYPES: readonly string[] = EVENT_MODELS.map((m) => m.id);

/** The base types, as Asterisk declares them: Message carries `type`, Event the application and time. */
const MESSAGE: ModelSpec = {
  id: 'Message',
  description: 'Base of every WebSocket message.',
  discriminator: 'type',
  properties: {
    type: req('string', 'Kind of message; the name of its model.'),
    asterisk_id: opt('string', 'Entity id of the Asterisk that sent it.'),
  },
  subTypes: ['MissingParams', 'Event'],
};

const MISSING_PARAMS = model('MissingParams', 'A request lacked required parameters.', {
  params: req('List[string]', 'Names of the missing parameters.'),
});

const EVENT: ModelSpec = {
  id: 'Event',
  description: 'Base of every asynchronous event.',
  properties: {
    application: req('string', 'Application the event is sent to.'),
    timestamp: req('Date', 'When the event happened.'),
  },
  subTypes: EVENT_TYPES,
};

/** What ContactStatusChange tells of a contact. */
const CONTACT_INFO = model('ContactInfo', 'A contact of an endpoint.', {
  uri: req('string', 'The contact URI.'),
  contact_status: req('string', 'Unreachable, Reachable, Unknown, NonQualified or Removed.'),
  aor: req('string', 'The address of record the contact belongs to.'),
  roundtrip_usec: opt('string', 'Round-trip time of the last qualify, in microseconds.'),
});

export const EVENTS_DECLARATION_MODELS: readonly ModelSpec[] = [MESSAGE, MISSING_PARAMS, EVENT, ...EVENT_MODELS, CONTACT_INFO];
