import { RunningEmulator, startEmulator } from '@eci-portal/ack-emulator';
import {
  generateWorkflow,
  WorkflowOptions,
} from '@eci-portal/plugin-eci-image-cache-common';
import { ACR_INSTANCES } from './startTestEciBackend';

export function typeOf(
  emulator: RunningEmulator,
  group: string,
  resource: string,
) {
  return emulator.store.registry.byGroupResource(group, resource);
}

/** An emulator on a manual clock at the current time, with the `argo` namespace. */
export async function startArgoEmulator(): Promise<RunningEmulator> {
  const emulator = await startEmulator({
    port: 0,
    manualClock: true,
    startTime: Date.now(),
  });
  emulator.store.create(typeOf(emulator, '', 'namespaces'), {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'argo' },
  });
  return emulator;
}

/** Submits a generated workflow of the `trainer` service under a fixed name. */
export function submitTrainerWorkflow(
  emulator: RunningEmulator,
  name: string,
  options: Partial<WorkflowOptions>,
) {
  const workflow = generateWorkflow({
    serviceName: 'trainer',
    namespace: 'argo',
    entityRef: 'component:default/trainer',
    acrInstances: ACR_INSTANCES,
    clusterRegion: 'cn-hangzhou',
    ...options,
  }) as any;
  delete workflow.metadata.generateName;
  workflow.metadata.name = name;
  emulator.store.create(typeOf(emulator, 'argoproj.io', 'workflows'), workflow);
}
