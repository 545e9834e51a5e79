import { serverTime } from '../src/wire/server-time';
import { CUSTOM_FIELDS_PROVISIONING } from './support/custom-fields-provisioning';
import { clearScreen, leadOnScreen } from './support/lead-on-screen';
import { ADMIN_ACCOUNT, nonAgentAccount } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Lists' fields set to be hidden (VICIdial's field_show_hide) and encrypted
// (field_encrypt), and the callers' rights to see them: lead_all_info,
// lead_field_info and lead_status_search X out a hidden field's whole value,
// every way of hiding alike, as VICIdial's API does; the list's last call
// date is the last dial of one of its leads (list_info, list_custom_fields).

const READER = { ...ADMIN_ACCOUNT, modify_leads: '1', view_reports: '1', modify_lists: '1' };

/**
 * List 610 (TESTCAMP) with a field of every way of hiding and one shown;
 * 6690 may see hidden fields, 6691 sees no lead data, 6692 reads alone.
 */
const PROVISIONING: typeof CUSTOM_FIELDS_PROVISIONING = {
  ...CUSTOM_FIELDS_PROVISIONING,
  apiUsers: [
    ...(CUSTOM_FIELDS_PROVISIONING.apiUsers ?? []),
    nonAgentAccount('6690', { ...READER, admin_cf_show_hidden: '1' }),
    nonAgentAccount('6691', { ...READER, admin_hide_lead_data: '1' }),
    nonAgentAccount('6692', READER),
  ],
  lists: [
    ...(CUSTOM_FIELDS_PROVISIONING.lists ?? []),
    {
      id: 610,
      campaignId: 'TESTCAMP',
      customFields: [
        { label: 'plain' },
        { label: 'acct', showHide: 'X_OUT_ALL' },
        { label: 'card', showHide: 'LAST_4', encrypt: true },
        { label: 'pin', showHide: 'LAST_1' },
        { label: 'zip', showHide: 'LAST_2' },
        { label: 'ssn', showHide: 'LAST_3' },
        { label: 'code', showHide: 'FIRST_1_LAST_4' },
        { label: 'blank', showHide: 'X_OUT_ALL' },
        { label: 'shown_only', type: 'DISPLAY', showHide: 'X_OUT_ALL' },
      ],
    },
  ],
  leads: [...(CUSTOM_FIELDS_PROVISIONING.leads ?? []), { id: 9610, listId: 610, phoneNumber: '7275556100' }],
};

const gateway = sharedGateway({ agentInConference: '1000', overrides: { extraProvisioning: PROVISIONING } });

