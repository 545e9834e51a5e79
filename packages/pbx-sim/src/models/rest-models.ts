import { model, opt, req, type ModelSpec } from './model-spec';

/** States a channel snapshot can report (ast_state2str). */
export const CHANNEL_STATES = [
  'Down',
  'Rsrved',
  'OffHook',
  'Dialing',
  'Ring',
  'Ringing',
  'Up',
  'Busy',
  'Dialing Offhook',
  'Pre-ring',
  'Unknown',
] as const;

export const CallerID = model('CallerID', 'A caller identity: name and number.', {
  name: req('string', 'Display name.'),
  number: req('string', 'Number.'),
});

export const DialplanCEP = model('DialplanCEP', 'A position in the dialplan and the application running there.', {
  context: req('string', 'Context.'),
  exten: req('string', 'Extension.'),
  priority: req('long', 'Priority.'),
  app_name: req('string', 'Application being executed.'),
  app_data: req('string', 'Arguments of that application.'),
});

export const Channel = model('Channel', 'One call leg between Asterisk and an endpoint.', {
  id: req('string', 'Unique id of the channel (the AMI Uniqueid).'),
  protocol_id: req('string', 'Identifier of the call in the signalling protocol (the SIP Call-ID), empty when there is none.'),
  name: req('string', 'Channel name, such as PJSIP/1000-00000001.'),
  state: req('string', 'Channel state.', CHANNEL_STATES),
  caller: req('CallerID', 'Caller identity.'),
  connected: req('CallerID', 'Connected line identity.'),
  accountcode: req('string', 'Account code.'),
  dialplan: req('DialplanCEP', 'Where the channel is in the dialplan.'),
  creationtime: req('Date', 'When the channel was created.'),
  language: req('string', 'Default language of the channel.'),
  channelvars: opt('object', 'Channel variables reported with each snapshot.'),
});

export const Bridge = model('Bridge', 'A set of channels that share media.', {
  id: req('string', 'Unique id of the bridge.'),
  technology: req('string', 'Bridging technology in use.'),
  bridge_type: req('string', 'Type of bridge.', ['mixing', 'holding']),
  bridge_class: req('string', 'Class of bridge (stasis for ARI bridges).'),
  creator: req('string', 'Who created the bridge.'),
  name: req('string', 'Name given at creation.'),
  channels: req('List[string]', 'Ids of the channels in the bridge, in the order of the ids as strings.'),
  video_mode: opt('string', 'How video is routed: none, talker, sfu or single.'),
  video_source_id: opt('string', 'The video source when video_mode is single.'),
  creationtime: req('Date', 'When the bridge was created.'),
});

export const Playback = model('Playback', 'Media being played to a channel or a bridge.', {
  id: req('string', 'Id of the playback.'),
  media_uri: req('string', 'URI of the media now playing.'),
  next_media_uri: opt('string', 'URI of the next media of a list.'),
  target_uri: req('string', 'What the media plays to: channel:<id> or bridge:<id>.'),
  language: opt('string', 'Language used to find the sound files.'),
  state: req('string', 'Playback state.', ['queued', 'playing', 'paused', 'continuing', 'done', 'failed']),
});

export const LiveRecording = model('LiveRecording', 'A recording in progress.', {
  name: req('string', 'Recording name (also the file name, without extension).'),
  format: req('string', 'File format.'),
  target_uri: req('string', 'What is recorded: channel:<id> or bridge:<id>.'),
  state: req('string', 'Recording state.', ['queued', 'recording', 'paused', 'done', 'failed', 'canceled']),
  duration: opt('int', 'Seconds recorded, once the recording is over.'),
  talking_duration: opt('int', 'Seconds of talk, when silence detection was on.'),
  silence_duration: opt('int', 'Seconds of silence, when silence detection was on.'),
  cause: opt('string', 'Why a recording failed.'),
});

export const StoredRecording = model('StoredRecording', 'A recording file kept on the server.', {
  name: req('string', 'Recording name.'),
  format: req('string', 'File format.'),
});

export const Endpoint = model('Endpoint', 'An external device that channels connect to.', {
  technology: req('string', 'Channel technology.'),
  resource: req('string', 'Identifier within the technology.'),
  state: opt('string', 'Endpoint state.', ['unknown', 'offline', 'online']),
  channel_ids: req('List[string]', 'Ids of the channels on this endpoint.'),
});

export const FormatLangPair = model('FormatLangPair', 'A format and language a sound file exists in.', {
  language: req('string', 'Language.'),
  format: req('string', 'File format.'),
});

