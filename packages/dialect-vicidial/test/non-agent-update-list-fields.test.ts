import { CUSTOM_FIELDS_PROVISIONING } from './support/custom-fields-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// update_list custom_fields_add, custom_fields_update and custom_fields_delete:
// one field of a list defined, redefined or removed, every NOTICE line
// VICIdial prints for them. 6680 may change lists' fields, 6666 may not.
// List 601 is worked on, 602 takes the lines that end with a list refusal,
// 77 is below the numbers VICIdial's admin page works on.

const gateway = sharedGateway({
  overrides: {
    extraProvisioning: {
      ...CUSTOM_FIELDS_PROVISIONING,
      lists: [
        ...(CUSTOM_FIELDS_PROVISIONING.lists ?? []),
        {
          id: 601,
          name: 'Fields list',
          campaignId: 'TESTCAMP',
          customFields: [
            { label: 'color', name: 'Color', size: 10, max: 10 },
            { label: 'choice', name: 'Choice', type: 'SELECT', options: 'A,Alpha\nB,Beta', rank: 2 },
            { label: 'gone_soon', name: 'Gone soon', rank: 3 },
          ],
        },
        { id: 602, name: 'Second fields list', campaignId: 'TESTCAMP', customFields: [{ label: 'kept' }] },
        { id: 77, name: 'Short numbered list', campaignId: 'TESTCAMP', customFields: [{ label: 'low' }] },
      ],
      leads: [...(CUSTOM_FIELDS_PROVISIONING.leads ?? []), { id: 6011, listId: 601, phoneNumber: '7275556011' }],
    },
  },
});

const api = (query: string, user = '6680') => nonAgentGet(gateway(), `source=test&function=update_list&user=${user}&pass=1234&${query}`);
const fieldsOf = (listId: number) => gateway().core.customFieldsOfList(listId);
const fieldOf = async (listId: number, label: string) => (await fieldsOf(listId)).find((field) => field.label === label);
const NO_UPDATES = 'NOTICE: update_list NO UPDATES DEFINED: |6680|\n';

describe('before any change', () => {
  test.each(['ADD', 'UPDATE', 'DELETE'])('%s on a list number that is neither a list nor has fields: its NOTICE, then the list lines', async (verb) => {
    expectVicidialAnswer(
      await api(`list_id=7002&custom_fields_${verb.toLowerCase()}=Y&field_label=x`),
      `NOTICE: update_list CUSTOM FIELDS LIST ID TO ${verb} TO HAS NO CUSTOM FIELDS, THIS IS AN OPTIONAL FIELD: |6680|7002|0\n${NO_UPDATES}`,
    );
    expect(await fieldsOf(7002)).toEqual([]);
  });

  test('without custom_fields_modify: its NOTICE, echoing custom_fields_copy', async () => {
    expectVicidialAnswer(
      await api('list_id=601&custom_fields_add=Y&field_label=x&field_name=Xx&field_size=5&field_type=TEXT&field_rank=1', '6666'),
      'NOTICE: update_list USER DOES NOT HAVE PERMISSION TO MODIFY CUSTOM FIELDS, THIS IS AN OPTIONAL FIELD: |6666|601||0\nNOTICE: update_list NO UPDATES DEFINED: |6666|\n',
    );
    expect(await fieldOf(601, 'x')).toBeUndefined();
  });

  test('a value other than Y asks nothing: the list is not there', async () => {
    expectVicidialAnswer(await api('list_id=7003&custom_fields_add=y&field_label=x'), 'ERROR: update_list LIST DOES NOT EXIST: |6680|7003\n');
  });
});

