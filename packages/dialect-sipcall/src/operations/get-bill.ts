import type { ErrorObject, JSONSchemaType } from 'ajv';
import type { InputCheck, RequestParams } from '@pbx-gateway/dialect-kit';
import { tenantOf } from '../auth';
import { cdrCallbackBody, operationsOfCallMethod } from '../callbacks/cdr-callback';
import { companyCallbacks } from '../callbacks/company';
import { text } from '../messages';
import type { SipcallSettings } from '../settings';
import { DATE_TIME, directionOf, queryTime, readFilterOf, WHOLE_NUMBER } from '../wire/bill-params';
import { success } from '../wire/envelope';
import type { WireObject } from '../wire/php-json';
import { paramsFailure, paramsInput, type ParamRule } from '../wire/params';
import { localTimeFormatter } from '../wire/time';
import { companyOf, serviceKind, type SipcallService } from './service';

interface GetBillParams {
  starttime: string;
  endtime: string;
  syncflag?: string;
  direction?: string;
  callmethod?: string;
  page?: string;
  pagesize?: string;
}

// The vendor's callmethod table: 0 any, 1 extension to extension, 2 extension direct dial, 3 API call, 4 API double call, 5 predictive, 6 IVR.
const CALL_METHOD_VALUES = ['0', '1', '2', '3', '4', '5', '6'];
const MAX_PAGE = 999999999;
const MAX_PAGE_SIZE = 500;
const DEFAULT_PAGE_SIZE = 100;

const schema: JSONSchemaType<GetBillParams> = {
  type: 'object',
  properties: {
    starttime: DATE_TIME,
    endtime: DATE_TIME,
    syncflag: { type: 'string', enum: ['1', '2', '3'], nullable: true },
    direction: { type: 'string', enum: ['1', '2', '3'], nullable: true },
    callmethod: { type: 'string', enum: CALL_METHOD_VALUES, nullable: true },
    page: WHOLE_NUMBER,
    pagesize: WHOLE_NUMBER,
  },
  required: ['starttime', 'endtime'],
};

// The vendor's parameter order, then the paging ones.
const rules: readonly ParamRule[] = [
  { name: 'starttime', invalid: { key: 'invalidDateTime', vars: { name: 'starttime' } } },
  { name: 'endtime', invalid: { key: 'invalidDateTime', vars: { name: 'endtime' } } },
  { name: 'syncflag', invalid: 'range', range: ['1', '2', '3'] },
  { name: 'direction', invalid: 'range', range: ['1', '2', '3'] },
  { name: 'callmethod', invalid: 'range', range: CALL_METHOD_VALUES },
  { name: 'page', invalid: { key: 'invalidPageNumber', vars: { name: 'page', max: MAX_PAGE } } },
  { name: 'pagesize', invalid: { key: 'invalidPageNumber', vars: { name: 'pagesize', max: MAX_PAGE_SIZE } } },
];

/**
 * `App.Sip_Cdr.GetBill`: the company's CDRs of calls started between
 * `starttime` and `endtime` (both included, the platform's local time), each
 * exactly as its CDR callback carried it, oldest first. `syncflag` 1 (the
 * default) lists those this company has not fetched yet, 2 those it has, 3
 * both; `direction` 1 inbound, 2 outbound, 3 (the default) both;
 * `callmethod` (the CDR's, 0 or absent: any) narrows by what started the
 * call. Every CDR answered is marked fetched for the company, so pulling
 * page 1 with `syncflag` 1 again brings the next ones. `page` / `pagesize`
 * (default 1 / 100, at most 500) page through the list.
 */
export function getBill(settings: SipcallSettings): SipcallService {
  const kind = serviceKind(settings);
  const language = settings.language;
  const timeZone = settings.callbacks.timeZone;
  const formatTime = localTimeFormatter(timeZone);
  const input = withinBounds(paramsInput(kind.compile(schema), rules), timeZone);
  return kind.define({
    name: 'App.Sip_Cdr.GetBill',
    service: 'App.Sip_Cdr.GetBill',
    auth: 'token',
    input,
    invalidInput: (errors) => paramsFailure(rules, errors, language),
    async run(ctx, request) {
      const company = companyOf(ctx);
      const size = request.pagesize === undefined ? DEFAULT_PAGE_SIZE : Number(request.pagesize);
      const page = request.page === undefined ? 1 : Number(request.page);
      const cdrs = await ctx.core.searchCdrs({
        tenant: tenantOf(company),
        from: queryTime(request.starttime, timeZone)!,
        // Times are to the second: the end second is included whole (a call started at 12:00:00.700 is in a window ending 12:00:00).
        to: new Date(queryTime(request.endtime, timeZone)!.getTime() + 999),
        direction: directionOf(request.direction ?? '3'),
        ...(request.callmethod && request.callmethod !== '0' ? { originOperation: operationsOfCallMethod(Number(request.callmethod)) } : {}),
        reader: company.id,
        read: readFilterOf(request.syncflag ?? '1'),
        offset: (page - 1) * size,
        limit: size,
      });
      const bills: WireObject[] = [];
      for (const cdr of cdrs) {
        const found = await ctx.core.getCall(cdr.callId);
        if (found) bills.push(cdrCallbackBody(found.call, cdr, companyCallbacks(company, cdr.tenant, settings.callbacks), settings.callbacks, formatTime));
      }
      await ctx.core.markCdrsRead({ reader: company.id, cdrIds: cdrs.map((cdr) => cdr.id) });
      return bills;
    },
    render: (bills, ctx) => success(text(language, 'queryDone'), ctx.reqtime, ctx.core.clock.now(), bills),
  });
}

/**
 * What the schema cannot say, failed as that parameter's own rule so it is
 * worded and ordered like the others: a date the calendar lacks
 * (2020-02-30), a page outside its bounds.
 */
function withinBounds(check: InputCheck<RequestParams, GetBillParams>, timeZone: string): InputCheck<RequestParams, GetBillParams> {
  return (params) => {
    const checked = check(params);
    if (!checked.ok) return checked;
    const request = checked.value;
    const failed = (name: keyof GetBillParams): ErrorObject => ({
      keyword: 'pattern',
      instancePath: `/${name}`,
      schemaPath: `#/properties/${name}/pattern`,
      params: {},
      data: request[name],
    });
    const outOf = (value: string | undefined, max: number): boolean => value !== undefined && (Number(value) < 1 || Number(value) > max);
    if (!queryTime(request.starttime, timeZone)) return { ok: false, errors: [failed('starttime')] };
    if (!queryTime(request.endtime, timeZone)) return { ok: false, errors: [failed('endtime')] };
    if (outOf(request.page, MAX_PAGE)) return { ok: false, errors: [failed('page')] };
    if (outOf(request.pagesize, MAX_PAGE_SIZE)) return { ok: false, errors: [failed('pagesize')] };
    return checked;
  };
}
