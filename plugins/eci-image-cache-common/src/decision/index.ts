export { acrInstanceConfigOf, decideAcr } from './acr';
export type { AcrDecision, AcrDecisionInput } from './acr';
export { decideCache } from './cacheDecision';
export type { CacheDecision, CacheDecisionInput } from './cacheDecision';
export { predictEci } from './eciPrediction';
export type { EciPrediction, EciVerdict } from './eciPrediction';
export { cacheLabel, isCacheExpired, isCacheUsable } from './observedCache';
export { listedOtherCaches, MAX_LISTED_OTHER_CACHES } from './matchOrder';
export type { ObservedCache } from './observedCache';
export { describePinRefusal, pinnableCaches, pinRefusal } from './pinRule';
export type { PinRefusal } from './pinRule';
export { MAX_SERVICE_NAME_LENGTH, serviceNameOf } from './serviceName';
export { decideWorkflow } from './workflowDecision';
export type {
  DecisionCluster,
  WorkflowChoices,
  WorkflowDecision,
  WorkflowDecisionInput,
} from './workflowDecision';
export { cacheAlert } from './cacheAlert';
export type { AlertedCache, CacheAlert, CacheAlertInput } from './cacheAlert';
