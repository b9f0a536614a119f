import { X509Certificate } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { dirname } from 'node:path';
import type { ApiContext } from '../api/ApiContext';
import { createRequestHandler } from '../api/requestHandler';
import { WatchHub } from '../api/WatchHub';
import { WorkflowController } from '../argo/WorkflowController';
import { Authorizer } from '../auth/authorizer';
import { loadTokenFile, parseTokenFile } from '../auth/tokenFile';
import type { Clock } from '../clock/Clock';
import { ManualClock } from '../clock/ManualClock';
import { ScaledClock } from '../clock/ScaledClock';
import { ImageCacheController } from '../eci/ImageCacheController';
import { PodSimulator } from '../eci/PodSimulator';
import { SimulatedRegistry } from '../eci/SimulatedRegistry';
import { FaultInjector } from '../faults/FaultInjector';
import { GarbageCollector } from '../gc/GarbageCollector';
import { NamespaceController } from '../gc/NamespaceController';
import { renderKubeconfig, writeKubeconfig } from '../kubeconfig/kubeconfig';
import { readState, StateFile } from '../persistence/StateFile';
import { loadCrds } from '../schema/loadCrds';
import { ResourceRegistry } from '../schema/ResourceRegistry';
import { applySeed, readSeedFile } from '../seed/seedObjects';
import { RequestStats } from '../stats/RequestStats';
import { ObjectStore } from '../store/ObjectStore';
import type { KubeObject } from '../store/types';
import { createTlsMaterial } from '../tls/certificates';
import { issueClientCertificate } from '../tls/clientCertificates';
import type {
  EmulatorOptions,
  EmulatorTokens,
  RunningEmulator,
} from './options';
import {
  CRD_DIRECTORY,
  DEFAULT_REGISTRY_FILE,
  DEFAULT_TOKENS_FILE,
} from './packagePaths';

const SYSTEM_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
];

interface Controller {
  start(): void;
  stop(): void;
}

function createClock(
  options: EmulatorOptions,
  persistedTime: number | undefined,
): Clock {
  const requested =
    options.startTime instanceof Date
      ? options.startTime.getTime()
      : options.startTime;
  if (options.manualClock)
    return new ManualClock(
      Math.max(requested ?? Date.UTC(2025, 0, 1), persistedTime ?? 0),
    );
  return new ScaledClock(
    options.timeScale ?? 1,
    Math.max(requested ?? Date.now(), persistedTime ?? 0),
  );
}

function bootstrapObjects(store: ObjectStore, crds: KubeObject[]): void {
  const namespaces = store.registry.byGroupResource('', 'namespaces');
  for (const name of SYSTEM_NAMESPACES) {
    if (!store.get(namespaces, undefined, name)) {
      store.create(namespaces, {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name },
      });
    }
  }
  const crdType = store.registry.byGroupResource(
    'apiextensions.k8s.io',
    'customresourcedefinitions',
  );
  for (const crd of crds) {
    const { stored } = store.create(crdType, crd);
    const spec = crd.spec as {
      names: unknown;
      versions: { name: string; storage?: boolean }[];
    };
    const at = stored.object.metadata.creationTimestamp;
    store.update(
      crdType,
      {
        ...stored.object,
        status: {
          acceptedNames: spec.names,
          conditions: [
            {
              type: 'NamesAccepted',
              status: 'True',
              reason: 'NoConflicts',
              message: 'no conflicts found',
              lastTransitionTime: at,
            },
            {
              type: 'Established',
              status: 'True',
              reason: 'InitialNamesAccepted',
              message: 'the initial names have been accepted',
              lastTransitionTime: at,
            },
          ],
          storedVersions: spec.versions
            .filter(v => v.storage !== false)
            .map(v => v.name),
        },
      },
      { subresource: 'status' },
    );
  }
}

function tokensOf(authorizer: Authorizer): EmulatorTokens {
  const tokens: Record<string, string> = {};
  for (const user of authorizer.file.users) tokens[user.name] = user.token;
  if (!tokens.admin || !tokens.backstage)
    throw new Error(
      'the tokens file must define the users "admin" and "backstage"',
    );
  return tokens as EmulatorTokens;
}

/**
 * Starts the emulated ACK cluster: a Kubernetes API server for the CRDs and
 * core kinds, plus the ECI ImageCache controller, the ECI virtual-node pod
 * simulation and a minimal Argo workflow controller.
 */
