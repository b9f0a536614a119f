/**
 * Scaffolder actions and a template that generate Argo Workflows annotated for ECI image
 * caches and ACR password-free pulls.
 *
 * @packageDocumentation
 */

export { scaffolderModuleEciImageCache as default } from './module';
export { createGenerateWorkflowsAction } from './actions/generateWorkflows/createGenerateWorkflowsAction';
export type { WorkflowBackend } from './actions/generateWorkflows/planServices';
export { createEnsureImageCacheAction } from './actions/ensureImageCache/createEnsureImageCacheAction';
export { createConfigureAcrAction } from './actions/configureAcr/createConfigureAcrAction';
export { createPublishLocalAction } from './actions/publishLocal/createPublishLocalAction';