const call = (fn: string, query: string, user = '6692') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=${fn}&${query}`);

const LABELS = ['plain', 'acct', 'card', 'pin', 'zip', 'ssn', 'code', 'blank'];
const VALUES = { plain: 'open', acct: 'Noël', card: '4111 2222', pin: '1234', zip: '33701', ssn: '123-45', code: 'Z-0049', blank: '' };
/** 'Noël' is five bytes: VICIdial X's out bytes, not characters. */
const HIDDEN = ['open', 'XXXXX', 'XXXXXXXXX', 'XXXX', 'XXXXX', 'XXXXXX', 'XXXXXX', ''];
/** The response's bytes as the test reads them (Latin-1): 'Noël' shown is its UTF-8 bytes. */
const SHOWN = ['open', Buffer.from('Noël').toString('latin1'), '4111 2222', '1234', '33701', '123-45', 'Z-0049', ''];
const ALL_HIDDEN = ['XXXX', 'XXXXX', 'XXXXXXXXX', 'XXXX', 'XXXXX', 'XXXXXX', 'XXXXXX', ''];

beforeAll(async () => {
  await gateway().core.setLeadCustomValues({ leadId: 9610, listId: 610, values: VALUES });
});

describe('lead_all_info custom_fields=Y', () => {
  const api = (user?: string) => call('lead_all_info', 'lead_id=9610&custom_fields=Y&header=YES', user);

  test('a caller who may not see hidden fields: every way of hiding X\'s out the whole value; an empty value stays empty', async () => {
    const [header, row] = (await call('lead_all_info', 'lead_id=9610&header=YES')).text.split('\n');
    expectVicidialAnswer(await api(), `${header}|${LABELS.join('|')}\n${row}|${HIDDEN.join('|')}\n`);
  });

  test('admin_cf_show_hidden: the values as they are (an encrypted field reads as given)', async () => {
    const [header, row] = (await call('lead_all_info', 'lead_id=9610&header=YES')).text.split('\n');
    expectVicidialAnswer(await api('6690'), `${header}|${LABELS.join('|')}\n${row}|${SHOWN.join('|')}\n`);
  });

  test('admin_hide_lead_data: every value of the list\'s fields X\'d out, the lead\'s own as they are', async () => {
    const [header, row] = (await call('lead_all_info', 'lead_id=9610&header=YES')).text.split('\n');
    expectVicidialAnswer(await api('6691'), `${header}|${LABELS.join('|')}\n${row}|${ALL_HIDDEN.join('|')}\n`);
  });

  test('a value over lines: its newline is kept, the rest X\'d out', async () => {
    await gateway().core.setLeadCustomValues({ leadId: 9610, listId: 610, values: { acct: 'ab\ncd' } });
    const [header, row] = (await call('lead_all_info', 'lead_id=9610&header=YES')).text.split('\n');
    expectVicidialAnswer(await api(), `${header}|${LABELS.join('|')}\n${row}|open|XX\nXX|${HIDDEN.slice(2).join('|')}\n`);
    await gateway().core.setLeadCustomValues({ leadId: 9610, listId: 610, values: { acct: VALUES.acct } });
  });
});

describe('lead_field_info custom_fields=Y', () => {
  const api = (name: string, user?: string) => call('lead_field_info', `lead_id=9610&custom_fields=Y&field_name=${name}`, user);

  test.each([
    ['plain', 'open'],
    ['acct', 'XXXXX'],
    ['card', 'XXXXXXXXX'],
    ['pin', 'XXXX'],
    ['zip', 'XXXXX'],
    ['ssn', 'XXXXXX'],
    ['code', 'XXXXXX'],
    ['blank', ''],
  ])('%s: %s', async (name, answer) => {
    expectVicidialAnswer(await api(name), answer);
  });

  test('a hidden field named in another case, or first of several: VICIdial finds no hidden label so named and prints it', async () => {
    expectVicidialAnswer(await api('CARD'), '4111 2222');
    expectVicidialAnswer(await api('card,plain'), '4111 2222');
  });

  test('admin_cf_show_hidden: as it is; admin_hide_lead_data: every field X\'d out, the lead number too', async () => {
    expectVicidialAnswer(await api('card', '6690'), '4111 2222');
    expectVicidialAnswer(await api('plain', '6691'), 'XXXX');
    expectVicidialAnswer(await api('lead_id', '6691'), 'XXXX');
    expectVicidialAnswer(await api('lead_id'), '9610');
  });
});

describe('lead_status_search custom_fields=Y, and the list its dialled lead notes as called', () => {
  let leadId = 0;
  let calledAt: Date;

  beforeAll(async () => {
    const called = await leadOnScreen(gateway());
    leadId = called.leadId;
    calledAt = (await gateway().core.getLeadCall(called.callId))!.startedAt;
    await clearScreen(gateway());
    await gateway().core.setLeadCustomValues({ leadId, listId: 610, values: { ...VALUES, acct: 'a\tb\nc' } });
  });

  const api = (user?: string) => call('lead_status_search', `lead_id=${leadId}&custom_fields=Y`, user);

  test('hidden values X\'d out before tabs and newlines are written out', async () => {
    const plain = (await call('lead_status_search', `lead_id=${leadId}`)).text;
    const lines = LABELS.map((label, index) => `${label} => ${label === 'acct' ? 'XXX!NX' : HIDDEN[index]}`);
    expectVicidialAnswer(await api(), `${plain}${lines.join('\n')}\n`);
  });

  test('admin_cf_show_hidden: as they are; admin_hide_lead_data does not hide here', async () => {
    const plain = (await call('lead_status_search', `lead_id=${leadId}`)).text;
    const shown = LABELS.map((label, index) => `${label} => ${label === 'acct' ? 'a -- b!Nc' : SHOWN[index]}`);
    expectVicidialAnswer(await api('6690'), `${plain}${shown.join('\n')}\n`);
    const hidden = LABELS.map((label, index) => `${label} => ${label === 'acct' ? 'XXX!NX' : HIDDEN[index]}`);
    expectVicidialAnswer(await api('6691'), `${plain}${hidden.join('\n')}\n`);
  });

  test("list_info and list_custom_fields: the list's last call date is the lead's dial, in the server's time; a list not called has none", async () => {
    const listId = (await gateway().core.getLead(leadId))!.listId;
    const list = (await gateway().core.getLeadList(listId))!;
    const date = serverTime(calledAt, 'UTC').local;
    expect(list.lastCalledAt).toEqual(calledAt);
    expect((await call('list_info', `list_id=${listId}`)).text).toBe(`${listId}|${list.name}|TESTCAMP|Y||${date}|2099-12-31|0\n`);
    expect((await call('list_custom_fields', `list_id=${listId}`)).text).toMatch(new RegExp(`^${listId}\\|[^|]*\\|TESTCAMP\\|Y\\|\\|${date}\\|`));
    expectVicidialAnswer(await call('list_custom_fields', 'list_id=610'), '610|List 610|TESTCAMP|Y|||plain acct card pin zip ssn code blank\n');
  });
});

describe('the settings kept', () => {
  test('provisioning and update_list keep a field\'s encryption and way of hiding; update_list changes them only as given', async () => {
    const fields = async () => (await gateway().core.customFieldsOfList(610)).map((field) => [field.label, field.encrypt, field.showHide]);
    expect((await fields()).slice(2, 4)).toEqual([
      ['card', true, 'LAST_4'],
      ['pin', false, 'LAST_1'],
    ]);
    expectVicidialAnswer(
      await call('update_list', 'list_id=610&custom_fields_add=Y&field_label=secret&field_name=Secret+one&field_size=10&field_type=TEXT&field_rank=9&field_encrypt=Y&field_show_hide=LAST_2', '6680'),
      'NOTICE: update_list ADD CUSTOM FIELD COMMAND SENT - 6680|610|secret|TEXT|SUCCESS: Field added|\nNOTICE: update_list NO UPDATES DEFINED: |6680|\n',
    );
    expectVicidialAnswer(
      await call('update_list', 'list_id=610&custom_fields_update=Y&field_label=pin&field_show_hide=DISABLED&field_encrypt=Y', '6680'),
      'NOTICE: update_list UPDATE CUSTOM FIELD COMMAND SENT - 6680|610|pin|TEXT|SUCCESS: Field updated|\nNOTICE: update_list NO UPDATES DEFINED: |6680|\n',
    );
    expectVicidialAnswer(
      await call('update_list', 'list_id=610&custom_fields_update=Y&field_label=card&field_show_hide=SOMETIMES&field_encrypt=MAYBE', '6680'),
      'NOTICE: update_list UPDATE CUSTOM FIELD COMMAND SENT - 6680|610|card|TEXT|SUCCESS: Field updated|\nNOTICE: update_list NO UPDATES DEFINED: |6680|\n',
    );
    const kept = await fields();
    expect(kept.find(([label]) => label === 'secret')).toEqual(['secret', true, 'LAST_2']);
    expect(kept.find(([label]) => label === 'pin')).toEqual(['pin', true, 'DISABLED']);
    expect(kept.find(([label]) => label === 'card')).toEqual(['card', true, 'LAST_4']);
    expectVicidialAnswer(await call('lead_field_info', 'lead_id=9610&custom_fields=Y&field_name=pin'), '1234');
  });
});
