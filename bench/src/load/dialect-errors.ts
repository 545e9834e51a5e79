import type { DialectErrorRule } from './load-spec';

/**
 * Whether a 2xx answer's body is the dialect's own error: an `ERROR:` line
 * (VICIdial), `"success":"false"` (VoIPSUN), a `retcode` other than "0"
 * (CC-Gateway), a `ret` other than 200 or a business failure (Sip_Call).
 */
export function isDialectError(rule: DialectErrorRule, body: string): boolean {
  switch (rule) {
    case 'none':
      return false;
    case 'vicidial':
      return /^ERROR:/m.test(body);
    case 'voipsun':
      return jsonField(body, (json) => json.success !== 'true');
    case 'ccgateway':
      return jsonField(body, (json) => json.retcode !== '0');
    case 'sipcall':
      return jsonField(body, (json) => json.ret !== 200 || (typeof json.data === 'object' && json.data !== null && (json.data as { status?: unknown }).status !== 0));
  }
}

function jsonField(body: string, failed: (json: Record<string, unknown>) => boolean): boolean {
  try {
    const json = JSON.parse(body) as unknown;
    return typeof json !== 'object' || json === null || failed(json as Record<string, unknown>);
  } catch {
    return true;
  }
}
