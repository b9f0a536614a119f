import { createBackendModule } from '@backstage/backend-plugin-api';
import { RunningEmulator, startEmulator } from '@eci-portal/ack-emulator';
import {
  EciClusterAuthContext,
  EciClusterAuthStrategy,
  EciClusterConnection,
  eciClusterAuthExtensionPoint,
} from '@eci-portal/plugin-eci-image-cache-node';
import { startTestEciBackend } from '../../__testUtils__/startTestEciBackend';

// The module of the node package's README, as written there.

/** `authProvider: environmentToken`: a bearer token from the environment variable `tokenVariable` names. */
class EnvironmentTokenStrategy implements EciClusterAuthStrategy {
  connect(context: EciClusterAuthContext): EciClusterConnection {
    const variable = context.config.getOptionalString('tokenVariable');
    if (!variable) {
      throw context.invalid(
        'tokenVariable',
        'is required with authProvider "environmentToken"',
      );
    }
    const token = process.env[variable]?.trim();
    if (!token) {
      throw context.invalid('tokenVariable', `$${variable} is not set`);
    }
    return { endpoint: context.requireEndpoint(), user: { token } };
  }
}

const environmentTokenAuthModule = createBackendModule({
  pluginId: 'eci-image-cache',
  moduleId: 'environment-token-auth',
  register(reg) {
    reg.registerInit({
      deps: { clusterAuth: eciClusterAuthExtensionPoint },
      async init({ clusterAuth }) {
        clusterAuth.addAuthStrategy(
          'environmentToken',
          new EnvironmentTokenStrategy(),
        );
      },
    });
  },
});

// The module's tests.

const TOKEN_VARIABLE = 'ECI_EXTENSION_POINT_TEST_TOKEN';

describe('eciClusterAuthExtensionPoint', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, tls: true, controllers: false });
  });
  afterAll(async () => {
    await emulator.stop();
  });
  afterEach(() => {
    delete process.env[TOKEN_VARIABLE];
  });

  function clusterEntry(authProvider: string) {
    return {
      name: 'hz',
      url: emulator.url,
      region: 'cn-hangzhou',
      authProvider,
      tokenVariable: TOKEN_VARIABLE,
      caData: Buffer.from(emulator.caData!).toString('base64'),
      default: true,
    };
  }

  it('lets a backend module add a strategy the backend then connects with over HTTPS', async () => {
    process.env[TOKEN_VARIABLE] = emulator.tokens.backstage;
    const started = await startTestEciBackend({
      clusters: [{ name: 'hz', emulator }],
      extraConfig: { clusters: [clusterEntry('environmentToken')] },
      features: [environmentTokenAuthModule],
    });
    try {
      await started.waitForSync(['hz']);
      const res = await started.get('/clusters');
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({
          name: 'hz',
          sync: expect.objectContaining({ state: 'synced' }),
        }),
      ]);
    } finally {
      await started.backend.stop();
    }
  });

  it('reports the strategy’s own validation error, naming the field', async () => {
    await expect(
      startTestEciBackend({
        clusters: [{ name: 'hz', emulator }],
        extraConfig: { clusters: [clusterEntry('environmentToken')] },
        features: [environmentTokenAuthModule],
      }),
    ).rejects.toThrow(
      `eciImageCache.clusters[0].tokenVariable: $${TOKEN_VARIABLE} is not set`,
    );
  });

  it('without the module, names the strategies there are', async () => {
    await expect(
      startTestEciBackend({
        clusters: [{ name: 'hz', emulator }],
        extraConfig: { clusters: [clusterEntry('environmentToken')] },
      }),
    ).rejects.toThrow(
      /eciImageCache\.clusters\[0\]\.authProvider: "environmentToken" is not supported; use one of "serviceAccount", "clientCertificate", "inCluster", "kubeconfig"/,
    );
  });

  it('refuses a module that would replace a built-in strategy', async () => {
    const takeover = createBackendModule({
      pluginId: 'eci-image-cache',
      moduleId: 'takeover',
      register(reg) {
        reg.registerInit({
          deps: { clusterAuth: eciClusterAuthExtensionPoint },
          async init({ clusterAuth }) {
            clusterAuth.addAuthStrategy(
              'serviceAccount',
              new EnvironmentTokenStrategy(),
            );
          },
        });
      },
    });
    await expect(
      startTestEciBackend({
        clusters: [{ name: 'hz', emulator }],
        features: [takeover],
      }),
    ).rejects.toThrow(
      'Cannot add cluster auth strategy "serviceAccount": that authProvider is taken',
    );
  });
});
