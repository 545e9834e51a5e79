import type Ajv from 'ajv';
import type { SipcallSettings } from '../settings';
import { createLoginService } from './login';
import { createLogoutService } from './logout';
import { createPlayVoiceService } from './play-voice';
import type { SipcallService } from './service';

export type { ServiceContext, SipcallService } from './service';

/** The services this dialect answers, by lower-case name; every other name is PhalApi's "no such service". */
export function createServices(ajv: Ajv, settings: SipcallSettings): ReadonlyMap<string, SipcallService> {
  const services = [createLoginService, createLogoutService, createPlayVoiceService].map((create) => create(ajv, settings));
  return new Map(services.map((service) => [service.name.toLowerCase(), service]));
}
