import type { Knex } from 'knex';
import * as apiUsers from './001-api-users';
import * as agents from './002-agents';
import * as agentSessions from './003-agent-sessions';
import * as extensions from './004-extensions';
import * as extensionGroups from './005-extension-groups';
import * as trunks from './006-trunks';
import * as queues from './007-queues';
import * as calls from './008-calls';
import * as legs from './009-legs';
import * as playbacks from './010-playbacks';
import * as cdrs from './011-cdrs';
import * as apiLog from './012-api-log';
import * as outbox from './013-outbox';
import * as agentMailbox from './014-agent-mailbox';
import * as accessTokens from './015-access-tokens';
import * as agentLoginFailures from './016-agent-login-failures';
import * as outboxOrdering from './017-outbox-ordering';
import * as playbacksUnfinishedByCall from './018-playbacks-unfinished-by-call';
import * as dialectWordsUnlisted from './019-dialect-words-unlisted';
import * as agentExternalId from './020-agent-external-id';
import * as campaignsAndLists from './021-campaigns-and-lists';
import * as leads from './022-leads';
import * as leadStatuses from './023-lead-statuses';
import * as callbacks from './024-callbacks';
import * as doNotCall from './025-do-not-call';
import * as recordings from './026-recordings';
import * as callProgress from './027-call-progress';
import * as thirdPartyLegs from './030-third-party-legs';
import * as queueSettings from './035-queue-settings';
import * as didRoutes from './036-did-routes';
import * as inboundCalls from './037-inbound-calls';
import * as sessionBlended from './038-session-blended';
import * as groupAliases from './040-group-aliases';
import * as manualDialQueue from './041-manual-dial-queue';
import * as sessionPreviewLead from './042-session-preview-lead';
import * as leadDiallingIndexes from './043-lead-dialling-indexes';
import * as userGroups from './045-user-groups';
import * as recordingLookups from './046-recording-lookups';
import * as supervisionCalls from './050-supervision-calls';
import * as sessionScreen from './060-session-screen';
import * as leadVoicemailMessages from './065-lead-voicemail-messages';
import * as agentNotifications from './066-agent-notifications';
import * as leadDeletion from './070-lead-deletion';
import * as queueCallLookups from './075-queue-call-lookups';
import * as callRecordings from './076-call-recordings';
import * as contextDialCalls from './077-context-dial-calls';
import * as sessionPauseLimitAndCallHandling from './080-session-pause-limit-and-call-handling';
import * as cdrReads from './085-cdr-reads';
import * as sessionEventPush from './090-session-event-push';
import * as outboxRetryPolicy from './091-outbox-retry-policy';
import * as sessionAnswerOnRequest from './110-session-answer-on-request';
import * as outboxSigningKey from './115-outbox-signing-key';
import * as adminKeys from './125-admin-keys';
import * as eventLog from './130-event-log';
import * as eventLogTransactions from './145-event-log-transactions';
import * as voiceBroadcastCalls from './175-voice-broadcast-calls';
import * as voiceBroadcastQueue from './176-voice-broadcast-queue';
import * as webhookSubscriptions from './180-webhook-subscriptions';
import * as agentInternalCalls from './185-agent-internal-calls';
import * as extensionLegEnds from './190-extension-leg-ends';
import * as dispoPauseCodeAndMultiDial from './195-dispo-pause-code-and-multi-dial';
import * as leadHopper from './200-lead-hopper';
import * as leadListSettings from './201-lead-list-settings';
import * as leadCallSearch from './205-lead-call-search';
import * as recordingPauses from './215-recording-pauses';
import * as leadResetMarks from './255-lead-reset-marks';
import * as agentCampaignRanks from './256-agent-campaign-ranks';
import * as agentStateSpans from './260-agent-state-spans';
import * as settingsContainers from './261-settings-containers';
import * as callMenus from './262-call-menus';
import * as voicemailBoxes from './263-voicemail-boxes';
import * as listCustomFields from './265-list-custom-fields';
import * as cdrAgentIndex from './270-cdr-agent-index';
import * as leadArchive from './280-lead-archive';
import * as timeZoneCodes from './285-time-zone-codes';
import * as callTimes from './286-call-times';
import * as inboundDids from './290-inbound-dids';
import * as didLog from './291-did-log';
import * as phones from './310-phones';
import * as didAgentRoute from './320-did-agent-route';
import * as sessionRecordCalls from './325-session-record-calls';
import * as stateCallTimes from './330-state-call-times';
import * as nanpaPrefixes from './331-nanpa-prefixes';

export interface NamedMigration {
  /** Recorded in knex_migrations: never rename a migration once released. */
  name: string;
  migration: Knex.Migration;
}

