import supertest from 'supertest';
import type { Recording } from '@pbx-gateway/core';
import { apiUser, appWith, createVoipsunCore, storeRecordedCall, type VoipsunCore } from '../support/voipsun-core';
import { BASE, E100, E120, E900, expectWire, SUCCESS } from '../support/wire-expect';

const E800 = '{"success":"false","errno":"800","reason":"CDR record not found!"}';
const E801 = '{"success":"false","errno":"801","reason":"CDR not contain any information about audio record!"}';
const E810 = '{"success":"false","errno":"810","reason":"Destination folder does not exist and mkdir command failed. Please check parent folder permissions!\'"}';
const E811 = (file: string): string => `{"success":"false","errno":"811","reason":"Source file (${file}) not exist or insufficient permissions to read them!"}`;
const E812 = (file: string): string => `{"success":"false","errno":"812","reason":"Cannot move file to (${file}). Check destination folder permissions!"}`;

const NAS = { '/var/spool/asterisk/recording': '', '/mnt/nas_server/asterisk': 'nas' };
const FILE = '20240501-100000_1000_abc';

let fake: VoipsunCore;
let http: ReturnType<typeof supertest>;

beforeEach(async () => {
  fake = await createVoipsunCore();
  http = supertest(appWith(fake, { recordingRoots: NAS }));
});

const recordedCdr = (state: Recording['state'] = 'finished'): Promise<number> => storeRecordedCall(fake, FILE, state);

const move = (query: string, client = http) => client.get(`${BASE}&action=moverecord&${query}`);