describe('custom_fields_add', () => {
  const add = (query: string, listId = 601) => api(`list_id=${listId}&custom_fields_add=Y&${query}`);

  test('label, name, size, type and rank are required', async () => {
    expectVicidialAnswer(
      await add('field_label=shoe_size&field_name=Shoe+size&field_type=TEXT&field_rank=4'),
      `NOTICE: update_list REQUIRED CUSTOM FIELDS VARIABLES ARE MISSING, FIELD NOT ADDED, THIS IS AN OPTIONAL FIELD: |6680|601|shoe_size|Shoe size||TEXT|4|\n${NO_UPDATES}`,
    );
    expect(await fieldOf(601, 'shoe_size')).toBeUndefined();
  });

  test('added last on the list, with the admin page\'s defaults for what is not given', async () => {
    expectVicidialAnswer(
      await add('field_label=shoe_size&field_name=Shoe+size&field_size=4&field_type=TEXT&field_rank=4&field_default=42&field_required=Y'),
      `NOTICE: update_list ADD CUSTOM FIELD COMMAND SENT - 6680|601|shoe_size|TEXT|SUCCESS: Field added|\n${NO_UPDATES}`,
    );
    expect(await fieldOf(601, 'shoe_size')).toEqual({
      listId: 601,
      label: 'shoe_size',
      name: 'Shoe size',
      type: 'TEXT',
      rank: 4,
      order: 1,
      size: 4,
      max: 100,
      defaultValue: '42',
      options: '',
      required: true,
      duplicate: false,
      // Neither field_encrypt nor field_show_hide given: the columns' defaults.
      encrypt: false,
      showHide: 'DISABLED',
    });
    expect((await fieldsOf(601)).map((field) => field.label).at(-1)).toBe('shoe_size');
    // The new field takes values at once.
    expectVicidialAnswer(
      await nonAgentGet(gateway(), 'source=test&function=update_lead&user=6666&pass=1234&lead_id=6011&custom_fields=Y&shoe_size=44'),
      'NOTICE: update_lead CUSTOM FIELDS VALUES UPDATED - |6011|601|601|601|1\n',
    );
    expect(await gateway().core.leadCustomValues(601, 6011)).toEqual({ shoe_size: '44' });
  });

  test.each([
    ['a name of one character', 'field_label=f1&field_name=F&field_size=5&field_type=TEXT&field_rank=1'],
    ['a default longer than the longest value', 'field_label=f2&field_name=Field&field_size=5&field_max=3&field_default=abcd&field_type=TEXT&field_rank=1'],
    ['a SELECT without value,text options', 'field_label=f3&field_name=Field&field_size=5&field_type=SELECT&field_options=ONE%0ATWO&field_rank=1'],
    ['a SWITCH whose options do not name the list', 'field_label=f4&field_name=Field&field_size=5&field_type=SWITCH&field_options=602,Other&field_rank=1'],
    ['a label the list has already', 'field_label=color&field_name=Color&field_size=5&field_type=TEXT&field_rank=1'],
    ['a duplicate of a field the list lacks', 'field_label=f5&field_name=Field&field_size=5&field_type=TEXT&field_rank=1&field_duplicate=Y'],
    ['a duplicate not of type TEXT', 'field_label=color&field_name=Color&field_size=5&field_type=AREA&field_rank=1&field_duplicate=Y'],
  ])("the admin page refuses %s: VICIdial prints its ERROR", async (_case, query) => {
    const before = await fieldsOf(601);
    const type = /field_type=([A-Z]+)/.exec(query)?.[1];
    const label = /field_label=(\w+)/.exec(query)?.[1];
    expectVicidialAnswer(await add(query), `NOTICE: update_list ADD CUSTOM FIELD COMMAND SENT - 6680|601|${label}|${type}|ERROR: Field not added|\n${NO_UPDATES}`);
    expect(await fieldsOf(601)).toEqual(before);
  });

  test('options of value,text lines and a SWITCH naming the list are taken', async () => {
    expectVicidialAnswer(
      await add('field_label=size_pick&field_name=Size&field_size=5&field_type=RADIO&field_options=S,Small%0AL,Large&field_rank=5'),
      `NOTICE: update_list ADD CUSTOM FIELD COMMAND SENT - 6680|601|size_pick|RADIO|SUCCESS: Field added|\n${NO_UPDATES}`,
    );
    expect((await fieldOf(601, 'size_pick'))?.options).toBe('S,Small\nL,Large');
    expectVicidialAnswer(
      await add('field_label=to_list&field_name=Switch&field_size=5&field_type=SWITCH&field_options=601,This%0A602,That&field_rank=6'),
      `NOTICE: update_list ADD CUSTOM FIELD COMMAND SENT - 6680|601|to_list|SWITCH|SUCCESS: Field added|\n${NO_UPDATES}`,
    );
  });

  test('a duplicate of a TEXT field: labelled after the fields whose labels begin with it', async () => {
    expectVicidialAnswer(
      await add('field_label=color&field_name=Color+again&field_size=5&field_type=TEXT&field_rank=7&field_duplicate=Y', 602),
      `NOTICE: update_list ADD CUSTOM FIELD COMMAND SENT - 6680|602|color|TEXT|ERROR: Field not added|\n${NO_UPDATES}`,
    );
    expectVicidialAnswer(
      await add('field_label=kept&field_name=Kept+again&field_size=5&field_type=TEXT&field_rank=7&field_duplicate=Y', 602),
      `NOTICE: update_list ADD CUSTOM FIELD COMMAND SENT - 6680|602|kept|TEXT|SUCCESS: Field added|\n${NO_UPDATES}`,
    );
    expect(await fieldOf(602, 'kept_DUPLICATE_001')).toMatchObject({ name: 'Kept again', duplicate: true });
  });

  test("a label of one of the lead's own fields is kept in lower case", async () => {
    expectVicidialAnswer(
      await add('field_label=First_Name&field_name=First+name&field_size=5&field_type=TEXT&field_rank=8', 602),
      `NOTICE: update_list ADD CUSTOM FIELD COMMAND SENT - 6680|602|First_Name|TEXT|SUCCESS: Field added|\n${NO_UPDATES}`,
    );
    expect(await fieldOf(602, 'first_name')).toMatchObject({ name: 'First name' });
  });

  test('a list number below 100: the admin page does nothing, VICIdial prints NONE', async () => {
    expectVicidialAnswer(
      await add('field_label=other&field_name=Other&field_size=5&field_type=TEXT&field_rank=1', 77),
      `NOTICE: update_list ADD CUSTOM FIELD COMMAND SENT - 6680|77|other|TEXT|NONE|\n${NO_UPDATES}`,
    );
    expect((await fieldsOf(77)).map((field) => field.label)).toEqual(['low']);
  });

  test('a list number that is no list but has fields (copied to it) is worked on', async () => {
    await api('list_id=7001&custom_fields_copy=602');
    expectVicidialAnswer(
      await add('field_label=waiting&field_name=Waiting&field_size=5&field_type=TEXT&field_rank=1', 7001),
      `NOTICE: update_list ADD CUSTOM FIELD COMMAND SENT - 6680|7001|waiting|TEXT|SUCCESS: Field added|\n${NO_UPDATES}`,
    );
    expect((await fieldsOf(7001)).map((field) => field.label)).toContain('waiting');
    expect(await gateway().core.getLeadList(7001)).toBeNull();
  });
});

