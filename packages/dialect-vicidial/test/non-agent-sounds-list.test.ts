import { mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent sounds_list: every response line, over a sounds directory of
// three prompts (WAV and GSM, of different dates and sizes), a file of
// another kind and a subdirectory, neither of which is listed.

const root = mkdtempSync(join(tmpdir(), 'sounds-list-'));
const directory = join(root, 'audiostore');
mkdirSync(directory);
mkdirSync(join(directory, 'archive.wav'));
const prompt = (name: string, size: number, modified: string): void => {
  writeFileSync(join(directory, name), Buffer.alloc(size));
  utimesSync(join(directory, name), new Date(modified), new Date(modified));
};
prompt('welcome.wav', 300, '2024-01-02T10:00:00Z');
prompt('closed.gsm', 500, '2024-01-03T11:30:05Z');
prompt('hold-on.wav', 100, '2024-01-01T09:15:00Z');
prompt('notes.txt', 900, '2024-01-04T00:00:00Z');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const gateway = sharedGateway({ overrides: { extraProvisioning: NON_AGENT_PROVISIONING, soundsDirectory: directory } });

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=sounds_list&${query}`);

const WELCOME = { name: 'welcome.wav', date: '2024-01-02 10:00:00.', size: 300, epoch: 1704189600 };
const CLOSED = { name: 'closed.gsm', date: '2024-01-03 11:30:05.', size: 500, epoch: 1704281405 };
const HOLD_ON = { name: 'hold-on.wav', date: '2024-01-01 09:15:00.', size: 100, epoch: 1704100500 };
type Sound = typeof WELCOME;

const tabLines = (sounds: readonly Sound[]): string => sounds.map((sound, index) => `${index}\t${sound.name}\t${sound.date}\t${sound.size}\t${sound.epoch}\n`).join('');

test('no API access: no permission', async () => {
  expectVicidialAnswer(await api('format=tab&stage=name', '6667'), 'ERROR: sounds_list USER DOES NOT HAVE PERMISSION TO VIEW SOUNDS LIST: |6667|0|\n');
});

test('the sounds directory gone: VICIdial\'s line naming it', async () => {
  renameSync(directory, `${directory}-away`);
  try {
    expectVicidialAnswer(await api('format=tab&stage=name'), `ERROR: audio store web directory does not exist: |6666|sounds_list|${directory}|\n`);
  } finally {
    renameSync(`${directory}-away`, directory);
  }
});

test('format=tab, stage=date: a line per WAV or GSM file, newest first, with its place, date, size and epoch', async () => {
  expectVicidialAnswer(await api('format=tab&stage=date'), tabLines([CLOSED, WELCOME, HOLD_ON]));
});

test('stage=name: by file name', async () => {
  expectVicidialAnswer(await api('format=tab&stage=name'), tabLines([CLOSED, HOLD_ON, WELCOME]));
});

test('stage=size: largest first', async () => {
  expectVicidialAnswer(await api('format=tab&stage=size'), tabLines([CLOSED, WELCOME, HOLD_ON]));
});

test('format=link: a link per file, on the sounds web server and directory', async () => {
  expectVicidialAnswer(
    await api('format=link&stage=name'),
    [CLOSED, HOLD_ON, WELCOME].map((sound) => `<a href="http://127.0.0.1/audiostore/${sound.name}">${sound.name}</a><br>\n`).join(''),
  );
});

test('format=selectframe: the chooser page, its titles re-sorting it, each file filling the field with its prompt name', async () => {
  const link = '/vicidial/non_agent_api.php?source=admin&function=sounds_list&user=6666&pass=&format=selectframe&comments=prompt_field';
  const rows = [CLOSED, WELCOME, HOLD_ON].flatMap((sound, index) => [
    `<tr><td><font size=1 face="Arial,Helvetica">${index + 1}</td>`,
    `<td><a href="javascript:choose_file('${sound.name.replace(/\.(wav|gsm)$/, '')}','prompt_field');"><font size=1 face="Arial,Helvetica">${sound.name}</a></td>`,
    `<td><font size=1 face="Arial,Helvetica">${sound.date}</td>`,
    `<td><font size=1 face="Arial,Helvetica">${sound.size}</td>`,
    `<td><a href="/audiostore/${sound.name}" target="_blank"><font size=1 face="Arial,Helvetica">PLAY</a></td></tr>`,
  ]);
  expectVicidialAnswer(
    await api('format=selectframe&comments=prompt_field&stage=size'),
    [
      '',
      '<HTML><head><title>NON-AGENT API</title>',
      '<script language="Javascript">',
      'function choose_file(filename,fieldname)',
      '\t{',
      '\tif (filename.length > 0)',
      '\t\t{',
      '\t\tparent.document.getElementById(fieldname).value = filename;',
      "\t\tdocument.getElementById(\"selectframe\").innerHTML = '';",
      "\t\tdocument.getElementById(\"selectframe\").style.visibility = 'hidden';",
      '\t\tparent.close_chooser();',
      '\t\t}',
      '\t}',
      'function close_file()',
      '\t{',
      "\tdocument.getElementById(\"selectframe\").innerHTML = '';",
      "\tdocument.getElementById(\"selectframe\").style.visibility = 'hidden';",
      '\tparent.close_chooser();',
      '\t}',
      '</script>',
      '</head>',
      '',
      '<body>',
      '<a href="javascript:close_file();"><font size=1 face="Arial,Helvetica">close frame</font></a>',
      '<div id=\'selectframe\' style="height:400px;width:710px;overflow:scroll;">',
      '<table border=0 cellpadding=1 cellspacing=2 width=690 bgcolor=white><tr>',
      '<td>#</td>',
      `<td><a href="${link}&stage=name"><font color=black>FILENAME</td>`,
      `<td><a href="${link}&stage=date"><font color=black>DATE</td>`,
      `<td><a href="${link}&stage=size"><font color=black>SIZE</td>`,
      '<td>PLAY</td>',
      '</tr>',
      ...rows,
      '</table></div></body></HTML>',
      '',
    ].join('\n'),
  );
});

test('no stage VICIdial sorts by: nothing is printed', async () => {
  expectVicidialAnswer(await api('format=tab'), '');
});

test('no format it prints: nothing is printed', async () => {
  expectVicidialAnswer(await api('stage=name'), '');
});
