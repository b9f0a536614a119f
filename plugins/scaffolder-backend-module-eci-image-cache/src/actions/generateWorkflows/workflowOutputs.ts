import { InputError } from '@backstage/errors';
import { RenderedWorkflow } from './renderWorkflow';
import { workflowSummary } from './workflowSummary';

function distinct(values: Array<string | undefined>): string[] {
  return Array.from(
    new Set(values.filter((value): value is string => !!value)),
  );
}

function pinnedCacheId(workflow: RenderedWorkflow): string | undefined {
  const { options } = workflow.plan;
  return options.cacheMode === 'pinned' ? options.imageCacheId : undefined;
}

/** Two services of one call must not share a file. */
export function checkDistinctPaths(
  workflows: readonly RenderedWorkflow[],
  paths: readonly string[],
): void {
  const firstUse = new Map<string, number>();
  paths.forEach((path, index) => {
    const earlier = firstUse.get(path);
    if (earlier !== undefined) {
      throw new InputError(
        `Invalid input: \`${workflows[index].plan.field}\` and \`${workflows[earlier].plan.field}\` would both be written to ${path}; give the services different names`,
      );
    }
    firstUse.set(path, index);
  });
}

/** The action's outputs for the written workflows. */
export function workflowOutputs(
  workflows: readonly RenderedWorkflow[],
  paths: readonly string[],
) {
  return {
    files: [...paths],
    imageCacheIds: distinct(workflows.map(pinnedCacheId)),
    acrAnnotationValues: distinct(
      workflows.flatMap(workflow => workflow.acrValues),
    ),
    workflows: workflows.map((workflow, index) => ({
      service: workflow.plan.serviceName,
      entityRef: workflow.plan.entityRef,
      cluster: workflow.plan.cluster,
      path: paths[index],
      namespace: workflow.object.metadata.namespace,
      images: (workflow.plan.options.containers ?? []).map(
        container => container.image,
      ),
      kind: workflow.object.kind,
      cacheMode: workflow.plan.options.cacheMode ?? 'auto',
      imageCacheId: pinnedCacheId(workflow),
      annotations: workflow.annotations,
    })),
    markdown: workflowSummary(workflows, paths),
  };
}