export const Sound = model('Sound', 'A sound file known to Asterisk.', {
  id: req('string', 'Sound id, as used in sound: media URIs.'),
  text: opt('string', 'Transcript of the sound.'),
  formats: req('List[FormatLangPair]', 'Formats and languages available.'),
});

export const Application = model('Application', 'A Stasis application and what it is subscribed to.', {
  name: req('string', 'Application name.'),
  channel_ids: req('List[string]', 'Subscribed channel ids.'),
  bridge_ids: req('List[string]', 'Subscribed bridge ids.'),
  endpoint_ids: req('List[string]', 'Subscribed endpoints (technology/resource).'),
  device_names: req('List[string]', 'Subscribed device states.'),
  events_allowed: req('List[object]', 'Event types let through the filter.'),
  events_disallowed: req('List[object]', 'Event types held back by the filter.'),
});

export const BuildInfo = model('BuildInfo', 'How this Asterisk was built.', {
  os: req('string', 'Operating system.'),
  kernel: req('string', 'Kernel release.'),
  options: req('string', 'Compile-time options.'),
  machine: req('string', 'Machine architecture.'),
  date: req('string', 'Build date.'),
  user: req('string', 'User that built it.'),
});

export const SystemInfo = model('SystemInfo', 'Version and identity of this Asterisk.', {
  version: req('string', 'Asterisk version.'),
  entity_id: req('string', 'Entity id of this system.'),
});

export const SetId = model('SetId', 'User and group Asterisk runs as.', {
  user: req('string', 'User name.'),
  group: req('string', 'Group name.'),
});

export const ConfigInfo = model('ConfigInfo', 'Global settings.', {
  name: req('string', 'System name.'),
  default_language: req('string', 'Default language of new channels.'),
  max_channels: opt('int', 'Channel limit, when set.'),
  max_open_files: opt('int', 'Open file limit, when set.'),
  max_load: opt('double', 'Load limit, when set.'),
  setid: req('SetId', 'Effective user and group.'),
});

export const StatusInfo = model('StatusInfo', 'Start and reload times.', {
  startup_time: req('Date', 'When Asterisk started.'),
  last_reload_time: req('Date', 'When the configuration was last reloaded.'),
});

export const AsteriskInfo = model('AsteriskInfo', 'Information about this Asterisk.', {
  build: opt('BuildInfo', 'Build details.'),
  system: opt('SystemInfo', 'Version details.'),
  config: opt('ConfigInfo', 'Configuration details.'),
  status: opt('StatusInfo', 'Status details.'),
});

export const AsteriskPing = model('AsteriskPing', 'Answer to a ping.', {
  asterisk_id: req('string', 'Entity id of this Asterisk.'),
  ping: req('string', 'Always pong.'),
  timestamp: req('string', 'When the ping was answered.'),
});

export const Variable = model('Variable', 'The value of one variable.', {
  value: req('string', 'Value (empty when the variable is not set, for globals).'),
});

export const ConfigTuple = model('ConfigTuple', 'One attribute of a configuration object.', {
  attribute: req('string', 'The name of the attribute.'),
  value: req('string', 'The value of the attribute.'),
});

export const Variables = model('Variables', 'Several variables at once.', {
  variables: req('object', 'Variable name to value.'),
});

export const DeviceState = model('DeviceState', 'A device state controlled through ARI.', {
  name: req('string', 'Device name (Stasis:<name>).'),
  state: req('string', 'Device state.', [
    'UNKNOWN',
    'NOT_INUSE',
    'INUSE',
    'BUSY',
    'INVALID',
    'UNAVAILABLE',
    'RINGING',
    'RINGINUSE',
    'ONHOLD',
  ]),
});

export const Mailbox = model('Mailbox', 'A mailbox whose message counts ARI controls.', {
  name: req('string', 'Mailbox name.'),
  old_messages: req('int', 'Messages already heard.'),
  new_messages: req('int', 'Messages not heard yet.'),
});

/** Models each served API declaration carries, by resource. */
export const REST_MODELS: Readonly<Record<string, readonly ModelSpec[]>> = {
  asterisk: [BuildInfo, SystemInfo, SetId, ConfigInfo, StatusInfo, AsteriskInfo, AsteriskPing, Variable, Variables, ConfigTuple],
  endpoints: [Endpoint],
  channels: [CallerID, DialplanCEP, Channel],
  bridges: [Bridge],
  recordings: [StoredRecording, LiveRecording],
  sounds: [FormatLangPair, Sound],
  playbacks: [Playback],
  deviceStates: [DeviceState],
  mailboxes: [Mailbox],
  applications: [Application],
};
