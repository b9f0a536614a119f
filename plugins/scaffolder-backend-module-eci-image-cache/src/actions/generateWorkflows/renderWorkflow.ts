import { InputError } from '@backstage/errors';
import {
  ANNOTATION_ACR_INSTANCE_IDS,
  ArgoWorkflowObject,
  POD_ANNOTATION_ACR_INSTANCE_ID_LEGACY,
  renderYaml,
  tryGenerateWorkflow,
  ValidationProblem,
} from '@eci-portal/plugin-eci-image-cache-common';
import { inputFieldOf } from './inputFieldOf';
import { SharedWorkflowOptions, WorkflowPlan } from './workflowPlan';

/** A generated workflow, ready to be written. */
export interface RenderedWorkflow {
  plan: WorkflowPlan;
  object: ArgoWorkflowObject;
  yaml: string;
  /** The ECI pod annotations of the object. */
  annotations: Record<string, string>;
  /** ACR annotation values written (`cri-…` or `<RegionID>:cri-…`). */
  acrValues: string[];
  /** Risky but valid values (floating tags, …), already naming the input fields. */
  warnings: string[];
}

function podAnnotations(object: ArgoWorkflowObject): Record<string, string> {
  const spec =
    object.kind === 'CronWorkflow' ? object.spec.workflowSpec : object.spec;
  return spec.podMetadata?.annotations ?? {};
}

function acrValuesOf(annotations: Record<string, string>): string[] {
  const value =
    annotations[ANNOTATION_ACR_INSTANCE_IDS] ??
    annotations[POD_ANNOTATION_ACR_INSTANCE_ID_LEGACY];
  return value ? value.split(',') : [];
}

function describeProblem(
  plan: WorkflowPlan,
  problem: ValidationProblem,
): string {
  const field = inputFieldOf(problem.field, plan.field, plan.inputFields);
  const quotedField = `\`${problem.field}\``;
  const rest = problem.message.startsWith(quotedField)
    ? problem.message.slice(quotedField.length)
    : `: ${problem.message}`;
  return `\`${field}\`${rest}`;
}

/** Builds and renders one service's object; invalid options throw an InputError naming the input fields. */
export function renderWorkflow(
  plan: WorkflowPlan,
  shared: SharedWorkflowOptions,
): RenderedWorkflow {
  const result = tryGenerateWorkflow({ ...plan.options, ...shared });
  if (!result.ok) {
    const messages = result.problems.map(problem =>
      describeProblem(plan, problem),
    );
    throw new InputError(`Invalid input: ${messages.join('; ')}`);
  }
  const object = result.value;
  const cacheId = plan.options.imageCacheId;
  const yaml = renderYaml(object, {
    entity: plan.entityRef,
    cache: cacheId,
    mode: plan.options.cacheMode,
  });
  const annotations = podAnnotations(object);
  return {
    plan,
    object,
    yaml,
    annotations,
    acrValues: acrValuesOf(annotations),
    warnings: result.warnings.map(warning => describeProblem(plan, warning)),
  };
}
