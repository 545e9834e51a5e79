import { isActivePlayback, type Playback } from '@pbx-gateway/core';
import { AUTH, agentGet, expectVicidialAnswer, sharedGateway } from './support/vicidial-test-kit';

// Seed 000 (audio_playback) line by line, with the current product's variants
// of spec §3.2 and §7, through the whole gateway: demo agent 1000 sits in
// conference 8600051 on server 10.10.10.15.

const gateway = sharedGateway({ agentInConference: '1000' });

const audio = (query: string) => agentGet(gateway(), `${AUTH}&function=audio_playback&${query}`);

async function activePlayback(agentId = '1000'): Promise<Playback | null> {
  const playback = await gateway().core.activeAgentPlayback(agentId);
  return playback && isActivePlayback(playback) ? playback : null;
}

const waitForState = (state: Playback['state']): Promise<Playback> =>
  gateway().waitFor<Playback>(
    async () => {
      const playback = await activePlayback();
      return playback?.state === state ? playback : false;
    },
    5000,
    `playback ${state}`,
  );

async function noAudio(): Promise<void> {
  if (await activePlayback()) await audio('agent_user=1000&stage=STOP');
  await gateway().waitFor(async () => (await activePlayback()) === null, 5000, 'no audio');
}

beforeEach(noAudio);

describe('PLAY', () => {
  test('seed: SUCCESS: audio_playback function sent - ss-noservice|PLAY|<agent>; the file plays into the conference', async () => {
    expectVicidialAnswer(await audio('agent_user=1000&value=ss-noservice&stage=PLAY'), 'SUCCESS: audio_playback function sent - ss-noservice|PLAY|1000\n');
    const playing = await waitForState('playing');
    expect(playing.media).toBe('sound:ss-noservice');
    expect(playing.target).toEqual({ kind: 'bridge', bridgeId: 'agent-1000.conference' });
  });

  test('PLAY while playing, seed "audio already playing": current layout <conf>|<ip>|PLAY|<dial_override>|<agent>', async () => {
    await audio('agent_user=1000&value=tt-monkeys&stage=PLAY');
    const first = await waitForState('playing');
    expectVicidialAnswer(
      await audio('agent_user=1000&value=ss-noservice&stage=PLAY'),
      'ERROR: audio_playback error - audio already playing in agent session - 8600051|10.10.10.15|PLAY||1000\n',
    );
    expectVicidialAnswer(
      await audio('agent_user=1000&value=ss-noservice&stage=PLAY&dial_override=N'),
      'ERROR: audio_playback error - audio already playing in agent session - 8600051|10.10.10.15|PLAY|N|1000\n',
    );
    expect((await activePlayback())?.id).toBe(first.id);
  });

  test('"already playing" ends the script: no close-window link', async () => {
    await audio('agent_user=1000&value=tt-monkeys&stage=PLAY');
    expectVicidialAnswer(
      await audio('agent_user=1000&value=ss-noservice&stage=PLAY&close_window_link=1'),
      'ERROR: audio_playback error - audio already playing in agent session - 8600051|10.10.10.15|PLAY||1000\n',
    );
  });

  test('seed: PLAY with dial_override=Y while playing: NOTICE previous playback stopped, then SUCCESS', async () => {
    await audio('agent_user=1000&value=tt-monkeys&stage=PLAY');
    const first = await waitForState('playing');
    expectVicidialAnswer(
      await audio('agent_user=1000&value=ss-noservice&stage=PLAY&dial_override=Y'),
      'NOTICE: audio_playback previous playback stopped - PLAY|Y|1000\nSUCCESS: audio_playback function sent - ss-noservice|PLAY|1000\n',
    );
    const second = await waitForState('playing');
    expect(second.id).not.toBe(first.id);
    expect(second.media).toBe('sound:ss-noservice');
  });

  test('dial_override=Y with nothing playing: only SUCCESS', async () => {
    expectVicidialAnswer(await audio('agent_user=1000&value=ss-noservice&stage=PLAY&dial_override=Y'), 'SUCCESS: audio_playback function sent - ss-noservice|PLAY|1000\n');
  });

  test('dial_override is filtered to capitals: y is not Y', async () => {
    await audio('agent_user=1000&value=tt-monkeys&stage=PLAY');
    expectVicidialAnswer(
      await audio('agent_user=1000&value=ss-noservice&stage=PLAY&dial_override=y'),
      'ERROR: audio_playback error - audio already playing in agent session - 8600051|10.10.10.15|PLAY||1000\n',
    );
  });

  test('a file the audio store does not have: SUCCESS as in VICIdial, and the playback ends by itself', async () => {
    expectVicidialAnswer(await audio('agent_user=1000&value=no-such-file&stage=PLAY'), 'SUCCESS: audio_playback function sent - no-such-file|PLAY|1000\n');
    await gateway().waitFor(async () => (await activePlayback()) === null, 5000, 'failed playback to end');
  });

  test('a name the gateway does not let reach the engine (leading dash, pipe): the not-valid line', async () => {
    expectVicidialAnswer(await audio('agent_user=1000&value=-x&stage=PLAY'), 'ERROR: audio_playback not valid - -x|PLAY|1000\n');
    expectVicidialAnswer(await audio('agent_user=1000&value=a%7Cb&stage=PLAY'), 'ERROR: audio_playback not valid - a|b|PLAY|1000\n');
    expect(await activePlayback()).toBeNull();
  });

  test('path traversal and extensions are filtered away before the name is used: ../../etc/passwd.wav is etcpasswdwav', async () => {
    expectVicidialAnswer(await audio('agent_user=1000&value=..%2F..%2Fetc%2Fpasswd.wav&stage=PLAY'), 'SUCCESS: audio_playback function sent - etcpasswdwav|PLAY|1000\n');
  });
});

