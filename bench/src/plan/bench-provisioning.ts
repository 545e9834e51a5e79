import type { ProvisioningDocument } from '@pbx-gateway/server';
import type { BenchEngine } from '../options';
import * as plan from './bench-plan';
import { wallboardProvisioning } from './wallboard-plan';

function range<T>(count: number, item: (i: number) => T): T[] {
  return Array.from({ length: count }, (_, i) => item(i));
}

/**
 * The tenant the bench runs against. Every secret is real (hashed with the
 * production cost at start, verified per request or sign-in): that cost is
 * part of what is measured.
 */
export function benchProvisioning(options: { callbackUrl: string; engine: BenchEngine }): ProvisioningDocument {
  const everything = tenant(options.callbackUrl);
  if (options.engine === 'sim') return everything;
  // On the real Asterisk only call setup runs: its API account, extensions and trunk.
  const setupIds = new Set(range(plan.SETUP_EXTENSIONS, plan.setupExtensionId));
  return {
    apiUsers: everything.apiUsers?.filter((user) => user.realm === 'voipsun'),
    extensions: everything.extensions?.filter((extension) => setupIds.has(extension.id)),
    trunks: everything.trunks,
  };
}

function tenant(callbackUrl: string): ProvisioningDocument {
  const setupExtensions = range(plan.SETUP_EXTENSIONS, (i) => ({
    id: plan.setupExtensionId(i),
    internalNumber: String(plan.setupExtensionId(i)),
    sipUsername: plan.setupExtensionSip(i),
  }));
  const standingExtensions = range(plan.STANDING_EXTENSIONS, (i) => ({
    id: plan.standingExtensionId(i),
    internalNumber: String(plan.standingExtensionId(i)),
    sipUsername: plan.standingExtensionSip(i),
  }));
  const sipcallExtensions = range(plan.SIPCALL_GROUPS, (i) => ({
    id: plan.sipcallExtensionId(i),
    internalNumber: String(plan.sipcallExtensionId(i)),
    sipUsername: plan.sipcallExtensionSip(i),
  }));
  const wallboard = wallboardProvisioning();
  return {
    apiUsers: [
      {
        realm: 'vicidial',
        login: plan.VICIDIAL_API.login,
        secret: plan.VICIDIAL_API.secret,
        permissions: ['*'],
        attributes: {
          full_name: 'Bench API User',
          user_level: '9',
          user_group: 'ADMIN',
          api_allowed_functions: ' ALL_FUNCTIONS ',
          vdc_agent_api_access: '1',
        },
      },
      { realm: 'voipsun', login: plan.VOIPSUN_API.login, secret: plan.VOIPSUN_API.secret, permissions: ['*'] },
      {
        realm: 'sipcall',
        login: plan.SIPCALL_API.appid,
        secret: plan.SIPCALL_API.accesskey,
        permissions: ['*'],
        attributes: {
          companycode: plan.SIPCALL_API.companycode,
          companyname: 'bench',
          statusCallbackUrl: callbackUrl,
          cdrCallbackUrl: callbackUrl,
          nodeIp: '127.0.0.1',
        },
      },
      ...wallboard.apiUsers,
    ],
    agents: [
      ...range(plan.PAUSE_AGENTS, (i) => ({
        id: plan.pauseAgentId(i),
        name: `Pause Agent ${i}`,
        secret: `vd-${plan.pauseAgentId(i)}`,
        device: `PJSIP/${plan.pauseAgentPhone(i)}`,
      })),
      ...range(plan.CC_AGENTS, (i) => ({
        id: plan.ccAgentId(i),
        name: `CC Agent ${i}`,
        secret: plan.ccAgentPassword(i),
        device: `PJSIP/${plan.ccAgentPhoneNumber(i)}`,
      })),
      ...wallboard.agents,
    ],
    extensions: [...setupExtensions, ...standingExtensions, ...sipcallExtensions],
    extensionGroups: range(plan.SIPCALL_GROUPS, (i) => ({
      name: plan.sipcallGroup(i),
      tenant: plan.SIPCALL_API.companycode,
      extensions: [plan.sipcallExtensionId(i)],
      ringTimeoutSec: 30,
    })),
    trunks: [{ id: plan.TRUNK.id, name: plan.TRUNK.name, dialTemplate: `PJSIP/{number}@${plan.TRUNK.name}`, callerIdPool: ['2120280001', '2120280002'] }],
    sessions: [...range(plan.PAUSE_AGENTS, (i) => ({
      agentId: plan.pauseAgentId(i),
      via: 'vicidial' as const,
      conferenceNumber: plan.pauseAgentConference(i),
      connectPhone: true,
    })), ...wallboard.sessions],
  };
}

/** The gateway's CONFIG_FILE: where CC-Gateway voice paths and Sip_Call URLs may lead. Everything else is the default. */
export function benchGatewayConfig(): Record<string, unknown> {
  return {
    core: {
      media: {
        pathMappings: [{ prefix: 'Y:/', media: 'sound:recordings/' }],
        urlHosts: ['127.0.0.1'],
      },
    },
  };
}
