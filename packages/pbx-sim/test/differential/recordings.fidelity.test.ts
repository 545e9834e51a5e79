import { isEvent } from './support/differential';
import { liveDifferential, SCENARIO_TIMEOUT_MS } from './support/live';
import { answeredChannel, hangUp, isRecording } from './support/steps';

/** Live and stored recordings: states, durations, file sizes, errors. */
const live = liveDifferential();

describe('recordings, live against Asterisk 22', () => {
  it('a channel recording stopped after two seconds: its duration and the stored file', () =>
    live.check('recording-channel-stop', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '900');
      await ari.http('POST', `/channels/${a}/record`, { query: { name: 'diff-rec1', format: 'wav' } });
      await ari.event(isRecording('RecordingStarted', 'diff-rec1'));
      await ari.sleep(2200);
      await ari.http('GET', '/recordings/live/diff-rec1');
      await ari.http('POST', '/recordings/live/diff-rec1/stop');
      await ari.event(isRecording('RecordingFinished', 'diff-rec1'));
      await ari.http('GET', '/recordings/stored/diff-rec1');
      await ari.http('GET', '/recordings/stored/diff-rec1/file');
      await ari.http('GET', '/recordings/stored');
      await ari.http('POST', '/recordings/stored/diff-rec1/copy', { query: { destinationRecordingName: 'diff-rec1-copy' } });
      await ari.http('POST', '/recordings/stored/diff-rec1/copy', { query: { destinationRecordingName: 'diff-rec1-copy' } });
      await ari.http('GET', '/recordings/stored/diff-rec1-copy/file');
      await ari.http('DELETE', '/recordings/stored/diff-rec1-copy');
      await ari.http('DELETE', '/recordings/stored/diff-rec1-copy');
      await hangUp(ari, a);
    }), SCENARIO_TIMEOUT_MS);

  it('a recording of a channel that hears audio (Echo): duration and file size', () =>
    live.check('recording-echo', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '905', {}, 'oracle-answer');
      await ari.http('POST', `/channels/${a}/record`, { query: { name: 'diff-rec10', format: 'wav', maxSilenceSeconds: 5 } });
      await ari.event(isRecording('RecordingStarted', 'diff-rec10'));
      await ari.sleep(2500);
      await ari.http('POST', '/recordings/live/diff-rec10/stop');
      await ari.event(isRecording('RecordingFinished', 'diff-rec10'));
      await ari.http('GET', '/recordings/stored/diff-rec10/file');
      await hangUp(ari, a);
    }), SCENARIO_TIMEOUT_MS);

  it('maxDurationSeconds, a beep first, pause excluded from the duration, gsm', () =>
    live.check('recording-limits', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '901');
      await ari.http('POST', `/channels/${a}/record`, { query: { name: 'diff-rec2', format: 'gsm', maxDurationSeconds: 2, beep: true } });
      await ari.event(isRecording('RecordingFinished', 'diff-rec2'));
      await ari.http('GET', '/recordings/stored/diff-rec2');
      await ari.http('GET', '/recordings/stored/diff-rec2/file');
      await ari.http('POST', `/channels/${a}/record`, { query: { name: 'diff-rec3', format: 'wav' } });
      await ari.event(isRecording('RecordingStarted', 'diff-rec3'));
      await ari.sleep(1200);
      await ari.http('POST', '/recordings/live/diff-rec3/pause');
      await ari.sleep(1500);
      await ari.http('GET', '/recordings/live/diff-rec3');
      await ari.http('DELETE', '/recordings/live/diff-rec3/pause');
      await ari.sleep(1200);
      await ari.http('POST', '/recordings/live/diff-rec3/stop');
      await ari.event(isRecording('RecordingFinished', 'diff-rec3'));
      await ari.http('GET', '/recordings/stored/diff-rec3');
      await hangUp(ari, a);
    }), SCENARIO_TIMEOUT_MS);

  it('maxSilenceSeconds, ifExists overwrite, bad options', () =>
    live.check('recording-silence-options', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '902');
      await ari.http('POST', `/channels/${a}/record`, { query: { name: 'diff-rec4', format: 'wav', maxSilenceSeconds: 1 } });
      await ari.event(isRecording('RecordingFinished', 'diff-rec4'));
      await ari.http('POST', `/channels/${a}/record`, { query: { name: 'diff-rec4', format: 'wav', ifExists: 'overwrite', maxDurationSeconds: 1 } });
      await ari.event((e) => isRecording('RecordingFinished', 'diff-rec4')(e) && e !== undefined && ari.events().filter(isRecording('RecordingFinished', 'diff-rec4')).length === 2);
      await ari.http('GET', '/recordings/stored/diff-rec4');
      await ari.http('POST', `/channels/${a}/record`, { query: { name: 'diff-rec4', format: 'wav', ifExists: 'bogus' } });
      await ari.http('POST', `/channels/${a}/record`, { query: { name: 'diff-rec5', format: 'wav', terminateOn: 'bogus' } });
      await ari.http('POST', `/channels/${a}/record`, { query: { name: 'diff-rec5', format: 'mp9' } });
      await ari.http('POST', `/channels/${a}/record`, { query: { name: '../escape', format: 'wav' } });
      await ari.http('POST', `/channels/${a}/record`, { query: { name: 'diff-rec5', format: 'wav', maxDurationSeconds: -1 } });
      await hangUp(ari, a);
    }), SCENARIO_TIMEOUT_MS);

  it('a bridge recording, and a channel recording refused in a bridge', () =>
    live.check('recording-bridge', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '903');
      await ari.http('POST', '/bridges/diff-recb', { query: { type: 'mixing' } });
      await ari.http('POST', '/bridges/diff-recb/addChannel', { query: { channel: a } });
      await ari.event(isEvent('ChannelEnteredBridge', a));
      await ari.http('POST', '/bridges/diff-recb/record', { query: { name: 'diff-rec6', format: 'wav' } });
      await ari.event(isRecording('RecordingStarted', 'diff-rec6'));
      await ari.http('GET', '/bridges/diff-recb');
      await ari.http('POST', `/channels/${a}/record`, { query: { name: 'diff-rec7', format: 'wav' } });
      await ari.sleep(1500);
      await ari.http('POST', '/recordings/live/diff-rec6/stop');
      await ari.event(isRecording('RecordingFinished', 'diff-rec6'));
      await ari.http('GET', '/recordings/stored/diff-rec6');
      await ari.http('DELETE', '/bridges/diff-recb');
      await ari.event(isEvent('ChannelLeftBridge', a));
      await hangUp(ari, a);
    }), SCENARIO_TIMEOUT_MS);

  it('a recording cut by the hang-up, and one cancelled', () =>
    live.check('recording-hangup-cancel', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '904');
      await ari.http('POST', `/channels/${a}/record`, { query: { name: 'diff-rec8', format: 'wav' } });
      await ari.event(isRecording('RecordingStarted', 'diff-rec8'));
      await ari.sleep(1200);
      await ari.http('DELETE', '/recordings/live/diff-rec8');
      await ari.event(isRecording('RecordingFinished', 'diff-rec8'));
      await ari.http('GET', '/recordings/stored/diff-rec8');
      await ari.http('POST', `/channels/${a}/record`, { query: { name: 'diff-rec9', format: 'wav' } });
      await ari.event(isRecording('RecordingStarted', 'diff-rec9'));
      await ari.sleep(1200);
      await hangUp(ari, a);
      await ari.sleep(300);
      await ari.http('GET', '/recordings/stored/diff-rec9');
      await ari.http('GET', '/recordings/live/diff-rec9');
    }), SCENARIO_TIMEOUT_MS);

  it('two recordings of one bridge at once, a name taken, a stop after the end, a name with a dot', () =>
    live.check('recording-bridge-twice', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '906');
      await ari.http('POST', '/bridges/diff-recc', { query: { type: 'mixing' } });
      await ari.http('POST', '/bridges/diff-recc/addChannel', { query: { channel: a } });
      await ari.event(isEvent('ChannelEnteredBridge', a));
      await ari.http('POST', '/bridges/diff-recc/record', { query: { name: 'diff-rec11', format: 'wav', ifExists: 'fail' } });
      await ari.event(isRecording('RecordingStarted', 'diff-rec11'));
      await ari.http('POST', '/bridges/diff-recc/record', { query: { name: 'diff-rec11', format: 'wav', ifExists: 'fail' } });
      await ari.http('POST', '/bridges/diff-recc/record', { query: { name: 'diff-rec12', format: 'wav', ifExists: 'fail' } });
      await ari.event(isRecording('RecordingStarted', 'diff-rec12'));
      await ari.sleep(1200);
      await ari.http('POST', '/recordings/live/diff-rec11/stop');
      await ari.event(isRecording('RecordingFinished', 'diff-rec11'));
      await ari.http('POST', '/recordings/live/diff-rec12/stop');
      await ari.event(isRecording('RecordingFinished', 'diff-rec12'));
      await ari.http('POST', '/recordings/live/diff-rec11/stop');
      await ari.http('POST', '/bridges/diff-recc/record', { query: { name: 'diff.rec13', format: 'wav', ifExists: 'fail' } });
      await ari.event(isRecording('RecordingStarted', 'diff.rec13'));
      await ari.sleep(1200);
      await ari.http('POST', '/recordings/live/diff.rec13/stop');
      await ari.event(isRecording('RecordingFinished', 'diff.rec13'));
      await ari.http('GET', '/recordings/stored/diff-rec11');
      await ari.http('GET', '/recordings/stored/diff-rec12');
      await ari.http('GET', '/recordings/stored/diff.rec13');
      await ari.http('DELETE', '/bridges/diff-recc');
      await ari.event(isEvent('ChannelLeftBridge', a));
      await hangUp(ari, a);
    }), SCENARIO_TIMEOUT_MS);

  it('a bridge recording running when the bridge is destroyed: its file is kept, its end is never heard', () =>
    live.check('recording-bridge-destroyed', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '907');
      await ari.http('POST', '/bridges/diff-recd', { query: { type: 'mixing' } });
      await ari.http('POST', '/bridges/diff-recd/addChannel', { query: { channel: a } });
      await ari.event(isEvent('ChannelEnteredBridge', a));
      await ari.http('POST', '/bridges/diff-recd/record', { query: { name: 'diff-rec14', format: 'wav' } });
      await ari.event(isRecording('RecordingStarted', 'diff-rec14'));
      await ari.sleep(1200);
      await ari.http('DELETE', '/bridges/diff-recd');
      await ari.event(isEvent('ChannelLeftBridge', a));
      await ari.sleep(1500);
      await ari.http('GET', '/recordings/live/diff-rec14');
      await ari.http('GET', '/recordings/stored/diff-rec14');
      await ari.http('POST', '/recordings/live/diff-rec14/stop');
      await ari.sleep(500);
      await ari.http('GET', '/recordings/stored/diff-rec14');
      await hangUp(ari, a);
    }), SCENARIO_TIMEOUT_MS);
});
