import type { GatewayConfig } from '../config/gateway-config';
import { demoCoreSettings, demoProvisioning } from '../provisioning/demo-provisioning';
import type { ProvisioningDocument } from '../provisioning/provisioning-document';

/**
 * The demo tenant and the settings that go with it: the server IP and audio
 * sources its examples show. Explicit settings win over the demo's.
 */
export function withDemo(config: GatewayConfig, env: NodeJS.ProcessEnv): { config: GatewayConfig; document: ProvisioningDocument } {
  const media = config.core.media;
  return {
    config: {
      ...config,
      core: {
        ...config.core,
        serverIp: env.SERVER_IP ?? demoCoreSettings.serverIp,
        media: {
          pathMappings: env.MEDIA_PATH_MAPPINGS !== undefined ? media.pathMappings : [...media.pathMappings, ...demoCoreSettings.media.pathMappings],
          urlHosts: env.MEDIA_URL_HOSTS !== undefined ? media.urlHosts : [...media.urlHosts, ...demoCoreSettings.media.urlHosts],
        },
      },
    },
    document: demoProvisioning({ callbackUrl: `http://127.0.0.1:${config.http.port}/demo/callbacks`, nodeIp: '127.0.0.1' }),
  };
}
