import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ariTracesDir, loadAriContract } from '../src';

const contract = loadAriContract();

const channel = {
  id: '1763712345.12',
  name: 'PJSIP/1000-00000003',
  state: 'Up',
  protocol_id: 'a84b4c76e66710',
  caller: { name: 'Alice', number: '1000' },
  connected: { name: '', number: '' },
  accountcode: '',
  dialplan: { context: 'default', exten: 's', priority: 1, app_name: 'Stasis', app_data: 'gateway' },
  creationtime: '2025-11-21T06:17:00.123+0000',
  language: 'en',
};

describe('ARI contract of Asterisk 22', () => {
  it('loads the operations and models Asterisk describes', () => {
    expect(contract.findOperation('POST', '/ari/channels/{id}/play'.replace('{id}', 'abc'))?.nickname).toBe('play');
    expect(contract.findOperation('POST', '/channels/create')?.nickname).toBe('create');
    expect(contract.findOperation('POST', '/channels/some-id')?.nickname).toBe('originateWithId');
    expect(contract.models.Channel?.properties.state?.type).toBe('string');
  });

  describe('requests', () => {
    it('accepts valid requests, in the query or in a JSON body', () => {
      expect(contract.checkRequest({ method: 'POST', path: '/ari/channels', query: { endpoint: 'PJSIP/1000', app: 'gateway', timeout: 30 } })).toEqual([]);
      expect(
        contract.checkRequest({ method: 'POST', path: '/channels', body: { endpoint: 'PJSIP/1000', app: 'gateway', variables: { CALLERID: 'x' } } }),
      ).toEqual([]);
      expect(contract.checkRequest({ method: 'POST', path: '/ari/channels/abc/play?media=sound:hello-world,sound:beep&playbackId=p1' })).toEqual([]);
      expect(contract.checkRequest({ method: 'GET', path: '/ari/events', query: { app: 'gateway', api_key: 'u:p', subscribeAll: 'true' } })).toEqual([]);
      expect(contract.checkRequest({ method: 'DELETE', path: '/ari/channels/abc', query: { reason: 'busy' } })).toEqual([]);
    });

    it('reports an unknown route or method', () => {
      expect(contract.checkRequest({ method: 'GET', path: '/ari/nope' })).toEqual(['GET /nope: no such ARI resource']);
      expect(contract.checkRequest({ method: 'PUT', path: '/ari/channels' })[0]).toMatch(/method not allowed/);
    });

    it('reports an unknown parameter, a wrong type, a missing required one and a value not allowed', () => {
      expect(contract.checkRequest({ method: 'POST', path: '/ari/channels', query: { endpoint: 'PJSIP/1', app: 'a', bogus: '1' } })).toEqual([
        'POST /channels bogus: unknown query parameter',
      ]);
      expect(contract.checkRequest({ method: 'POST', path: '/ari/channels', query: { endpoint: 'PJSIP/1', app: 'a', timeout: 'abc' } })).toEqual([
        "POST /channels timeout: 'abc' is not an integer",
      ]);
      expect(contract.checkRequest({ method: 'POST', path: '/ari/channels/abc/play' })).toEqual(['POST /channels/{channelId}/play media: required parameter missing']);
      expect(contract.checkRequest({ method: 'POST', path: '/ari/playbacks/p/control', query: { operation: 'bogus' } })).toEqual([
        "POST /playbacks/{playbackId}/control operation: 'bogus' is not one of restart, pause, unpause, reverse, forward",
      ]);
      expect(contract.checkRequest({ method: 'POST', path: '/ari/channels', body: { endpoint: 'PJSIP/1', app: 'a', variables: { X: 1 } } })).toEqual([
        'POST /channels variables.X: only string values are allowed',
      ]);
      expect(contract.checkRequest({ method: 'POST', path: '/ari/channels', body: { endpoint: 'PJSIP/1', app: 'a', timeout: '30' } })).toEqual([
        'POST /channels timeout: "30" is not an integer',
      ]);
    });
  });

  describe('events', () => {
    it('accepts well-formed events', () => {
      expect(contract.checkEvent({ type: 'StasisStart', timestamp: '2025-11-21T06:17:00.123+0000', args: [], channel, asterisk_id: '02:42:ac:11:00:02', application: 'gateway' })).toEqual([]);
      expect(
        contract.checkEvent({ cause: 32, soft: true, type: 'ChannelHangupRequest', timestamp: 't', channel, asterisk_id: 'x', application: 'gateway' }),
      ).toEqual([]);
    });

    it('reports an unknown type, a missing field, an undeclared field, a wrong nested type', () => {
      expect(contract.checkEvent({ type: 'NoSuchEvent', timestamp: 't', application: 'a' })).toEqual(['NoSuchEvent: not an event type of Asterisk 22']);
      expect(contract.checkEvent({ type: 'StasisStart', timestamp: 't', args: [], application: 'a' }).join()).toMatch(/must have required property 'channel'/);
      expect(contract.checkEvent({ type: 'StasisEnd', timestamp: 't', channel, application: 'a', extra: 1 }).join()).toMatch(/must NOT have additional properties/);
      expect(contract.checkEvent({ type: 'StasisEnd', timestamp: 't', channel: { ...channel, state: 'Talking' }, application: 'a' }).join()).toMatch(
        /\/channel\/state: must be equal to one of the allowed values/,
      );
      expect(contract.checkEvent({ type: 'StasisEnd', timestamp: 't', channel: { ...channel, dialplan: { ...channel.dialplan, priority: '1' } }, application: 'a' }).join()).toMatch(
        /\/channel\/dialplan\/priority: must be integer/,
      );
    });

    it('accepts every event a real Asterisk 22 sent in the golden traces', () => {
      const dir = ariTracesDir();
      let checked = 0;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        const trace = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { entries: { type: string; event?: unknown }[] };
        for (const entry of trace.entries) {
          if (entry.type !== 'event') continue;
          expect([file, contract.checkEvent(entry.event)]).toEqual([file, []]);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(100);
    });
  });
});