describe('custom_fields_update', () => {
  const update = (query: string, listId = 601) => api(`list_id=${listId}&custom_fields_update=Y&${query}`);

  test('the label is required', async () => {
    expectVicidialAnswer(await update('field_name=Nothing'), `NOTICE: update_list REQUIRED CUSTOM FIELDS VARIABLES ARE MISSING, FIELD NOT UPDATED, THIS IS AN OPTIONAL FIELD: |6680|601||\n${NO_UPDATES}`);
  });

  test('a label the list does not have: the request echoed', async () => {
    expectVicidialAnswer(
      await update('field_label=nothing&field_name=Nothing&field_size=3&field_type=AREA&field_rank=2'),
      `NOTICE: update_list FIELD DOES NOT EXIST, FIELD NOT UPDATED, THIS IS AN OPTIONAL FIELD: |6680|601|nothing|Nothing|3|AREA|2|\n${NO_UPDATES}`,
    );
  });

  test('what is given changes, the rest stays; --BLANK-- empties the default; the values stay', async () => {
    await nonAgentGet(gateway(), 'source=test&function=update_lead&user=6666&pass=1234&lead_id=6011&custom_fields=Y&color=red');
    await update('field_label=color&field_default=blue');
    expectVicidialAnswer(
      await update('field_label=color&field_name=Main+color&field_max=20&field_rank=9&field_default=--BLANK--'),
      `NOTICE: update_list UPDATE CUSTOM FIELD COMMAND SENT - 6680|601|color|TEXT|SUCCESS: Field updated|\n${NO_UPDATES}`,
    );
    expect(await fieldOf(601, 'color')).toMatchObject({ name: 'Main color', type: 'TEXT', rank: 9, size: 10, max: 20, defaultValue: '' });
    expect((await fieldsOf(601)).map((field) => field.label)[0]).toBe('color');
    expect((await gateway().core.leadCustomValues(601, 6011))?.color).toBe('red');
  });

  test('the type echoed is the field\'s after the change; a refusal of the admin page changes nothing', async () => {
    const before = await fieldOf(601, 'choice');
    expectVicidialAnswer(
      await update('field_label=choice&field_options=--BLANK--'),
      `NOTICE: update_list UPDATE CUSTOM FIELD COMMAND SENT - 6680|601|choice|SELECT|ERROR: Field not updated|\n${NO_UPDATES}`,
    );
    expectVicidialAnswer(
      await update('field_label=color&field_max=2&field_default=long'),
      `NOTICE: update_list UPDATE CUSTOM FIELD COMMAND SENT - 6680|601|color|TEXT|ERROR: Field not updated|\n${NO_UPDATES}`,
    );
    expect(await fieldOf(601, 'choice')).toEqual(before);
  });

  test('a field made a duplicate is kept as TEXT, the type given echoed', async () => {
    expectVicidialAnswer(
      await update('field_label=kept&field_type=AREA&field_duplicate=Y', 602),
      `NOTICE: update_list UPDATE CUSTOM FIELD COMMAND SENT - 6680|602|kept|AREA|SUCCESS: Field updated|\n${NO_UPDATES}`,
    );
    expect(await fieldOf(602, 'kept')).toMatchObject({ type: 'TEXT', duplicate: true });
  });

  test('a list number below 100: NONE, nothing changes', async () => {
    expectVicidialAnswer(await update('field_label=low&field_name=Lower', 77), `NOTICE: update_list UPDATE CUSTOM FIELD COMMAND SENT - 6680|77|low|TEXT|NONE|\n${NO_UPDATES}`);
    expect((await fieldOf(77, 'low'))?.name).toBe('low');
  });
});

