import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '../reference-data';
import type { ConfiguredPhone } from './project-config';

/** Addresses of one run: everything on loopback, on ports of its own. */
export interface RunAddresses {
  httpPort: number;
  /** The project's transport (phones, trunk). */
  sipPort: number;
  /** The far ends' transport, on another loopback address. */
  farEndHost: string;
  farEndSipPort: number;
  rtpStart: number;
  rtpEnd: number;
}

export const FAR_END_HOST = '127.0.0.2';

/**
 * The run's site files, read by the `#tryinclude` lines of the project's
 * files: the ports of this run, and the far ends. The far end is this very
 * Asterisk on a second transport (127.0.0.2): every request from the
 * project's transport (127.0.0.1) lands in the `far-end` context. Each phone's
 * AOR gets a contact on the far-end transport, as if the phone had registered
 * from there, and the trunk's calls are routed there.
 */
export function siteFiles(addresses: RunAddresses, phones: readonly ConfiguredPhone[], extraPhones: readonly string[] = []): Record<string, string> {
  const contact = (resource: string): string => `contact = sip:${resource}@${addresses.farEndHost}:${addresses.farEndSipPort}`;
  const contacts = phones.map((phone) => `
[${phone.resource}](+type=aor)
${contact(phone.resource)}
`);
  const added = extraPhones.map((resource) => `
[${resource}](phone)
aors = ${resource}
[${resource}](phone-aor)
${contact(resource)}
`);
  return {
    'http_site.conf': `bindaddr = 127.0.0.1\nbindport = ${addresses.httpPort}\n`,
    'rtp_site.conf': `rtpstart = ${addresses.rtpStart}\nrtpend = ${addresses.rtpEnd}\n`,
    'pjsip_site.conf': `[transport-udp](+)
bind = 127.0.0.1:${addresses.sipPort}

; The carrier is the far end.
[upc](+)
outbound_proxy = sip:${addresses.farEndHost}:${addresses.farEndSipPort}\\;lr

[far-end-transport]
type = transport
protocol = udp
bind = ${addresses.farEndHost}:${addresses.farEndSipPort}

[far-end]
type = endpoint
transport = far-end-transport
context = far-end
disallow = all
allow = ulaw,alaw
direct_media = no
dtmf_mode = rfc4733

[far-end]
type = identify
endpoint = far-end
match = 127.0.0.1

; Calls the far end places come from the carrier.
[upc-from-far-end]
type = identify
endpoint = upc
match = ${addresses.farEndHost}
${contacts.join('')}${added.join('')}`,
    'extensions_site.conf': readFileSync(join(repositoryRoot(), 'packages', 'test-support', 'asterisk', 'far-end-extensions.conf'), 'utf8'),
  };
}
