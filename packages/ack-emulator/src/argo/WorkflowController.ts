import type { Clock } from '../clock/Clock';
import type { ResourceType } from '../schema/ResourceType';
import type { ObjectStore } from '../store/ObjectStore';
import type { KubeObject, StoreEvent } from '../store/types';
import {
  cloneJson,
  deepEqual,
  isPlainObject,
  type JsonObject,
} from '../util/json';
import { formatTimestamp } from '../util/time';
import {
  joinWorkflowSpec,
  planWorkflow,
  WorkflowResolutionError,
  type PlannedStep,
} from './resolveWorkflow';
import {
  buildWorkflowPod,
  COMPLETED_LABEL,
  nodeId,
  podName,
  WORKFLOW_LABEL,
} from './workflowPod';

const TERMINAL = new Set(['Succeeded', 'Failed', 'Error']);
const PHASE_LABEL = 'workflows.argoproj.io/phase';

interface NodeState {
  step: PlannedStep;
  pod?: KubeObject;
  phase: string;
  message?: string;
}

/**
 * A minimal Argo workflow-controller: runs the planned container templates of
 * each Workflow one pod at a time and mirrors pod phases into workflow status.
 */
export class WorkflowController {
  private readonly workflows: ResourceType;
  private readonly workflowTemplates?: ResourceType;
  private readonly clusterWorkflowTemplates?: ResourceType;
  private readonly pods: ResourceType;
  private unsubscribe?: () => void;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Clock,
  ) {
    const registry = store.registry;
    this.workflows = registry.byGroupResource('argoproj.io', 'workflows');
    this.workflowTemplates = registry.lookup(
      'argoproj.io',
      'v1alpha1',
      'workflowtemplates',
    );
    this.clusterWorkflowTemplates = registry.lookup(
      'argoproj.io',
      'v1alpha1',
      'clusterworkflowtemplates',
    );
    this.pods = registry.byGroupResource('', 'pods');
  }

  start(): void {
    this.unsubscribe = this.store.subscribe(event => this.onEvent(event));
    for (const stored of this.store.list(this.workflows).items)
      this.reconcile(stored.object);
  }

  stop(): void {
    this.unsubscribe?.();
  }

  private onEvent(event: StoreEvent): void {
    if (event.type === 'DELETED') return;
    const object = event.current.object;
    if (event.typeKey === 'argoproj.io/workflows') {
      this.reconcile(object);
    } else if (event.typeKey === '/pods') {
      const workflowName = object.metadata.labels?.[WORKFLOW_LABEL];
      if (!workflowName) return;
      const workflow = this.store.get(
        this.workflows,
        object.metadata.namespace,
        workflowName,
      );
      if (
        workflow &&
        object.metadata.ownerReferences?.some(
          ref => ref.uid === workflow.object.metadata.uid,
        )
      )
        this.reconcile(workflow.object);
    }
  }

  private resolveSpec(workflow: KubeObject): JsonObject {
    const spec = (workflow.spec ?? {}) as JsonObject;
    if (!isPlainObject(spec.workflowTemplateRef)) return spec;
    const ref = spec.workflowTemplateRef;
    const template = this.findTemplateObject(
      String(ref.name),
      ref.clusterScope === true,
      workflow.metadata.namespace,
    );
    return joinWorkflowSpec(
      spec,
      (template?.spec ?? undefined) as JsonObject | undefined,
    );
  }

  private findTemplateObject(
    name: string,
    clusterScope: boolean,
    namespace: string | undefined,
  ): KubeObject {
    const type = clusterScope
      ? this.clusterWorkflowTemplates
      : this.workflowTemplates;
    const found =
      type && this.store.get(type, clusterScope ? undefined : namespace, name);
    if (!found) {
      const resource = clusterScope
        ? 'clusterworkflowtemplates'
        : 'workflowtemplates';
      throw new WorkflowResolutionError(
        `${resource}.argoproj.io "${name}" not found`,
      );
    }
    return found.object;
  }

  private reconcile(workflow: KubeObject): void {
    const status = (
      isPlainObject(workflow.status) ? workflow.status : {}
    ) as JsonObject;
    if (
      TERMINAL.has(String(status.phase)) ||
      workflow.metadata.deletionTimestamp
    )
      return;
    const now = formatTimestamp(this.clock.now());
    const name = workflow.metadata.name!;
    let spec: JsonObject;
    let plan: PlannedStep[];
    try {
      spec = this.resolveSpec(workflow);
      plan = planWorkflow(name, spec, ref => {
        const owner = this.findTemplateObject(
          ref.name,
          ref.clusterScope,
          workflow.metadata.namespace,
        );
        const templates = ((owner.spec as JsonObject | undefined)?.templates ??
          []) as JsonObject[];
        return templates.find(t => t.name === ref.template);
      });
    } catch (error) {
      if (!(error instanceof WorkflowResolutionError)) throw error;
      this.write(workflow, {
        ...status,
        phase: 'Error',
        message: error.message,
        startedAt: status.startedAt ?? now,
        finishedAt: now,
        progress: '0/0',
      });
      return;
    }

    const nodes: NodeState[] = [];
    let failed: NodeState | undefined;
    for (const step of plan) {
      let pod = this.store.get(
        this.pods,
        workflow.metadata.namespace,
        podName(name, step),
      )?.object;
      if (!pod) {
        if (!failed && nodes.every(n => n.phase === 'Succeeded')) {
          pod = this.store.create(
            this.pods,
            buildWorkflowPod(workflow, spec, step),
          ).stored.object;
        }
      }
      const podStatus = (pod?.status ?? {}) as JsonObject;
      const node: NodeState = {
        step,
        pod,
        phase: pod ? String(podStatus.phase ?? 'Pending') : 'Pending',
      };
      if (node.phase === 'Failed')
        node.message = String(
          podStatus.message ?? podStatus.reason ?? 'failed',
        );
      if (
        pod &&
        TERMINAL.has(node.phase) &&
        pod.metadata.labels?.[COMPLETED_LABEL] !== 'true'
      )
        this.markPodCompleted(pod);
      if (node.phase === 'Failed' && !failed) failed = node;
      nodes.push(node);
    }

    const succeeded = nodes.filter(n => n.phase === 'Succeeded').length;
    let phase = succeeded === nodes.length ? 'Succeeded' : 'Running';
    if (failed) phase = 'Failed';
    const next: JsonObject = {
      ...status,
      phase,
      startedAt: status.startedAt ?? now,
      finishedAt: TERMINAL.has(phase) ? now : null,
      progress: `${succeeded}/${nodes.length}`,
      nodes: this.nodeStatuses(workflow, spec, plan, nodes, phase, status),
    };
    if (failed)
      next.message = `child '${nodeId(name, failed.step.nodeName)}' failed`;
    this.write(workflow, next);
  }

  private nodeStatuses(
    workflow: KubeObject,
    spec: JsonObject,
    plan: PlannedStep[],
    nodes: NodeState[],
    phase: string,
    previous: JsonObject,
  ): JsonObject {
    const name = workflow.metadata.name!;
    const old = isPlainObject(previous.nodes) ? previous.nodes : {};
    const result: JsonObject = {};
    const timestamps = (id: string, nodePhase: string) => {
      const before = isPlainObject(old[id]) ? (old[id] as JsonObject) : {};
      const now = formatTimestamp(this.clock.now());
      return {
        startedAt: before.startedAt ?? now,
        finishedAt: TERMINAL.has(nodePhase) ? before.finishedAt ?? now : null,
      };
    };
    for (const node of nodes) {
      if (!node.pod) continue;
      const id = nodeId(name, node.step.nodeName);
      result[id] = {
        id,
        name: node.step.nodeName,
        displayName: node.step.nodeName
          .split('.')
          .pop()!
          .replace(/^\[\d+\]/, ''),
        type: 'Pod',
        templateName: node.step.template.name,
        phase: node.phase,
        ...timestamps(id, node.phase),
        ...(node.message ? { message: node.message } : {}),
        ...(node.step.nodeName !== name ? { boundaryID: name } : {}),
        hostNodeName: (node.pod.spec as JsonObject | undefined)?.nodeName,
      };
    }
    if (plan.length > 0 && plan[0].nodeName !== name) {
      result[name] = {
        id: name,
        name,
        displayName: name,
        type: this.entrypointIsDag(spec) ? 'DAG' : 'Steps',
        phase,
        ...timestamps(name, phase),
        children: Object.keys(result),
      };
    }
    return result;
  }

  private entrypointIsDag(spec: JsonObject): boolean {
    const templates = Array.isArray(spec.templates)
      ? (spec.templates as JsonObject[])
      : [];
    return isPlainObject(templates.find(t => t.name === spec.entrypoint)?.dag);
  }

  private markPodCompleted(pod: KubeObject): void {
    const updated = cloneJson(pod);
    updated.metadata.labels = {
      ...(updated.metadata.labels ?? {}),
      [COMPLETED_LABEL]: 'true',
    };
    this.store.update(this.pods, updated);
  }

  private write(workflow: KubeObject, status: JsonObject): void {
    const current = this.store.get(
      this.workflows,
      workflow.metadata.namespace,
      workflow.metadata.name!,
    );
    if (!current || current.object.metadata.uid !== workflow.metadata.uid)
      return;
    const phase = String(status.phase);
    const labels: Record<string, string> = {
      ...(current.object.metadata.labels ?? {}),
      [PHASE_LABEL]: phase,
    };
    if (TERMINAL.has(phase)) labels[COMPLETED_LABEL] = 'true';
    if (
      deepEqual(current.object.status, status) &&
      deepEqual(current.object.metadata.labels, labels)
    )
      return;
    this.store.update(this.workflows, {
      ...current.object,
      metadata: { ...current.object.metadata, labels },
      status,
    });
  }
}
