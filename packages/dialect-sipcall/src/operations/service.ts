import type Ajv from 'ajv';
import type { CallControl } from '@pbx-gateway/core';
import type { RequestParams } from '@pbx-gateway/dialect-kit';
import type { SipcallOperation } from '../errors';
import type { SipcallSettings } from '../settings';
import type { Answer } from '../wire/envelope';

/** One request for one service, with everything a service needs to answer it. */
export interface ServiceContext {
  core: CallControl;
  settings: SipcallSettings;
  params: RequestParams;
  /** The service name as the client wrote it (after PhalApi's `App.` completion). */
  service: string;
  /** When the request arrived: `data.reqtime`. */
  reqtime: Date;
  /** The client's address, for the company's allow-list. */
  remoteAddress: string | null;
}

export interface SipcallService {
  operation: SipcallOperation;
  /** Canonical `App.<Class>.<Action>` name (lookup ignores case). */
  name: string;
  run(context: ServiceContext): Promise<Answer>;
}

export type ServiceFactory = (ajv: Ajv, settings: SipcallSettings) => SipcallService;