describe('custom_fields_delete', () => {
  const remove = (query: string, listId = 601) => api(`list_id=${listId}&custom_fields_delete=Y&${query}`);

  test('the label is required', async () => {
    expectVicidialAnswer(await remove('field_name=x'), `NOTICE: update_list REQUIRED CUSTOM FIELDS VARIABLES ARE MISSING, FIELD NOT DELETED, THIS IS AN OPTIONAL FIELD: |6680|601||\n${NO_UPDATES}`);
  });

  test('a label the list does not have', async () => {
    expectVicidialAnswer(await remove('field_label=nothing'), `NOTICE: update_list FIELD DOES NOT EXIST, FIELD NOT DELETED, THIS IS AN OPTIONAL FIELD: |6680|601|nothing|\n${NO_UPDATES}`);
  });

  test('removed with the values leads held in it; the field number VICIdial echoes is empty', async () => {
    await nonAgentGet(gateway(), 'source=test&function=update_lead&user=6666&pass=1234&lead_id=6011&custom_fields=Y&gone_soon=bye');
    expect((await gateway().core.leadCustomValues(601, 6011))?.gone_soon).toBe('bye');
    expectVicidialAnswer(await remove('field_label=gone_soon'), `NOTICE: update_list DELETE CUSTOM FIELD COMMAND SENT - 6680|601|gone_soon||SUCCESS: Field deleted|\n${NO_UPDATES}`);
    expect(await fieldOf(601, 'gone_soon')).toBeUndefined();
    expect(await gateway().core.leadCustomValues(601, 6011)).not.toHaveProperty('gone_soon');
  });

  test('a list number below 100: NONE, the field stays', async () => {
    expectVicidialAnswer(await remove('field_label=low', 77), `NOTICE: update_list DELETE CUSTOM FIELD COMMAND SENT - 6680|77|low||NONE|\n${NO_UPDATES}`);
    expect(await fieldOf(77, 'low')).toBeDefined();
  });
});

describe('with the rest of update_list', () => {
  test('add, update and delete in that order, then the list update', async () => {
    expectVicidialAnswer(
      await api('list_id=602&custom_fields_add=Y&custom_fields_update=Y&custom_fields_delete=Y&field_label=temp&field_name=Temp&field_size=5&field_type=TEXT&field_rank=1&list_name=Renamed+list'),
      [
        'NOTICE: update_list ADD CUSTOM FIELD COMMAND SENT - 6680|602|temp|TEXT|SUCCESS: Field added|',
        'NOTICE: update_list UPDATE CUSTOM FIELD COMMAND SENT - 6680|602|temp|TEXT|SUCCESS: Field updated|',
        'NOTICE: update_list DELETE CUSTOM FIELD COMMAND SENT - 6680|602|temp||SUCCESS: Field deleted|',
        'SUCCESS: update_list LIST HAS BEEN UPDATED - 6680|602',
        '',
      ].join('\n'),
    );
    expect(await fieldOf(602, 'temp')).toBeUndefined();
    expect((await gateway().core.getLeadList(602))?.name).toBe('Renamed list');
  });

  test('a list setting refused after the field lines: they stay printed, the ERROR ends the answer', async () => {
    expectVicidialAnswer(
      await api('list_id=602&custom_fields_add=Y&field_label=before_error&field_name=Before&field_size=5&field_type=TEXT&field_rank=1&active=X'),
      'NOTICE: update_list ADD CUSTOM FIELD COMMAND SENT - 6680|602|before_error|TEXT|SUCCESS: Field added|\nERROR: update_list ACTIVE MUST BE Y OR N, THIS IS AN OPTIONAL FIELD: |6680|X\n',
    );
    expect(await fieldOf(602, 'before_error')).toBeDefined();
  });
});
