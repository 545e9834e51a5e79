import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ccgatewayCompatibility } from '@pbx-gateway/dialect-ccgateway';
import { sipcallCompatibility } from '@pbx-gateway/dialect-sipcall';
import { vicidialCompatibility } from '@pbx-gateway/dialect-vicidial';
import { voipsunCompatibility } from '@pbx-gateway/dialect-voipsun';
import { COMPATIBILITY_DOC, REGENERATE_COMMAND, renderCompatibilityMatrix } from '../src/docs/compatibility-matrix';

const ROOT = join(__dirname, '..', '..', '..');

const rowsOf = (sections: ReturnType<typeof vicidialCompatibility>) => sections.flatMap((section) => section.rows);

describe('compatibility matrix', () => {
  test('the committed docs/compatibility.md is what the code generates', () => {
    const committed = readFileSync(join(ROOT, COMPATIBILITY_DOC), 'utf8');
    const generated = renderCompatibilityMatrix();
    if (committed !== generated) {
      const was = committed.split('\n');
      const is = generated.split('\n');
      const line = is.findIndex((text, index) => text !== was[index]);
      throw new Error(
        `${COMPATIBILITY_DOC} differs from the operation catalogues (first at line ${line + 1}: committed ${JSON.stringify(was[line] ?? '')}, ` +
          `generated ${JSON.stringify(is[line] ?? '')}): regenerate it with \`${REGENERATE_COMMAND}\` and commit it`,
      );
    }
  });

  test('every partial or unsupported operation says why; a supported one says nothing', () => {
    const rows = [vicidialCompatibility, voipsunCompatibility, ccgatewayCompatibility, sipcallCompatibility].flatMap((dialect) => rowsOf(dialect()));
    for (const row of rows) expect({ operation: row.operation, hasReason: row.reason.trim().length > 0 }).toEqual({ operation: row.operation, hasReason: row.level !== 'supported' });
  });

  test('an operation appears once per table', () => {
    for (const dialect of [vicidialCompatibility, voipsunCompatibility, ccgatewayCompatibility, sipcallCompatibility]) {
      for (const section of dialect()) {
        const names = section.rows.map((row) => row.operation);
        expect(new Set(names).size).toBe(names.length);
      }
    }
  });

  test('the limits the operations state are in the matrix', () => {
    const level = (rows: { operation: string; level: string }[], operation: string) => rows.find((row) => row.operation === operation)?.level;
    const vicidial = rowsOf(vicidialCompatibility());
    expect(level(vicidial, 'set_timer_action')).toBe('partial');
    expect(level(vicidial, 'transfer_conference')).toBe('supported');
    expect(level(vicidial, 'external_pause')).toBe('supported');
    const ccgateway = rowsOf(ccgatewayCompatibility());
    const ccgatewayLevel = (name: string) => ccgateway.find((row) => row.operation.endsWith(`(${name})`))?.level;
    for (const name of ['setSelfRecord']) expect(ccgatewayLevel(name)).toBe('partial');
    for (const name of ['connectHold', 'disconnect', 'confJoin', 'innerHelp', 'phoneHangup', 'answer', 'hold', 'transfer', 'beginMute', 'endMute', 'forceRest', 'intercept', 'interceptCall', 'forceDropCall', 'forceLogoutWithReason', 'secondDial', 'secondDialEx', 'adjustSkill', 'queryCallInfo', 'queryCallInfoByCallId', 'queryCallInfoBeforeAnswer'])
      expect(ccgatewayLevel(name)).toBe('supported');
    for (const path of ['any method /voicecall/{agentid}/phonepickup/**']) {
      expect(level(ccgateway, path)).toBe('not supported');
    }
    const sipcall = rowsOf(sipcallCompatibility());
    expect(level(sipcall, 'App.Sip_Call.MakePloyCall')).toBe('supported');
    expect(level(sipcall, 'App.Sip_Call.PlayVoice')).toBe('supported');
    expect(level(sipcall, 'App.Sip_Call.SpyCall')).toBe('supported');
    expect(level(rowsOf(voipsunCompatibility()), 'spying')).toBe('supported');
  });
});
