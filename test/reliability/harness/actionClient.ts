import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthenticationError } from '@backstage/errors';
import { EciImageCacheClient } from '@eci-portal/plugin-eci-image-cache-node';
import { AddressInfo } from 'node:net';
import { ReliabilityBackend } from './backend';

/**
 * The real HTTP client of the node package, as the scaffolder module uses it, pointed at a
 * test backend. Plugin request tokens are the test backend's mock tokens of the initiator;
 * like Backstage's AuthService, none is issued for an unauthenticated initiator.
 */
export function actionClient(backend: ReliabilityBackend): EciImageCacheClient {
  const { port } = backend.server.address() as AddressInfo;
  const discovery: DiscoveryService = {
    getBaseUrl: async pluginId => `http://127.0.0.1:${port}/api/${pluginId}`,
    getExternalBaseUrl: async pluginId =>
      `http://127.0.0.1:${port}/api/${pluginId}`,
  };
  const auth = {
    getPluginRequestToken: async ({
      onBehalfOf,
    }: {
      onBehalfOf: BackstageCredentials;
    }) => {
      const principal = onBehalfOf.principal as {
        type: string;
        userEntityRef?: string;
      };
      if (principal.type === 'user') {
        return { token: mockCredentials.user.token(principal.userEntityRef) };
      }
      if (principal.type === 'service') {
        return { token: mockCredentials.service.token() };
      }
      throw new AuthenticationError(
        `Refused to issue service token for credential type '${principal.type}'`,
      );
    },
  } as unknown as AuthService;
  return new EciImageCacheClient({ discovery, auth });
}