describe('STOP, PAUSE, RESUME, RESTART with audio', () => {
  test('STOP ends the audio', async () => {
    await audio('agent_user=1000&value=tt-monkeys&stage=PLAY');
    await waitForState('playing');
    expectVicidialAnswer(await audio('agent_user=1000&stage=STOP'), 'SUCCESS: audio_playback function sent - |STOP|1000\n');
    expect(await activePlayback()).toBeNull();
  });

  test('PAUSE pauses; PAUSE again is still SUCCESS and changes nothing', async () => {
    await audio('agent_user=1000&value=tt-monkeys&stage=PLAY');
    await waitForState('playing');
    expectVicidialAnswer(await audio('agent_user=1000&stage=PAUSE'), 'SUCCESS: audio_playback function sent - |PAUSE|1000\n');
    expect((await activePlayback())?.state).toBe('paused');
    expectVicidialAnswer(await audio('agent_user=1000&stage=PAUSE'), 'SUCCESS: audio_playback function sent - |PAUSE|1000\n');
    expect((await activePlayback())?.state).toBe('paused');
  });

  test('RESUME resumes paused audio; RESUME of playing audio is SUCCESS and changes nothing', async () => {
    await audio('agent_user=1000&value=tt-monkeys&stage=PLAY');
    await waitForState('playing');
    await audio('agent_user=1000&stage=PAUSE');
    expectVicidialAnswer(await audio('agent_user=1000&stage=RESUME'), 'SUCCESS: audio_playback function sent - |RESUME|1000\n');
    expect((await activePlayback())?.state).toBe('playing');
    expectVicidialAnswer(await audio('agent_user=1000&stage=RESUME'), 'SUCCESS: audio_playback function sent - |RESUME|1000\n');
    expect((await activePlayback())?.state).toBe('playing');
  });

  test('RESTART starts the file again from the beginning', async () => {
    await audio('agent_user=1000&value=tt-monkeys&stage=PLAY');
    const playing = await waitForState('playing');
    expectVicidialAnswer(await audio('agent_user=1000&stage=RESTART&value=tt-monkeys'), 'SUCCESS: audio_playback function sent - tt-monkeys|RESTART|1000\n');
    const restarted = await activePlayback();
    expect(restarted?.id).toBe(playing.id);
    expect(restarted?.state).toBe('playing');
    expect(restarted?.playedMs).toBe(0);
  });

  test('an unknown stage of 4+ characters while audio plays: SUCCESS, nothing happens (stages are case-sensitive)', async () => {
    await audio('agent_user=1000&value=tt-monkeys&stage=PLAY');
    const playing = await waitForState('playing');
    expectVicidialAnswer(await audio('agent_user=1000&stage=stop'), 'SUCCESS: audio_playback function sent - |stop|1000\n');
    expect((await activePlayback())?.id).toBe(playing.id);
  });
});

describe('seed: ERROR: audio_playback error - no audio playing in agent session - 8600051|10.10.10.15|<stage>|<agent>', () => {
  test.each(['STOP', 'PAUSE', 'RESUME', 'RESTART', 'SKIPTO'])('%s without audio', async (stage) => {
    expectVicidialAnswer(
      await audio(`agent_user=1000&stage=${stage}&close_window_link=1`),
      `ERROR: audio_playback error - no audio playing in agent session - 8600051|10.10.10.15|${stage}|1000\n`,
    );
  });

  test('audio that ended by itself: STOP afterwards finds nothing', async () => {
    expectVicidialAnswer(await audio('agent_user=1000&value=beep&stage=PLAY'), 'SUCCESS: audio_playback function sent - beep|PLAY|1000\n');
    await gateway().waitFor(async () => (await gateway().core.activeAgentPlayback('1000')) === null, 5000, 'beep to finish');
    expectVicidialAnswer(await audio('agent_user=1000&stage=STOP'), 'ERROR: audio_playback error - no audio playing in agent session - 8600051|10.10.10.15|STOP|1000\n');
  });
});

