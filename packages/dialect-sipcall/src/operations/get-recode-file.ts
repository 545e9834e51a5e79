import type { JSONSchemaType } from 'ajv';
import { tenantOf } from '../auth';
import { companyCallbacks } from '../callbacks/company';
import { business } from '../errors';
import { text } from '../messages';
import type { SipcallSettings } from '../settings';
import { success } from '../wire/envelope';
import { paramsFailure, paramsInput, type ParamRule } from '../wire/params';
import { recordingUrl } from '../wire/recording-url';
import { companyOf, refuse, serviceKind, type SipcallService } from './service';

interface RecodeFileParams {
  filename: string;
}

// A CDR's `recordfilename`: relative path segments of plain names, no `..`.
const schema: JSONSchemaType<RecodeFileParams> = {
  type: 'object',
  properties: { filename: { type: 'string', maxLength: 255, pattern: '^(?!.*(^|/)\\.\\.?(/|$))[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$' } },
  required: ['filename'],
};

const rules: readonly ParamRule[] = [{ name: 'filename', invalid: { key: 'invalidRecordFilename' } }];

/**
 * `App.Sip_Cdr.GetRecodeFile` (the vendor's spelling): the download address
 * of a recording, named by `filename` as the CDR's `recordfilename` gives it,
 * `result: {"recordfilename":"…","recordurl":"http://<downloadip>/…"}`
 * (`recordurl` is the vendor's name for the full download URL in its newer
 * CDRs). Only the company's own calls' recordings are found: another
 * company's, or a name no CDR carries, is `1029` File does not exist.
 */
export function getRecodeFile(settings: SipcallSettings): SipcallService {
  const kind = serviceKind(settings);
  const language = settings.language;
  const input = paramsInput(kind.compile(schema), rules);
  return kind.define({
    name: 'App.Sip_Cdr.GetRecodeFile',
    service: 'App.Sip_Cdr.GetRecodeFile',
    auth: 'token',
    input,
    invalidInput: (errors) => paramsFailure(rules, errors, language),
    async run(ctx, request) {
      const company = companyOf(ctx);
      const [cdr] = await ctx.core.searchCdrs({ tenant: tenantOf(company), recordingFile: request.filename, limit: 1 });
      if (!cdr) throw refuse(business('1029', 'fileNotFound'));
      const { downloadIp } = companyCallbacks(company, cdr.tenant, settings.callbacks);
      return { recordfilename: request.filename, recordurl: recordingUrl(settings.recordingUrl, downloadIp, request.filename) };
    },
    render: (result, ctx) => success(text(language, 'queryDone'), ctx.reqtime, ctx.core.clock.now(), result),
  });
}