describe('moverecord', () => {
  test('the document’s example: moved and renamed into a directory of the NAS root; the CDR and the recording name the new file', async () => {
    const cdrId = await recordedCdr();
    expectWire(await move(`cdrId=${cdrId}&filename=new_record.wav&path=/mnt/nas_server/asterisk/2018`), SUCCESS);
    expect(fake.t.pbx.describe().filter((line) => line.startsWith('moveStoredRecording'))).toEqual([`moveStoredRecording ${FILE} nas/2018/new_record`]);
    expect(fake.t.pbx.storedRecordings.has('nas/2018/new_record')).toBe(true);
    expect((await fake.core.getCdr(cdrId))?.recordingFile).toBe('nas/2018/new_record.wav');
    expect(await fake.core.getRecording('agent-1000.rec-1')).toMatchObject({ name: 'nas/2018/new_record', location: 'nas/2018/new_record.wav' });
  });

  test('only a path keeps the name; only a filename keeps the directory (a name without extension takes the recording’s)', async () => {
    const cdrId = await recordedCdr();
    expectWire(await move(`cdrId=${cdrId}&path=/mnt/nas_server/asterisk/2018/`), SUCCESS);
    expect((await fake.core.getCdr(cdrId))?.recordingFile).toBe(`nas/2018/${FILE}.wav`);
    expectWire(await move(`cdrId=${cdrId}&filename=renamed`), SUCCESS);
    expect((await fake.core.getCdr(cdrId))?.recordingFile).toBe('nas/2018/renamed.wav');
    expectWire(await move(`cdrId=${cdrId}&path=/var/spool/asterisk/recording`), SUCCESS);
    expect((await fake.core.getCdr(cdrId))?.recordingFile).toBe('renamed.wav');
  });

  test('moving to where it is already is a success that asks nothing of the engine', async () => {
    const cdrId = await recordedCdr();
    expectWire(await move(`cdrId=${cdrId}&filename=${FILE}.wav`), SUCCESS);
    expect(fake.t.pbx.describe().filter((line) => line.startsWith('moveStoredRecording'))).toEqual([]);
  });

  test('errno 120: no cdrId, or neither filename nor path', async () => {
    const cdrId = await recordedCdr();
    expectWire(await move('filename=x.wav'), E120);
    expectWire(await move('cdrId=&filename=x.wav'), E120);
    expectWire(await move(`cdrId=${cdrId}`), E120);
    expectWire(await move(`cdrId=${cdrId}&filename=&path=`), E120);
  });

  test('errno 800: no such CDR (or an id that is no number)', async () => {
    await recordedCdr();
    for (const id of ['10000', 'abc', '-1', '1e3', '9'.repeat(30)]) expectWire(await move(`cdrId=${id}&filename=x.wav`), E800);
  });

  test('errno 801: the CDR’s call was not recorded', async () => {
    const cdrId = await recordedCdr();
    await fake.t.store.direct.cdrs.setRecordingFile(cdrId, '');
    expectWire(await move(`cdrId=${cdrId}&filename=x.wav`), E801);
  });

  test.each([
    ['outside every root', '/etc/asterisk'],
    ['climbing out of a root', '/mnt/nas_server/asterisk/../../../etc'],
    ['a dot segment', '/mnt/nas_server/asterisk/./2018'],
    ['relative', 'mnt/nas_server/asterisk/2018'],
    ['a shell character', '/mnt/nas_server/asterisk/2018;rm -rf'],
    ['a root’s sibling with the same prefix', '/mnt/nas_server/asterisk2018'],
  ])('errno 810: a path %s, nothing asked of the engine', async (_what, path) => {
    const cdrId = await recordedCdr();
    expectWire(await move(`cdrId=${cdrId}&path=${encodeURIComponent(path)}`), E810);
    expect(fake.t.pbx.describe().filter((line) => line.startsWith('moveStoredRecording'))).toEqual([]);
    expect((await fake.core.getCdr(cdrId))?.recordingFile).toBe(`${FILE}.wav`);
  });

  test.each([
    ['a path', '../x.wav'],
    ['another format', 'new_record.mp3'],
    ['a hidden name', '.wav'],
  ])('errno 812: a filename that is %s', async (_what, filename) => {
    const cdrId = await recordedCdr();
    expectWire(await move(`cdrId=${cdrId}&filename=${encodeURIComponent(filename)}&path=/mnt/nas_server/asterisk/2018`), E812(`/mnt/nas_server/asterisk/2018/${filename}`));
    expect(fake.t.pbx.describe().filter((line) => line.startsWith('moveStoredRecording'))).toEqual([]);
  });

  test('errno 812: a name taken is not overwritten', async () => {
    const cdrId = await recordedCdr();
    fake.t.pbx.storedRecordings.add('nas/2018/taken');
    expectWire(await move(`cdrId=${cdrId}&filename=taken.wav&path=/mnt/nas_server/asterisk/2018`), E812('/mnt/nas_server/asterisk/2018/taken.wav'));
    expect(fake.t.pbx.storedRecordings.has(FILE)).toBe(true);
    expect((await fake.core.getCdr(cdrId))?.recordingFile).toBe(`${FILE}.wav`);
  });

  test('errno 812: a recording still running (it records the agent’s session beyond the call) is not moved', async () => {
    const cdrId = await recordedCdr('recording');
    expectWire(await move(`cdrId=${cdrId}&filename=later.wav`), E812('/var/spool/asterisk/recording/later.wav'));
    expect(fake.t.pbx.describe().filter((line) => line.startsWith('moveStoredRecording'))).toEqual([]);
  });

  test('errno 811: the engine has no such file (named as clients name it)', async () => {
    const cdrId = await recordedCdr();
    fake.t.pbx.storedRecordings.delete(FILE);
    expectWire(await move(`cdrId=${cdrId}&filename=x.wav`), E811(`/var/spool/asterisk/recording/${FILE}.wav`));
  });

  test('errno 900 while the engine is away', async () => {
    const cdrId = await recordedCdr();
    fake.t.pbx.setAvailable(false);
    expectWire(await move(`cdrId=${cdrId}&filename=x.wav`), E900);
  });

  test('errno 100 without the "Move audio recordings" permission', async () => {
    const cdrId = await recordedCdr();
    await fake.t.store.direct.apiUsers.upsert(apiUser('mover', 'moverpwd', ['Move audio recordings']));
    expectWire(await http.get(`/api/api.php?username=lister&password=listpwd&action=moverecord&cdrId=${cdrId}&filename=x.wav`), E100);
    expectWire(await http.get(`/api/api.php?username=mover&password=moverpwd&action=moverecord&cdrId=${cdrId}&filename=x.wav`), SUCCESS);
  });
});
