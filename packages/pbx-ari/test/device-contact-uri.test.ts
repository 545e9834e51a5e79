import { uriAddress } from '../src/commands/device-contacts';

describe('the host and port of a contact URI', () => {
  test.each([
    ['sip:sip100@192.0.2.10:5062', '192.0.2.10', 5062],
    ['sip:carrier.example.net:5060', 'carrier.example.net', 5060],
    ['sip:101a@192.0.2.7:5096;line=c5979f655562d46', '192.0.2.7', 5096],
    ['sip:sip100@192.0.2.10', '192.0.2.10', 5060],
    ['sips:sip100@192.0.2.10', '192.0.2.10', 5061],
    ['sip:sip100@[2001:db8::1]:5070;transport=udp', '2001:db8::1', 5070],
  ])('%s is %s port %d', (uri, host, port) => {
    expect(uriAddress(uri)).toEqual({ host, port });
  });
});