export async function startEmulator(
  options: EmulatorOptions = {},
): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const region = options.region ?? 'cn-hangzhou';
  const clusterName = options.clusterName ?? 'ack-emulator';
  const persisted = options.stateFile
    ? readState(options.stateFile)
    : undefined;
  const clock = createClock(options, persisted?.simulatedTime);
  const crds = loadCrds(options.crdDirectory ?? CRD_DIRECTORY);
  const resources = new ResourceRegistry(crds);
  const store = new ObjectStore(resources, clock, {
    watchWindow: options.watchWindow,
  });
  if (persisted) store.restore(persisted.objects, persisted.resourceVersion);
  bootstrapObjects(store, crds as KubeObject[]);

  const registry =
    typeof options.registry === 'object'
      ? new SimulatedRegistry(options.registry)
      : SimulatedRegistry.fromFile(options.registry ?? DEFAULT_REGISTRY_FILE);
  const tls = options.tls
    ? await createTlsMaterial(
        [host],
        options.kubeconfigPath ? dirname(options.kubeconfigPath) : undefined,
      )
    : undefined;
  const authorizer = new Authorizer(
    typeof options.tokens === 'object'
      ? parseTokenFile(options.tokens)
      : loadTokenFile(options.tokens ?? DEFAULT_TOKENS_FILE),
    tls ? new X509Certificate(tls.caCert) : undefined,
  );
  const tokens = tokensOf(authorizer);
  if (options.seed)
    applySeed(
      store,
      typeof options.seed === 'string'
        ? readSeedFile(options.seed)
        : options.seed,
    );

  const controllers: Controller[] = [];
  if (options.controllers !== false) {
    controllers.push(
      new GarbageCollector(store),
      new NamespaceController(store, clock),
    );
    const imageCaches = resources.lookup(
      'eci.alibabacloud.com',
      'v1',
      'imagecaches',
    )
      ? new ImageCacheController({ store, clock, registry, region })
      : undefined;
    if (imageCaches) controllers.push(imageCaches);
    controllers.push(
      new PodSimulator({ store, clock, registry, region, imageCaches }),
    );
    if (resources.lookup('argoproj.io', 'v1alpha1', 'workflows'))
      controllers.push(new WorkflowController(store, clock));
  }
  for (const controller of controllers) controller.start();
  const stateFile = options.stateFile
    ? new StateFile(options.stateFile, store, () => clock.now())
    : undefined;
  stateFile?.start();

  const stats = new RequestStats();
  const watches = new WatchHub();
  const faults = new FaultInjector();
  faults.onChange(config =>
    watches.dropEvery(config.dropWatchesEveryMs, count =>
      stats.fault('droppedWatch', count),
    ),
  );
  if (options.faults) faults.set(options.faults);
  const context: ApiContext = {
    store,
    registry: resources,
    clock,
    authorizer,
    faults,
    stats,
    watches,
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 15_000,
  };

  let address = `${host}:${options.port ?? 0}`;
  const handler = createRequestHandler(context, () => address);
  const server: Server = tls
    ? createHttpsServer(
        {
          cert: tls.cert,
          key: tls.key,
          // Ask for a client certificate but let token users in: the authenticator decides.
          requestCert: true,
          rejectUnauthorized: false,
        },
        handler,
      )
    : createHttpServer(handler);
  const sockets = new Set<Socket>();
  server.on(tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    if (faults.unreachable()) {
      stats.fault('unreachable');
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let urlHost = host.includes(':') ? `[${host}]` : host;
  if (host === '0.0.0.0' || host === '::') urlHost = '127.0.0.1';
  address = `${urlHost}:${port}`;
  const url = `${tls ? 'https' : 'http'}://${address}`;

  const kubeconfigFor = (user = 'admin') => {
    const users = [
      user,
      ...Object.keys(tokens).filter(name => name !== user),
    ].map(name => ({ name, token: tokens[name] }));
    return { clusterName, server: url, caData: tls?.caCert, users };
  };
  if (options.kubeconfigPath)
    writeKubeconfig(options.kubeconfigPath, kubeconfigFor());
  const issue = async (user: string, groups: string[] = []) => {
    if (!tls)
      throw new Error('client certificates need an emulator started with tls');
    return issueClientCertificate(
      { cert: tls.caCert, key: tls.caKey },
      user,
      groups,
    );
  };
  const certKubeconfig = options.clientCertificateKubeconfig;
  if (certKubeconfig) {
    const user = certKubeconfig.user ?? 'backstage';
    const clientCertificate = await issue(user, certKubeconfig.groups);
    writeKubeconfig(certKubeconfig.path, {
      clusterName,
      server: url,
      caData: tls?.caCert,
      users: [{ name: user, clientCertificate }],
    });
  }

  let stopped = false;
  return {
    url,
    port,
    caData: tls?.caCert,
    tokens,
    kubeconfigPath: options.kubeconfigPath,
    clientCertificateKubeconfigPath: certKubeconfig?.path,
    kubeconfig: user => renderKubeconfig(kubeconfigFor(user)),
    issueClientCertificate: issue,
    clock,
    faults,
    stats,
    store,
    registry,
    advance: ms => clock.advance(ms),
    compact: () => store.compact(),
    dropWatches: () => watches.closeAll(),
    async stop() {
      if (stopped) return;
      stopped = true;
      watches.dropEvery(undefined, () => undefined);
      watches.closeAll();
      const closed = new Promise<void>(resolve =>
        server.close(() => resolve()),
      );
      for (const socket of sockets) socket.destroy();
      await closed;
      for (const controller of controllers) controller.stop();
      clock.dispose();
      stateFile?.stop();
    },
  };
}
