import type { ApiUser } from '@pbx-gateway/core';
import { attribute, COMPANY_ATTRIBUTES } from '../auth';
import type { SipcallCallbackSettings } from '../settings';

/** Where and as whom a company's callbacks go: its attributes, else the dialect's settings. */
export interface CompanyCallbacks {
  companycode: string;
  statusUrl: string | null;
  cdrUrl: string | null;
  nodeIp: string;
  downloadIp: string;
  /** Names the company's callback secret (`callbackSigningKeyName`). */
  signingKey: string;
}

export function companyCallbacks(user: ApiUser | null, tenant: string | null, settings: SipcallCallbackSettings): CompanyCallbacks {
  const read = (name: string): string => (user ? attribute(user, name) : '');
  const nodeIp = read(COMPANY_ATTRIBUTES.nodeIp) || settings.nodeIp;
  const companycode = tenant ?? read(COMPANY_ATTRIBUTES.code);
  return {
    companycode,
    statusUrl: receiver(read(COMPANY_ATTRIBUTES.statusCallbackUrl) || settings.statusCallbackUrl),
    cdrUrl: receiver(read(COMPANY_ATTRIBUTES.cdrCallbackUrl) || settings.cdrCallbackUrl),
    nodeIp,
    downloadIp: read(COMPANY_ATTRIBUTES.downloadIp) || settings.downloadIp || nodeIp,
    signingKey: callbackSigningKeyName(companycode, read(COMPANY_ATTRIBUTES.callbackSecretVersion)),
  };
}

/**
 * The name under which the gateway derives a company's callback secret:
 * `sipcall/<companycode>`, then `/<version>` once the company's secret has
 * been replaced. The operator prints the secret for this name
 * (`pbx-gateway callback-secret sipcall/2028`) and hands it to the company.
 */
export function callbackSigningKeyName(companycode: string, version: string): string {
  return version === '' ? `sipcall/${companycode}` : `sipcall/${companycode}/${version}`;
}

/** A configured receiver if it is an http(s) URL; anything else sends nothing rather than fail a call. */
function receiver(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
