import { isPlainObject, type JsonObject } from '../util/json';

/** A container-like template (container or script) the workflow will run as one pod. */
export interface PlannedStep {
  /** Argo node name, e.g. `hello-world-abcde` or `hello-world-abcde.build`. */
  nodeName: string;
  template: JsonObject;
}

export class WorkflowResolutionError extends Error {}

/** Finds a template by name, including `templateRef`s into (cluster) workflow templates. */
export type TemplateLookup = (ref: {
  name: string;
  template: string;
  clusterScope: boolean;
}) => JsonObject | undefined;

function templatesOf(spec: JsonObject): JsonObject[] {
  return (Array.isArray(spec.templates) ? spec.templates : []).filter(
    isPlainObject,
  );
}

function mergeMaps(a: unknown, b: unknown): Record<string, string> | undefined {
  if (!isPlainObject(a) && !isPlainObject(b)) return undefined;
  return {
    ...(isPlainObject(a) ? (a as Record<string, string>) : {}),
    ...(isPlainObject(b) ? (b as Record<string, string>) : {}),
  };
}

/**
 * Joins a workflow's spec onto the spec of the template it references via
 * `workflowTemplateRef`: workflow fields win, podMetadata maps are merged and
 * templates are merged by name.
 */
export function joinWorkflowSpec(
  workflowSpec: JsonObject,
  templateSpec: JsonObject | undefined,
): JsonObject {
  if (!templateSpec) return workflowSpec;
  const { workflowTemplateRef: _ref, ...own } = workflowSpec;
  const joined: JsonObject = { ...templateSpec, ...own };
  const wfMeta = isPlainObject(own.podMetadata) ? own.podMetadata : {};
  const tplMeta = isPlainObject(templateSpec.podMetadata)
    ? templateSpec.podMetadata
    : {};
  const labels = mergeMaps(tplMeta.labels, wfMeta.labels);
  const annotations = mergeMaps(tplMeta.annotations, wfMeta.annotations);
  if (labels || annotations)
    joined.podMetadata = {
      ...(labels ? { labels } : {}),
      ...(annotations ? { annotations } : {}),
    };
  const byName = new Map<string, JsonObject>();
  for (const template of [...templatesOf(templateSpec), ...templatesOf(own)])
    byName.set(String(template.name), template);
  joined.templates = [...byName.values()];
  return joined;
}

function dagOrder(tasks: JsonObject[]): JsonObject[] {
  const names = new Set(tasks.map(t => String(t.name)));
  const dependencies = (task: JsonObject): string[] => {
    const explicit = Array.isArray(task.dependencies)
      ? task.dependencies.map(String)
      : [];
    const depends =
      typeof task.depends === 'string'
        ? task.depends.match(/[A-Za-z0-9_-]+/g) ?? []
        : [];
    return [...explicit, ...depends.filter(name => names.has(name))];
  };
  const ordered: JsonObject[] = [];
  const done = new Set<string>();
  let remaining = [...tasks];
  while (remaining.length > 0) {
    const ready = remaining.filter(task =>
      dependencies(task).every(d => done.has(d)),
    );
    if (ready.length === 0)
      throw new WorkflowResolutionError(
        'dag has a dependency cycle or an unknown dependency',
      );
    for (const task of ready) {
      ordered.push(task);
      done.add(String(task.name));
    }
    remaining = remaining.filter(task => !ready.includes(task));
  }
  return ordered;
}

/**
 * Plans the pods of a workflow: the entrypoint's container, or, for `steps`
 * and `dag` templates, each referenced container template once, in order.
 */
export function planWorkflow(
  workflowName: string,
  spec: JsonObject,
  lookup: TemplateLookup,
): PlannedStep[] {
  const templates = new Map(templatesOf(spec).map(t => [String(t.name), t]));
  const entrypoint =
    typeof spec.entrypoint === 'string' ? spec.entrypoint : undefined;
  if (!entrypoint)
    throw new WorkflowResolutionError('spec.entrypoint is required');
  const planned: PlannedStep[] = [];
  const seen = new Set<JsonObject>();

  const resolveRef = (step: JsonObject): JsonObject | undefined => {
    if (isPlainObject(step.templateRef)) {
      const ref = step.templateRef;
      return lookup({
        name: String(ref.name),
        template: String(ref.template),
        clusterScope: ref.clusterScope === true,
      });
    }
    return templates.get(String(step.template));
  };

  const visit = (
    template: JsonObject | undefined,
    nodeName: string,
    stack: string[],
  ) => {
    if (!template)
      throw new WorkflowResolutionError(
        `template ${JSON.stringify(stack[stack.length - 1])} not found`,
      );
    const name = String(template.name);
    if (stack.slice(0, -1).includes(name))
      throw new WorkflowResolutionError(`template ${name} references itself`);
    if (isPlainObject(template.container) || isPlainObject(template.script)) {
      if (!seen.has(template)) {
        seen.add(template);
        planned.push({ nodeName, template });
      }
      return;
    }
    if (Array.isArray(template.steps)) {
      template.steps.forEach((group: unknown, i: number) => {
        const parallel = Array.isArray(group) ? group : [group];
        for (const step of parallel.filter(isPlainObject)) {
          visit(resolveRef(step), `${nodeName}[${i}].${step.name}`, [
            ...stack,
            String(step.template ?? step.name),
          ]);
        }
      });
      return;
    }
    if (isPlainObject(template.dag) && Array.isArray(template.dag.tasks)) {
      for (const task of dagOrder(template.dag.tasks.filter(isPlainObject))) {
        visit(resolveRef(task), `${nodeName}.${task.name}`, [
          ...stack,
          String(task.template ?? task.name),
        ]);
      }
      return;
    }
    throw new WorkflowResolutionError(
      `template ${name} has no container, script, steps or dag`,
    );
  };

  visit(templates.get(entrypoint), workflowName, [entrypoint]);
  return planned;
}
