import { redactParams } from '../src';

describe('API log redaction', () => {
  const secrets = new Set(['password', 'pass', 'accesskey']);

  it('replaces the value of a secret-bearing name, whatever its case', () => {
    expect(redactParams({ username: 'voipsun', Password: 'secretpwd', pass: '1234' }, secrets)).toEqual({
      username: 'voipsun',
      Password: '[redacted]',
      pass: '[redacted]',
    });
  });

  it('replaces a name that embeds a secret-bearing one, since the secret can be in the name itself', () => {
    // A JSON body posted as a form: PHP (and the gateway) read the whole text as one parameter name.
    const posted = '{"password":"secretpwd","action":"originate"}';
    const redacted = redactParams({ username: 'voipsun', [posted]: '', 'pass[]': '1234', 'pass[x]': '5678' }, secrets);
    expect(JSON.stringify(redacted)).not.toMatch(/secretpwd|1234|5678/);
    expect(redacted).toEqual({ username: 'voipsun', '[redacted] 1': '[redacted]', '[redacted] 2': '[redacted]', '[redacted] 3': '[redacted]' });
  });

  it('replaces a value that mentions a secret-bearing name, since the secret can follow it', () => {
    // A multipart body declared as a form: its first "name" takes the rest of the body as its value.
    const multipart = '--b\r\nContent-Disposition: form-data; name';
    const value = '"password"\r\n\r\nsecretpwd\r\n--b--\r\n';
    const redacted = redactParams({ [multipart]: value, nested: { PassWord: 'secretpwd' }, voicefile: 'hello' }, secrets);
    expect(JSON.stringify(redacted)).not.toContain('secretpwd');
    expect(redacted).toEqual({ [multipart]: '[redacted]', nested: '[redacted]', voicefile: 'hello' });
  });

  it('keeps every other parameter, objects as JSON text', () => {
    expect(redactParams({ action: 'listcalls', n: 5, flag: true, none: null, list: ['a'], gone: undefined }, secrets)).toEqual({
      action: 'listcalls',
      n: 5,
      flag: true,
      none: null,
      list: '["a"]',
    });
  });
});
