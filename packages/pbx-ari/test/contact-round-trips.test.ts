import { ContactRoundTrips } from '../src/contact-round-trips';

const change = (contact_status: string, roundtrip_usec: string, uri = 'sip:sip100@192.0.2.10:5062'): unknown => ({
  type: 'ContactStatusChange',
  application: 'gateway-devices',
  endpoint: { technology: 'PJSIP', resource: 'sip100', state: 'online', channel_ids: [] },
  contact_info: { uri, contact_status, aor: 'sip100', roundtrip_usec },
});

describe('the round trips Asterisk tells in ContactStatusChange', () => {
  it('keeps a reachable contact’s round trip, per contact, and forgets it on any other status', () => {
    const roundTrips = new ContactRoundTrips();
    roundTrips.note(change('NonQualified', '0'));
    expect(roundTrips.of('sip100', 'sip:sip100@192.0.2.10:5062')).toBeUndefined();
    roundTrips.note(change('Reachable', '35412'));
    roundTrips.note(change('Reachable', '98000', 'sip:sip100@192.0.2.11:5060'));
    expect(roundTrips.of('sip100', 'sip:sip100@192.0.2.10:5062')).toBe(35412);
    expect(roundTrips.of('sip100', 'sip:sip100@192.0.2.11:5060')).toBe(98000);
    expect(roundTrips.of('sip101', 'sip:sip100@192.0.2.10:5062')).toBeUndefined();
    roundTrips.note(change('Unreachable', '0'));
    expect(roundTrips.of('sip100', 'sip:sip100@192.0.2.10:5062')).toBeUndefined();
    roundTrips.note(change('Removed', '0', 'sip:sip100@192.0.2.11:5060'));
    expect(roundTrips.of('sip100', 'sip:sip100@192.0.2.11:5060')).toBeUndefined();
  });

  it('ignores other events and unreadable ones', () => {
    const roundTrips = new ContactRoundTrips();
    roundTrips.note({ type: 'EndpointStateChange', contact_info: { uri: 'u', aor: 'a', contact_status: 'Reachable', roundtrip_usec: '5' } });
    roundTrips.note({ type: 'ContactStatusChange', contact_info: { uri: 'u', contact_status: 'Reachable', roundtrip_usec: '5' } });
    roundTrips.note(null);
    expect(roundTrips.of('a', 'u')).toBeUndefined();
  });

  it('remembers a bounded number of contacts, the oldest going first', () => {
    const roundTrips = new ContactRoundTrips(2);
    for (const uri of ['sip:a', 'sip:b', 'sip:c']) roundTrips.note(change('Reachable', '1000', uri));
    expect(['sip:a', 'sip:b', 'sip:c'].map((uri) => roundTrips.of('sip100', uri))).toEqual([undefined, 1000, 1000]);
  });
});
