import { OperationCatalogue } from '@pbx-gateway/dialect-kit';
import type { SipcallSettings } from '../settings';
import { login } from './login';
import { logout } from './logout';
import { playVoice } from './play-voice';
import type { SipcallService, SipcallTypes } from './service';

export type { ServiceContext, SipcallService, SipcallTypes } from './service';

/**
 * The services this dialect answers, one line each; their rules follow the
 * dialect's settings. Looked up by name ignoring case (PHP class and method
 * names do); every other name is PhalApi's "no such service".
 */
export function createServices(settings: SipcallSettings): { named: (name: string) => SipcallService | undefined; names: string[] } {
  const catalogue = new OperationCatalogue<SipcallTypes>([login(settings), logout(settings), playVoice(settings)]);
  return { named: catalogue.index('service', (name) => name.toLowerCase()), names: catalogue.names() };
}
