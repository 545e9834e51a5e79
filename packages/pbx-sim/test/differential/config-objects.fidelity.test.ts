import { liveDifferential, SCENARIO_TIMEOUT_MS } from './support/live';

/**
 * res_pjsip's objects created, changed and deleted through ARI at runtime
 * (the project's sorcery.conf: a memory wizard after pjsip.conf), request by
 * request: what the gateway sends for a phone, and the refusals around it.
 */
const live = liveDifferential();
const OBJECTS = '/asterisk/config/dynamic/res_pjsip';
const DIGEST = 'MD5:0123456789abcdef0123456789abcdef';

describe('runtime PJSIP objects, live against Asterisk 22', () => {
  it('a phone made, looked at, changed and removed', () =>
    live.check('config-objects-phone', async (ari) => {
      await ari.http('PUT', `${OBJECTS}/auth/diff7001`, { body: { fields: [{ attribute: 'auth_type', value: 'digest' }, { attribute: 'username', value: 'diff7001' }, { attribute: 'realm', value: 'asterisk' }, { attribute: 'password_digest', value: DIGEST }] } });
      await ari.http('PUT', `${OBJECTS}/aor/diff7001`, { body: { fields: [{ attribute: 'max_contacts', value: '1' }, { attribute: 'qualify_frequency', value: '30' }] } });
      await ari.http('PUT', `${OBJECTS}/endpoint/diff7001`, {
        body: {
          fields: [
            { attribute: 'transport', value: 'transport-udp' },
            { attribute: 'context', value: 'from-phones' },
            { attribute: 'disallow', value: 'all' },
            { attribute: 'allow', value: 'ulaw,alaw,opus' },
            { attribute: 'direct_media', value: 'no' },
            { attribute: 'rtp_symmetric', value: 'yes' },
            { attribute: 'dtmf_mode', value: 'rfc4733' },
            { attribute: 'auth', value: 'diff7001' },
            { attribute: 'aors', value: 'diff7001' },
          ],
        },
      });
      await ari.http('GET', '/endpoints/PJSIP/diff7001');
      await ari.http('GET', `${OBJECTS}/endpoint/diff7001`);
      await ari.http('GET', `${OBJECTS}/auth/diff7001`);
      await ari.http('GET', `${OBJECTS}/aor/diff7001`);
      await ari.http('PUT', `${OBJECTS}/auth/diff7001`, { body: { fields: [{ attribute: 'password_digest', value: 'MD5:fedcba9876543210fedcba9876543210' }] } });
      await ari.http('PUT', `${OBJECTS}/aor/diff7001`, { body: { fields: [{ attribute: 'max_contacts', value: '2' }, { attribute: 'remove_existing', value: 'maybe' }] } });
      await ari.http('PUT', `${OBJECTS}/endpoint/diff7001`, { body: { fields: [{ attribute: 'context', value: 'other' }] } });
      // An endpoint without codecs cannot be changed.
      await ari.http('PUT', `${OBJECTS}/endpoint/diff7006`, { body: { fields: [{ attribute: 'context', value: 'a' }] } });
      await ari.http('PUT', `${OBJECTS}/endpoint/diff7006`, { body: { fields: [{ attribute: 'context', value: 'b' }] } });
      await ari.http('DELETE', `${OBJECTS}/endpoint/diff7006`);
      await ari.http('DELETE', `${OBJECTS}/endpoint/diff7001`);
      await ari.http('GET', '/endpoints/PJSIP/diff7001');
      await ari.http('DELETE', `${OBJECTS}/aor/diff7001`);
      await ari.http('DELETE', `${OBJECTS}/auth/diff7001`);
      await ari.http('DELETE', `${OBJECTS}/auth/diff7001`);
      await ari.http('GET', `${OBJECTS}/auth/diff7001`);
    }), SCENARIO_TIMEOUT_MS);

  it('refusals: bad fields, objects of pjsip.conf, types and classes without a writable store', () =>
    live.check('config-objects-refusals', async (ari) => {
      await ari.http('PUT', `${OBJECTS}/auth/diff7002`, { body: { fields: [{ attribute: 'username', value: 'diff7002' }] } });
      await ari.http('PUT', `${OBJECTS}/auth/diff7002`, { body: { fields: [{ attribute: 'username', value: 'diff7002' }, { attribute: 'password_digest', value: 'MD5:zz' }] } });
      await ari.http('PUT', `${OBJECTS}/endpoint/diff7002`, { body: { fields: [{ attribute: 'bogus', value: '1' }] } });
      await ari.http('PUT', `${OBJECTS}/aor/diff7002`, { body: { fields: [{ attribute: 'max_contacts', value: 'abc' }] } });
      await ari.http('PUT', `${OBJECTS}/aor/diff7003`, { body: { fields: [{ attribute: 'max_contacts', value: '1' }] } });
      await ari.http('PUT', `${OBJECTS}/aor/diff7003`, { body: { fields: [{ attribute: 'max_contacts', value: 'abc' }] } });
      await ari.http('DELETE', `${OBJECTS}/aor/diff7003`);
      await ari.http('PUT', `${OBJECTS}/endpoint/1000`, { body: { fields: [{ attribute: 'context', value: 'x' }] } });
      await ari.http('PUT', `${OBJECTS}/auth/1000`, { body: { fields: [] } });
      await ari.http('DELETE', `${OBJECTS}/aor/1000`);
      await ari.http('PUT', `${OBJECTS}/identify/diff7004`, { body: { fields: [{ attribute: 'endpoint', value: '1000' }, { attribute: 'match', value: '192.0.2.1' }] } });
      await ari.http('PUT', `${OBJECTS}/nothing/diff7004`, { body: { fields: [] } });
      await ari.http('PUT', '/asterisk/config/dynamic/res_nothing/endpoint/diff7004', { body: { fields: [] } });
      await ari.http('DELETE', `${OBJECTS}/endpoint/diff7005`);
      await ari.http('GET', '/endpoints/PJSIP/1000');
    }), SCENARIO_TIMEOUT_MS);
});
