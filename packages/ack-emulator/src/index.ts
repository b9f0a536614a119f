/**
 * An embedded ACK cluster: a Kubernetes API emulator serving the ImageCache and
 * Argo CRDs, with ECI's ImageCache controller and virtual-node pod behaviour.
 *
 * @packageDocumentation
 */
export { startEmulator } from './emulator/startEmulator';
export type {
  EmulatorOptions,
  EmulatorTokens,
  RunningEmulator,
} from './emulator/options';
export {
  CRD_DIRECTORY,
  DEFAULT_REGISTRY_FILE,
  DEFAULT_TOKENS_FILE,
  DEMO_SEED_FILE,
} from './emulator/packagePaths';
export type { Clock, TimerId } from './clock/Clock';
export type {
  FaultConfig,
  FaultInjector,
  FaultKind,
} from './faults/FaultInjector';
export type { StatsSnapshot } from './stats/RequestStats';
export type { AccessRule, TokenFile, TokenUser } from './auth/tokenFile';
export type {
  RegistryFile,
  SimulatedRegistry,
  AcrInstance,
  RegistryImage,
} from './eci/SimulatedRegistry';
export type { ObjectStore } from './store/ObjectStore';
export type { KubeObject, ObjectMeta, OwnerReference } from './store/types';