describe('seed: ERROR: audio_playback not valid - <value>|<stage>|<agent>', () => {
  test('PLAY without a file', async () => {
    expectVicidialAnswer(await audio('agent_user=1000&stage=PLAY'), 'ERROR: audio_playback not valid - |PLAY|1000\n');
  });

  test('stage shorter than 4 characters', async () => {
    expectVicidialAnswer(await audio('agent_user=1000&value=ss-noservice&stage=PLA'), 'ERROR: audio_playback not valid - ss-noservice|PLA|1000\n');
    expectVicidialAnswer(await audio('agent_user=1000&value=ss-noservice'), 'ERROR: audio_playback not valid - ss-noservice||1000\n');
  });

  test('no agent (agent_user empty, alt_user shorter than 2)', async () => {
    expectVicidialAnswer(await audio('value=ss-noservice&stage=PLAY&alt_user=8'), 'ERROR: audio_playback not valid - ss-noservice|PLAY|\n');
  });

  test('strlen counts bytes: a two-byte letter and two more make a 4-byte stage', async () => {
    expectVicidialAnswer(
      await audio('agent_user=1000&stage=%C3%A9ab'),
      'ERROR: audio_playback error - no audio playing in agent session - 8600051|10.10.10.15|\xc3\xa9ab|1000\n',
    );
  });

  test('not valid does not end the script: the close-window link follows', async () => {
    expectVicidialAnswer(
      await audio('agent_user=1000&stage=PLAY&close_window_link=1'),
      `ERROR: audio_playback not valid - |PLAY|1000\n\n<a href="javascript:window.opener='x';window.close();">Close This Window</a>\n`,
    );
  });
});

describe('agents: alt_user, logged in, session data', () => {
  test('seed "no user found": current layout <stage>|<alt_user>, then not logged in with the empty agent', async () => {
    expectVicidialAnswer(
      await audio('alt_user=6666&value=ss-noservice&stage=PLAY'),
      'ERROR: no user found - PLAY|6666\nERROR: agent_user is not logged in - PLAY|\n',
    );
  });

  test('alt_user names the agent by its external id (876543 is agent 1000)', async () => {
    expectVicidialAnswer(await audio('alt_user=876543&value=ss-noservice&stage=PLAY'), 'SUCCESS: audio_playback function sent - ss-noservice|PLAY|1000\n');
  });

  test('alt_user not found, agent_user given: the script carries on with agent_user', async () => {
    expectVicidialAnswer(
      await audio('alt_user=6666&agent_user=1000&stage=STOP'),
      'ERROR: no user found - STOP|6666\nERROR: audio_playback error - no audio playing in agent session - 8600051|10.10.10.15|STOP|1000\n',
    );
  });

  test('seed: ERROR: agent_user is not logged in - PLAY|6666', async () => {
    expectVicidialAnswer(await audio('agent_user=6666&value=ss-noservice&stage=PLAY'), 'ERROR: agent_user is not logged in - PLAY|6666\n');
  });

  test('seed: ERROR: audio_playback error - no session data - PLAY|<agent> (a session without conference)', async () => {
    expectVicidialAnswer(await audio('agent_user=1001&value=ss-noservice&stage=PLAY'), 'ERROR: audio_playback error - no session data - PLAY|1001\n');
  });

  test('seed: ERROR: audio_playback error - entry is empty - PLAY|<agent> (conference number of 5 characters)', async () => {
    expectVicidialAnswer(await audio('agent_user=1002&value=ss-noservice&stage=PLAY'), 'ERROR: audio_playback error - entry is empty - PLAY|1002\n');
    expectVicidialAnswer(await audio('alt_user=555111&stage=STOP'), 'ERROR: audio_playback error - entry is empty - STOP|1002\n');
  });
});

describe('format=debug around audio_playback', () => {
  test('NOTICE and SUCCESS each preceded by an action summary', async () => {
    await audio('agent_user=1000&value=tt-monkeys&stage=PLAY');
    const response = await audio('agent_user=1000&value=ss-noservice&stage=PLAY&dial_override=Y&format=debug');
    expect(response.text).toMatch(
      /<BODY[^\n]*>\n\n<!-- audio_playback: previous audio stopped in conference 8600051 -->NOTICE: audio_playback previous playback stopped - PLAY\|Y\|1000\n\n<!-- audio_playback: ss-noservice playing in conference 8600051 -->SUCCESS: audio_playback function sent - ss-noservice\|PLAY\|1000\n\n<!-- script runtime: \d+ seconds -->\n<\/body>\n<\/html>\n$/,
    );
  });
});
