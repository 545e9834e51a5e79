import { AUTH, EXTRA_PROVISIONING, agentGet, expectVicidialAnswer, sharedGateway } from './support/vicidial-test-kit';

// send_notification (spec §3.2): an on-screen alert queued for an agent, a
// user group or a campaign, within what the API user's group may see. The
// gateway keeps the alert (numbered) for the screens that show it. Every
// response line of the function.

describe('with notifications on', () => {
  const gateway = sharedGateway({
    overrides: {
      extraProvisioning: {
        ...EXTRA_PROVISIONING,
        apiUsers: [
          ...(EXTRA_PROVISIONING.apiUsers ?? []),
          { realm: 'vicidial', login: '6675', secret: '1234', attributes: { user_level: '9', user_group: 'NOGROUP', api_allowed_functions: ' ALL_FUNCTIONS ', vdc_agent_api_access: '1' } },
        ],
        campaigns: [{ id: 'OTHERCAMP', name: 'Another campaign', dialMethod: 'MANUAL' }],
      },
    },
  });
  const api = (query: string, auth = AUTH) => agentGet(gateway(), `${auth}&function=send_notification&${query}`);
  const AS_AGENTS_MEMBER = 'source=test&user=6671&pass=1234';

  /** The notification a SUCCESS line (the last line of `text`) numbers, as stored. */
  async function queued(text: string) {
    const id = /\|(\d+)\n$/.exec(text)?.[1];
    if (id === undefined) throw new Error(`no notification number in ${JSON.stringify(text)}`);
    const notification = await gateway().core.getAgentNotification(Number(id));
    if (!notification) throw new Error(`notification ${id} not stored`);
    return notification;
  }

  test('queues a text for an agent, with the default style, shown now', async () => {
    const before = Date.now();
    const answer = await api(`recipient=1000&recipient_type=USER&notification_text=Call+O'Brien+"now";#`);
    expect(answer.text).toMatch(/^SUCCESS: notification queued - 1000\|USER\|\d+\n$/);
    expectVicidialAnswer(answer, answer.text);
    const notification = await queued(answer.text);
    expect(notification).toMatchObject({
      recipient: '1000',
      recipientType: 'USER',
      text: `Call O'Brien "now"`,
      style: { size: 12, font: 'Arial', weight: 'bold', color: 'black' },
      confetti: null,
      retry: false,
      queuedBy: '6666',
    });
    expect(notification.showAt.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
  });

  test('a user group or a campaign; styles, confetti with its defaults, a date, retry', async () => {
    const group = await api('recipient=AGENTS&recipient_type=USER_GROUP&notification_text=Hi&text_size=20&text_font=Times+New+Roman&text_weight=normal&text_color=FF0000&notification_retry=Y');
    expect(group.text).toMatch(/^SUCCESS: notification queued - AGENTS\|USER_GROUP\|\d+\n$/);
    expect(await queued(group.text)).toMatchObject({ recipientType: 'USER_GROUP', style: { size: 20, font: 'Times New Roman', weight: 'normal', color: '#FF0000' }, retry: true });

    const campaign = await api('recipient=TESTCAMP&recipient_type=CAMPAIGN&show_confetti=Y&notification_date=2030-01-02+03:04:05');
    expect(campaign.text).toMatch(/^SUCCESS: notification queued - TESTCAMP\|CAMPAIGN\|\d+\n$/);
    const stored = await queued(campaign.text);
    expect(stored).toMatchObject({ text: '', confetti: { durationSec: 2, maxParticleCount: 2350, particleSpeed: 2 } });
    // The demo's time zone is UTC.
    expect(stored.showAt.toISOString()).toBe('2030-01-02T03:04:05.000Z');
    const custom = await api('recipient=TESTCAMP&recipient_type=CAMPAIGN&show_confetti=Y&duration=5&maxParticleCount=100&particleSpeed=3');
    expect(await queued(custom.text)).toMatchObject({ confetti: { durationSec: 5, maxParticleCount: 100, particleSpeed: 3 } });
    // The script compares show_confetti with `Y` exactly, takes 0 as not given, and writes only upper-case hex colours with `#`.
    expectVicidialAnswer(await api('recipient=TESTCAMP&recipient_type=CAMPAIGN&show_confetti=y'), 'ERROR: invalid request - TESTCAMP|CAMPAIGN\n');
    const zeros = await api('recipient=TESTCAMP&recipient_type=CAMPAIGN&show_confetti=Y&duration=0&text_size=0&notification_text=Hi&text_color=ff0000&notification_retry=nY');
    expect(await queued(zeros.text)).toMatchObject({ style: { size: 12, color: 'ff0000' }, confetti: { durationSec: 2 }, retry: true });
    const shortHex = await api('recipient=TESTCAMP&recipient_type=CAMPAIGN&notification_text=Hi&text_color=F0F0');
    expect(await queued(shortHex.text)).toMatchObject({ style: { color: '#F0F0' }, retry: false });
  });

  test('a recipient type that is none of the three: the recipient is looked for as a user, a group, a campaign', async () => {
    const asCampaign = await api('recipient=TESTCAMP&recipient_type=TEAM&notification_text=Hi');
    expect(asCampaign.text).toMatch(/^Invalid recipient_type \(TEAM\), NOTICE: found TESTCAMP as CAMPAIGN<BR>\nSUCCESS: notification queued - TESTCAMP\|CAMPAIGN\|\d+\n$/);
    expectVicidialAnswer(asCampaign, asCampaign.text);
    const asUser = await api('recipient=6666&recipient_type=x&notification_text=Hi');
    expect(asUser.text).toMatch(/^Invalid recipient_type \(x\), NOTICE: found 6666 as USER<BR>\nSUCCESS: notification queued - 6666\|USER\|\d+\n$/);
    // No type at all is not one of the three either.
    const noType = await api('recipient=1000&notification_text=Hi');
    expect(noType.text).toMatch(/^Invalid recipient_type \(\), NOTICE: found 1000 as USER<BR>\nSUCCESS: notification queued - 1000\|USER\|\d+\n$/);
    expectVicidialAnswer(
      await api('recipient=NOPE&recipient_type=TEAM&notification_text=Hi'),
      'Invalid recipient_type (TEAM), ERROR: no matching recipient found in users, user_groups, or campaigns - NOPE\n',
    );
  });

  test('a date the script does not take is now, with a notice on the same line', async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const answer = await api('recipient=1000&recipient_type=USER&notification_text=Hi&notification_date=2024/01/02+10:00');
    expect(answer.text).toMatch(/^NOTICE: Invalid notification date 20240102 10:00, changing to nowSUCCESS: notification queued - 1000\|USER\|\d+\n$/);
    expect((await queued(answer.text)).showAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  test('a date of the script\'s pattern gets no notice: without seconds it is read, a day that does not exist is now', async () => {
    const short = await api('recipient=1000&recipient_type=USER&notification_text=Hi&notification_date=2030-1-2+3:04');
    expect(short.text).toMatch(/^SUCCESS: notification queued - 1000\|USER\|\d+\n$/);
    expect((await queued(short.text)).showAt.toISOString()).toBe('2030-01-02T03:04:00.000Z');
    const before = Math.floor(Date.now() / 1000) * 1000;
    const impossible = await api('recipient=1000&recipient_type=USER&notification_text=Hi&notification_date=2024-13-45+10:00:00');
    expect(impossible.text).toMatch(/^SUCCESS: notification queued - 1000\|USER\|\d+\n$/);
    expect((await queued(impossible.text)).showAt.getTime()).toBeGreaterThanOrEqual(before);
    const zero = await api('recipient=1000&recipient_type=USER&notification_text=Hi&notification_date=0');
    expect(zero.text).toMatch(/^SUCCESS: notification queued - 1000\|USER\|\d+\n$/);
  });

  test('refusals', async () => {
    const refused: Array<[string, string, string?]> = [
      ['recipient=&recipient_type=USER&notification_text=Hi', 'ERROR: Missing recipient or recipient_type - |USER\n'],
      ['recipient=0&recipient_type=USER&notification_text=Hi', 'ERROR: Missing recipient or recipient_type - 0|USER\n'],
      ['recipient=&notification_text=Hi', 'ERROR: Missing recipient or recipient_type - |\n'],
      ['recipient=4242&recipient_type=USER&notification_text=Hi&value=abc', 'ERROR: 4242 DOES NOT EXIST in vicidial_users - abc|4242\n'],
      ['recipient=NOPE&recipient_type=USER_GROUP&notification_text=Hi', 'ERROR: NOPE DOES NOT EXIST in vicidial_user_groups - |NOPE\n'],
      ['recipient=NOPE&recipient_type=CAMPAIGN&notification_text=Hi', 'ERROR: NOPE DOES NOT EXIST in vicidial_campaigns - |NOPE\n'],
      ['recipient=OTHERCAMP&recipient_type=CAMPAIGN&notification_text=Hi', 'ERROR: ACCESS TO CAMPAIGN OTHERCAMP NOT ALLOWED FOR USER 6671 ( TESTCAMP -) - |OTHERCAMP\n', AS_AGENTS_MEMBER],
      ['recipient=ADMIN&recipient_type=USER_GROUP&notification_text=Hi', 'ERROR: ACCESS TO USER GROUP ADMIN NOT ALLOWED FOR USER 6671 - |ADMIN\n', AS_AGENTS_MEMBER],
      ['recipient=TESTCAMP&recipient_type=CAMPAIGN&notification_text=Hi', 'ERROR: user_group DOES NOT EXIST - |NOGROUP\n', 'source=test&user=6675&pass=1234'],
      ['recipient=1000&recipient_type=USER&show_confetti=N', 'ERROR: invalid request - 1000|USER\n'],
      [
        'recipient=1000&recipient_type=USER&notification_text=Hi&value=v1',
        'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - v1|6668|send_notification|AGENTS\n',
        'source=test&user=6668&pass=1234',
      ],
    ];
    for (const [query, line, auth] of refused) expectVicidialAnswer(await api(query, auth), line);
    // Within its group's reach, the same account is served.
    expect((await api('recipient=AGENTS&recipient_type=USER_GROUP&notification_text=Hi', AS_AGENTS_MEMBER)).text).toMatch(/^SUCCESS: notification queued - AGENTS\|USER_GROUP\|\d+\n$/);
  });
});

describe('with notifications off (system setting agent_notifications 0)', () => {
  const gateway = sharedGateway({ overrides: { dialects: { vicidial: { agentNotifications: '0' } } } });

  test('every request gets the switch line, before the allow-list', async () => {
    for (const auth of [AUTH, 'source=test&user=6668&pass=1234']) {
      expectVicidialAnswer(
        await agentGet(gateway(), `${auth}&function=send_notification&recipient=1000&recipient_type=USER&notification_text=Hi`),
        'ERROR: Agent API Notifications are disabled on this system - 0\n',
      );
    }
  });
});