// Listed here rather than read from a directory, so that the same list runs
// from compiled JavaScript under dist/ and from TypeScript sources under Jest.
const MIGRATIONS: readonly NamedMigration[] = [
  { name: '001-api-users', migration: apiUsers },
  { name: '002-agents', migration: agents },
  { name: '003-agent-sessions', migration: agentSessions },
  { name: '004-extensions', migration: extensions },
  { name: '005-extension-groups', migration: extensionGroups },
  { name: '006-trunks', migration: trunks },
  { name: '007-queues', migration: queues },
  { name: '008-calls', migration: calls },
  { name: '009-legs', migration: legs },
  { name: '010-playbacks', migration: playbacks },
  { name: '011-cdrs', migration: cdrs },
  { name: '012-api-log', migration: apiLog },
  { name: '013-outbox', migration: outbox },
  { name: '014-agent-mailbox', migration: agentMailbox },
  { name: '015-access-tokens', migration: accessTokens },
  { name: '016-agent-login-failures', migration: agentLoginFailures },
  { name: '017-outbox-ordering', migration: outboxOrdering },
  { name: '018-playbacks-unfinished-by-call', migration: playbacksUnfinishedByCall },
  { name: '019-dialect-words-unlisted', migration: dialectWordsUnlisted },
  { name: '020-agent-external-id', migration: agentExternalId },
  { name: '021-campaigns-and-lists', migration: campaignsAndLists },
  { name: '022-leads', migration: leads },
  { name: '023-lead-statuses', migration: leadStatuses },
  { name: '024-callbacks', migration: callbacks },
  { name: '025-do-not-call', migration: doNotCall },
  { name: '026-recordings', migration: recordings },
  { name: '027-call-progress', migration: callProgress },
  { name: '030-third-party-legs', migration: thirdPartyLegs },
  { name: '035-queue-settings', migration: queueSettings },
  { name: '036-did-routes', migration: didRoutes },
  { name: '037-inbound-calls', migration: inboundCalls },
  { name: '038-session-blended', migration: sessionBlended },
  { name: '040-group-aliases', migration: groupAliases },
  { name: '041-manual-dial-queue', migration: manualDialQueue },
  { name: '042-session-preview-lead', migration: sessionPreviewLead },
  { name: '043-lead-dialling-indexes', migration: leadDiallingIndexes },
  { name: '045-user-groups', migration: userGroups },
  { name: '046-recording-lookups', migration: recordingLookups },
  { name: '050-supervision-calls', migration: supervisionCalls },
  { name: '060-session-screen', migration: sessionScreen },
  { name: '065-lead-voicemail-messages', migration: leadVoicemailMessages },
  { name: '066-agent-notifications', migration: agentNotifications },
  { name: '070-lead-deletion', migration: leadDeletion },
  { name: '075-queue-call-lookups', migration: queueCallLookups },
  { name: '076-call-recordings', migration: callRecordings },
  { name: '077-context-dial-calls', migration: contextDialCalls },
  { name: '080-session-pause-limit-and-call-handling', migration: sessionPauseLimitAndCallHandling },
  { name: '085-cdr-reads', migration: cdrReads },
  { name: '090-session-event-push', migration: sessionEventPush },
  { name: '091-outbox-retry-policy', migration: outboxRetryPolicy },
  { name: '110-session-answer-on-request', migration: sessionAnswerOnRequest },
  { name: '115-outbox-signing-key', migration: outboxSigningKey },
  { name: '125-admin-keys', migration: adminKeys },
  { name: '130-event-log', migration: eventLog },
  { name: '145-event-log-transactions', migration: eventLogTransactions },
  { name: '175-voice-broadcast-calls', migration: voiceBroadcastCalls },
  { name: '176-voice-broadcast-queue', migration: voiceBroadcastQueue },
  { name: '180-webhook-subscriptions', migration: webhookSubscriptions },
  { name: '185-agent-internal-calls', migration: agentInternalCalls },
  { name: '190-extension-leg-ends', migration: extensionLegEnds },
  { name: '195-dispo-pause-code-and-multi-dial', migration: dispoPauseCodeAndMultiDial },
  { name: '200-lead-hopper', migration: leadHopper },
  { name: '201-lead-list-settings', migration: leadListSettings },
  { name: '205-lead-call-search', migration: leadCallSearch },
  { name: '215-recording-pauses', migration: recordingPauses },
  { name: '255-lead-reset-marks', migration: leadResetMarks },
  { name: '256-agent-campaign-ranks', migration: agentCampaignRanks },
  { name: '260-agent-state-spans', migration: agentStateSpans },
  { name: '261-settings-containers', migration: settingsContainers },
  { name: '262-call-menus', migration: callMenus },
  { name: '263-voicemail-boxes', migration: voicemailBoxes },
  { name: '265-list-custom-fields', migration: listCustomFields },
  { name: '270-cdr-agent-index', migration: cdrAgentIndex },
  { name: '280-lead-archive', migration: leadArchive },
  { name: '285-time-zone-codes', migration: timeZoneCodes },
  { name: '286-call-times', migration: callTimes },
  { name: '290-inbound-dids', migration: inboundDids },
  { name: '291-did-log', migration: didLog },
  { name: '310-phones', migration: phones },
  { name: '320-did-agent-route', migration: didAgentRoute },
  { name: '325-session-record-calls', migration: sessionRecordCalls },
  { name: '330-state-call-times', migration: stateCallTimes },
  { name: '331-nanpa-prefixes', migration: nanpaPrefixes },
];

export const migrationNames: readonly string[] = MIGRATIONS.map((entry) => entry.name);

export const migrationSource: Knex.MigrationSource<NamedMigration> = {
  getMigrations: () => Promise.resolve([...MIGRATIONS]),
  getMigrationName: (entry) => entry.name,
  getMigration: (entry) => Promise.resolve(entry.migration),
};
