import { ConflictError, InputError } from '@backstage/errors';
import {
  AcrInstanceConfig,
  decideWorkflow,
  EntityStateResponse,
} from '@eci-portal/plugin-eci-image-cache-common';
import { EntityServiceRequest } from './serviceRequests';
import { GenerateCacheMode, WorkflowPlan } from './workflowPlan';

/**
 * Plans a catalog entity from the backend's view of it with common's `decideWorkflow`: the
 * same pin rule, ACR region rule and service name as the tab and the backend's preview.
 */
export function planEntityService(
  request: EntityServiceRequest,
  state: EntityStateResponse,
  options: {
    cacheMode: GenerateCacheMode;
    cluster?: string;
    acrInstances: AcrInstanceConfig[];
    now?: Date;
  },
): WorkflowPlan {
  const { entityRef, field } = request;
  if (!state.config) {
    throw new InputError(
      `Invalid input: \`${field}\`: ${entityRef} has configuration problems: ${state.problems
        .map(problem => problem.message)
        .join('; ')}`,
    );
  }
  const decision = decideWorkflow({
    entityRef,
    config: state.config,
    clusters: state.clusters,
    acrInstances: options.acrInstances,
    choices: {
      cluster: options.cluster,
      cacheMode: options.cacheMode === 'entity' ? undefined : options.cacheMode,
      images: request.images,
      command: request.command,
      args: request.args,
    },
    now: options.now ?? new Date(),
  });
  if (!decision.options) {
    const message = decision.problems
      .map(problem => problem.message)
      .join('; ');
    if (
      decision.problems.some(problem => problem.rule === 'no-pinnable-cache')
    ) {
      throw new ConflictError(
        `${message} (\`${field}\`; run eci:imagecache:ensure with waitForReady first)`,
      );
    }
    throw new InputError(
      `Invalid input: \`${field}\` (${entityRef}): ${message}`,
    );
  }
  return {
    field,
    inputFields: (['images', 'command', 'args'] as const).filter(
      key => request[key] !== undefined,
    ),
    serviceName: decision.options.serviceName,
    entityRef,
    cluster: decision.cluster!.name,
    options: decision.options,
    notes: decision.notes,
  };
}
