import { createHash } from 'node:crypto';
import type { KubeObject } from '../store/types';
import { isPlainObject, type JsonObject } from '../util/json';
import type { PlannedStep } from './resolveWorkflow';

export const WORKFLOW_LABEL = 'workflows.argoproj.io/workflow';
export const COMPLETED_LABEL = 'workflows.argoproj.io/completed';
export const NODE_NAME_ANNOTATION = 'workflows.argoproj.io/node-name';
export const NODE_ID_ANNOTATION = 'workflows.argoproj.io/node-id';

function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Argo's node id: `<workflow>-<fnv32a(node name)>`. */
export function nodeId(workflowName: string, nodeName: string): string {
  return workflowName === nodeName
    ? workflowName
    : `${workflowName}-${fnv32a(nodeName)}`;
}

/** Argo v3 pod names: `<workflow>-<template>-<hash>` (the workflow name alone for a single-pod workflow). */
export function podName(workflowName: string, step: PlannedStep): string {
  if (step.nodeName === workflowName) return workflowName;
  const hash = createHash('sha256').update(step.nodeName).digest('hex');
  const suffix = String(
    parseInt(hash.slice(0, 8), 16) % 10_000_000_000,
  ).padStart(10, '0');
  return `${workflowName}-${String(step.template.name)}-${suffix}`.slice(
    0,
    253,
  );
}

function stringMap(value: unknown): Record<string, string> {
  return isPlainObject(value) ? (value as Record<string, string>) : {};
}

/**
 * The pod Argo's controller creates for one step: workflow `spec.podMetadata`
 * first, then the template's `metadata` (template wins), owned by the workflow.
 */
export function buildWorkflowPod(
  workflow: KubeObject,
  spec: JsonObject,
  step: PlannedStep,
): KubeObject {
  const name = workflow.metadata.name!;
  const podMetadata = isPlainObject(spec.podMetadata) ? spec.podMetadata : {};
  const templateMetadata = isPlainObject(step.template.metadata)
    ? step.template.metadata
    : {};
  const source = (
    isPlainObject(step.template.container)
      ? step.template.container
      : step.template.script
  ) as JsonObject;
  const container: JsonObject = { name: 'main', image: source.image };
  for (const field of [
    'command',
    'args',
    'env',
    'resources',
    'workingDir',
    'imagePullPolicy',
  ]) {
    if (source[field] !== undefined) container[field] = source[field];
  }
  if (isPlainObject(step.template.script) && container.command === undefined)
    container.command = ['sh'];
  const podSpec: JsonObject = {
    restartPolicy: 'Never',
    serviceAccountName: spec.serviceAccountName ?? 'default',
    containers: [container],
  };
  if (Array.isArray(spec.imagePullSecrets))
    podSpec.imagePullSecrets = spec.imagePullSecrets;
  if (isPlainObject(spec.nodeSelector))
    podSpec.nodeSelector = spec.nodeSelector;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: podName(name, step),
      namespace: workflow.metadata.namespace,
      labels: {
        ...stringMap(podMetadata.labels),
        ...stringMap(templateMetadata.labels),
        [WORKFLOW_LABEL]: name,
        [COMPLETED_LABEL]: 'false',
      },
      annotations: {
        ...stringMap(podMetadata.annotations),
        ...stringMap(templateMetadata.annotations),
        [NODE_NAME_ANNOTATION]: step.nodeName,
        [NODE_ID_ANNOTATION]: nodeId(name, step.nodeName),
      },
      ownerReferences: [
        {
          apiVersion: workflow.apiVersion,
          kind: workflow.kind,
          name,
          uid: workflow.metadata.uid!,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: podSpec,
  };
}
