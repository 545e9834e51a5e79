import { OperationCatalogue } from '@pbx-gateway/dialect-kit';
import type { SipcallSettings } from '../settings';
import { login } from './login';
import { logout } from './logout';
import { playVoice } from './play-voice';
import { makeCall } from './make-call';
import { makePloyCall } from './make-ploy-call';
import { doubleCall } from './double-call';
import { hangupCall } from './hangup-call';
import { getSipValidStatus } from './get-sip-valid-status';
import { getSipRegisterStatus } from './get-sip-register-status';
import { getSipCallStatus } from './get-sip-call-status';
import { getSipnumberInfo } from './get-sipnumber-info';
import { getQueueList } from './get-queue-list';
import { sipSignIn } from './sip-sign-in';
import { sipSignOut } from './sip-sign-out';
import { getQueueSipStatus } from './get-queue-sip-status';
import { spyCall } from './spy-call';
import { forceCall } from './force-call';
import { getBill } from './get-bill';
import { transferCall } from './transfer-call';
import { getRecodeFile } from './get-recode-file';
import type { SipcallService, SipcallTypes } from './service';

export type { ServiceContext, SipcallService, SipcallTypes } from './service';

/**
 * The services this dialect answers, one line each; their rules follow the
 * dialect's settings. Looked up by name ignoring case (PHP class and method
 * names do); every other name is PhalApi's "no such service".
 */
export function createServices(settings: SipcallSettings): { named: (name: string) => SipcallService | undefined; names: string[]; operations: readonly SipcallService[] } {
  const catalogue = new OperationCatalogue<SipcallTypes>([
    login(settings),
    logout(settings),
    playVoice(settings),
    makeCall(settings),
    makePloyCall(settings),
    doubleCall(settings),
    hangupCall(settings),
    transferCall(settings),
    getSipValidStatus(settings),
    getSipRegisterStatus(settings),
    getSipCallStatus(settings),
    getSipnumberInfo(settings),
    getQueueList(settings),
    sipSignIn(settings),
    sipSignOut(settings),
    getQueueSipStatus(settings),
    spyCall(settings),
    forceCall(settings),
    getBill(settings),
    getRecodeFile(settings),
  ]);
  return { named: catalogue.index('service', (name) => name.toLowerCase()), names: catalogue.names(), operations: catalogue.operations };
}
