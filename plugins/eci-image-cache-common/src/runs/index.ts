export * from './runTypes';
export { parseGoDurationMs } from './goDuration';
export type { PodStatusInput } from './foldRunEvent';
export { emptyRunEvidence, foldPodStatus, foldRunEvent } from './foldRunEvent';
export type { RunDiagnosisContext } from './diagnoseRunFailure';
export { diagnoseRunFailure } from './diagnoseRunFailure';
export type { RunForSummary, RunSummary } from './summarizeRuns';
export { summarizeRuns } from './summarizeRuns';
