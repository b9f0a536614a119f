import { MAX_SERVICE_NAME_LENGTH } from './decision/serviceName';
import {
  acrAnnotationValues,
  AcrInstanceConfig,
  collectAcrOptions,
} from './acr';
import {
  ANNOTATION_ACR_INSTANCE_IDS,
  LABEL_ENTITY_HASH,
  POD_ANNOTATION_ACR_INSTANCE_ID_LEGACY,
  POD_ANNOTATION_AUTO_IMC,
  POD_ANNOTATION_IMAGE_CACHE_LEGACY,
  POD_ANNOTATION_IMAGE_SNAPSHOT_ID_LEGACY,
  POD_ANNOTATION_IMC_ID,
} from './annotations';
import {
  ImageReference,
  MAX_IMAGES_PER_CACHE,
  parseImageReference,
} from './images';
import { entityRefHash } from './imageCache';
import { KubernetesObjectMeta } from './imageCacheTypes';
import { validateEntityRef } from './validation/entityRef';
import { validateImageCacheId } from './validation/alibabaIds';
import {
  toDnsLabel,
  validateDnsLabel,
  validateLabels,
  validateNamespace,
} from './validation/kubernetes';
import {
  invalid,
  ProblemCollector,
  problemOf,
  rejectNonObject,
  unwrap,
  valid,
  ValidationResult,
} from './validation/result';
import { validateSingleLineText } from './validation/text';

/** Argo object kinds {@link generateWorkflow} can produce. @public */
export type WorkflowKind = 'Workflow' | 'WorkflowTemplate' | 'CronWorkflow';
/** How pods use image caches: ECI matches/creates one (`auto`), one cache is pinned (`pinned`), or none (`off`). @public */
export type WorkflowCacheMode = 'auto' | 'pinned' | 'off';
/** Annotation names: `legacy` as in the ACK One Argo document, or ECI's `current` names. @public */
export type AnnotationDialect = 'legacy' | 'current';
/** Where pod annotations go: `spec.podMetadata`, or also every template's `metadata`. @public */
export type AnnotationPlacement = 'podMetadata' | 'podMetadata+templates';

/** All workflow kinds. @public */
export const WORKFLOW_KINDS: readonly WorkflowKind[] = [
  'Workflow',
  'WorkflowTemplate',
  'CronWorkflow',
];
/** All workflow cache modes. @public */
export const WORKFLOW_CACHE_MODES: readonly WorkflowCacheMode[] = [
  'auto',
  'pinned',
  'off',
];
/** All annotation dialects. @public */
export const ANNOTATION_DIALECTS: readonly AnnotationDialect[] = [
  'legacy',
  'current',
];
/** All annotation placements. @public */
export const ANNOTATION_PLACEMENTS: readonly AnnotationPlacement[] = [
  'podMetadata',
  'podMetadata+templates',
];

/**
 * One container step of a generated workflow.
 *
 * @public
 */
export interface WorkflowContainerOptions {
  /** Image reference, written exactly as given (use the cached reference). */
  image: string;
  /** Container command. */
  command?: readonly string[];
  /** Container args. */
  args?: readonly string[];
  /** Template name (DNS-1123 label); defaults to the last path component of the image. */
  templateName?: string;
}

/**
 * Options that decide the ECI pod annotations.
 *
 * @public
 */
export interface PodAnnotationOptions {
  /** Cache mode (default `auto`). */
  cacheMode?: WorkflowCacheMode;
  /** Cache id `imc-…`; required for and only allowed with `pinned`. */
  imageCacheId?: string;
  /** Annotation names (default `legacy`). */
  dialect?: AnnotationDialect;
  /** ACR instances for password-free pulls, `[RegionID:]cri-…`. */
  acrInstanceIds?: readonly string[];
  /** Configured ACR instances; those serving one of the images are added. */
  acrInstances?: readonly AcrInstanceConfig[];
  /** Region of the cluster the pods run in, for the ACR region rule. */
  clusterRegion?: string;
  /** Whether `acrInstanceIds` may name instances missing from `acrInstances` (default true). */
  allowUnlistedAcrInstances?: boolean;
}

/**
 * Options of {@link generateWorkflow}.
 *
 * @public
 */
export interface WorkflowOptions extends PodAnnotationOptions {
  /** Service name: `generateName: <service>-` for a Workflow, `name` otherwise (DNS-1123 label). */
  serviceName: string;
  /** Object kind (default `Workflow`). */
  kind?: WorkflowKind;
  /** Namespace of the object. */
  namespace?: string;
  /** Cron schedule(s), required for and only allowed with `CronWorkflow`. */
  schedule?: string | readonly string[];
  /** IANA time zone of the schedule, `CronWorkflow` only. */
  timezone?: string;
  /** Where the annotations go (default `podMetadata`). */
  placement?: AnnotationPlacement;
  /** Containers, one template each (default: the `docker/whalesay` example of the ACK One document). */
  containers?: readonly WorkflowContainerOptions[];
  /** Labels of the object. */
  labels?: Record<string, string>;
  /**
   * Catalog entity the workflow runs for: every pod gets the label `eci.backstage.io/entity-hash`
   * (its {@link entityRefHash}) in `spec.podMetadata.labels`, which ties its runs to the entity.
   */
  entityRef?: string;
}

/**
 * A container of a generated template.
 *
 * @public
 */
export interface ArgoContainer {
  /** Image reference. */
  image: string;
  /** Always `IfNotPresent`, so that cached images are not pulled again. */
  imagePullPolicy: 'IfNotPresent';
  /** Command. */
  command?: string[];
  /** Args. */
  args?: string[];
}

/**
 * A template of a generated workflow: a container, or the `steps` entrypoint that runs the containers in order.
 *
 * @public
 */
export interface ArgoTemplate {
  /** Template name. */
  name: string;
  /** Pod metadata of the template. */
  metadata?: { annotations?: Record<string, string> };
  /** Container of a container template. */
  container?: ArgoContainer;
  /** Sequential steps of the entrypoint template. */
  steps?: Array<Array<{ name: string; template: string }>>;
}

/**
 * The spec of a generated Workflow or WorkflowTemplate.
 *
 * @public
 */
export interface ArgoWorkflowSpec {
  /** Name of the first template to run. */
  entrypoint: string;
  /** Metadata applied to every pod. */
  podMetadata?: {
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
  };
  /** Templates. */
  templates: ArgoTemplate[];
}

/**
 * The spec of a generated CronWorkflow.
 *
 * @public
 */
export interface ArgoCronWorkflowSpec {
  /** Cron schedules (Argo v3.6+ `schedules`; v4 removed the single `schedule`). */
  schedules: string[];
  /** IANA time zone. */
  timezone?: string;
  /** The workflow to run. */
  workflowSpec: ArgoWorkflowSpec;
}

/**
 * A generated Argo object.
 *
 * @public
 */
export type ArgoWorkflowObject =
  | {
      apiVersion: 'argoproj.io/v1alpha1';
      kind: 'Workflow' | 'WorkflowTemplate';
      metadata: KubernetesObjectMeta;
      spec: ArgoWorkflowSpec;
    }
  | {
      apiVersion: 'argoproj.io/v1alpha1';
      kind: 'CronWorkflow';
      metadata: KubernetesObjectMeta;
      spec: ArgoCronWorkflowSpec;
    };

/** The container of the ACK One document's examples, used when no container is given. */
const DEFAULT_CONTAINER: WorkflowContainerOptions = {
  image: 'docker/whalesay',
  command: ['cowsay'],
  args: ['hello world'],
};
const STEPS_TEMPLATE_NAME = 'main';
const MAX_COMMAND_ENTRIES = 64;
const MAX_COMMAND_ENTRY_LENGTH = 4096;
const MAX_SCHEDULES = 10;
const CRON_DESCRIPTOR =
  /^@(yearly|annually|monthly|weekly|daily|midnight|hourly)$/;
const CRON_EVERY = /^@every ([0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h))+$/;
const CRON_FIELD = /^[0-9A-Za-z*?/,-]+$/;
const TIMEZONE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

function oneOf<T extends string>(
  collector: ProblemCollector,
  raw: unknown,
  allowed: readonly T[],
  fallback: T,
  field: string,
): T {
  if (raw === undefined) {
    return fallback;
  }
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) {
    return raw as T;
  }
  collector.add(
    problemOf(
      field,
      raw,
      'one-of',
      `must be one of ${allowed.map(v => `"${v}"`).join(', ')}`,
    ),
  );
  return fallback;
}

/**
 * Validates a cron schedule: five space-separated fields, `@hourly`-style descriptors or `@every <duration>`.
 *
 * @public
 */
export function validateCronSchedule(
  raw: unknown,
  field: string = 'schedule',
): ValidationResult<string> {
  const text = validateSingleLineText(raw, field, { maxLength: 128 });
  if (!text.ok) {
    return text;
  }
  const schedule = text.value;
  const fields = schedule.split(' ');
  const ok =
    CRON_DESCRIPTOR.test(schedule) ||
    CRON_EVERY.test(schedule) ||
    (fields.length === 5 && fields.every(part => CRON_FIELD.test(part)));
  if (!ok) {
    return invalid(
      field,
      raw,
      'cron-schedule',
      'is not a cron schedule (five fields separated by single spaces, "@daily"-style, or "@every 1h")',
    );
  }
  return valid(schedule);
}

function collectStringList(
  collector: ProblemCollector,
  raw: unknown,
  field: string,
): string[] | undefined {
  if (raw === undefined) {
    return undefined;
  }
  if (!Array.isArray(raw)) {
    collector.add(problemOf(field, raw, 'type', 'must be a list of strings'));
    return undefined;
  }
  if (raw.length > MAX_COMMAND_ENTRIES) {
    collector.add(
      problemOf(
        field,
        raw,
        'max-items',
        `has more than ${MAX_COMMAND_ENTRIES} entries`,
      ),
    );
    return undefined;
  }
  const values: string[] = [];
  raw.forEach((entry, index) => {
    // An empty argument is legitimate (e.g. `--label ""`) and renders as a quoted "".
    if (entry === '') {
      values.push(entry);
      return;
    }
    const value = collector.take(
      validateSingleLineText(entry, `${field}[${index}]`, {
        maxLength: MAX_COMMAND_ENTRY_LENGTH,
      }),
    );
    if (value !== undefined) {
      values.push(value);
    }
  });
  return values;
}

/** Validates the pod-annotation options and returns the annotations (empty when there is nothing to say). */
function collectPodAnnotations(
  collector: ProblemCollector,
  options: PodAnnotationOptions,
  images: readonly ImageReference[],
): Record<string, string> {
  const cacheMode = oneOf(
    collector,
    options.cacheMode,
    WORKFLOW_CACHE_MODES,
    'auto',
    'cacheMode',
  );
  const dialect = oneOf(
    collector,
    options.dialect,
    ANNOTATION_DIALECTS,
    'legacy',
    'dialect',
  );
  let imageCacheId: string | undefined;
  if (cacheMode === 'pinned') {
    imageCacheId = collector.take(
      validateImageCacheId(options.imageCacheId, 'imageCacheId'),
    );
  } else if (options.imageCacheId !== undefined) {
    collector.add(
      problemOf(
        'imageCacheId',
        options.imageCacheId,
        'no-effect',
        'is only used when cacheMode is "pinned"',
      ),
    );
  }
  const acr = collectAcrOptions(collector, options);
  const acrValues = acrAnnotationValues(
    images,
    acr.explicit,
    acr.configured,
    acr.clusterRegion,
  );
  if (dialect === 'legacy' && acrValues.length > 1) {
    collector.add(
      problemOf(
        'acrInstanceIds',
        acrValues.join(','),
        'single-acr-instance',
        `names ${acrValues.length} ACR instances, but the legacy annotation ${POD_ANNOTATION_ACR_INSTANCE_ID_LEGACY} takes one; use the "current" dialect`,
      ),
    );
  }

  const annotations: Record<string, string> = {};
  if (dialect === 'legacy') {
    if (acrValues.length > 0) {
      annotations[POD_ANNOTATION_ACR_INSTANCE_ID_LEGACY] = acrValues[0];
    }
    if (cacheMode === 'auto') {
      annotations[POD_ANNOTATION_IMAGE_CACHE_LEGACY] = 'true';
    } else if (cacheMode === 'pinned' && imageCacheId) {
      annotations[POD_ANNOTATION_IMAGE_SNAPSHOT_ID_LEGACY] = imageCacheId;
    } else {
      // ECI matches caches automatically unless eci-auto-imc says "false" (its default is
      // "true" whatever names the rest of the pod uses), so "off" needs it in this dialect too.
      annotations[POD_ANNOTATION_IMAGE_CACHE_LEGACY] = 'false';
      annotations[POD_ANNOTATION_AUTO_IMC] = 'false';
    }
  } else {
    if (acrValues.length > 0) {
      annotations[ANNOTATION_ACR_INSTANCE_IDS] = acrValues.join(',');
    }
    if (cacheMode === 'pinned' && imageCacheId) {
      annotations[POD_ANNOTATION_IMC_ID] = imageCacheId;
    } else {
      // eci-auto-imc defaults to "true" on ECI, so "off" has to say "false" explicitly.
      annotations[POD_ANNOTATION_AUTO_IMC] =
        cacheMode === 'auto' ? 'true' : 'false';
    }
  }
  return annotations;
}

/**
 * The ECI pod annotations for a cache mode, dialect and ACR instances (what to add to a hand-written workflow); throws {@link EciValidationError}.
 *
 * @public
 */
export function eciPodAnnotations(
  options: PodAnnotationOptions & { images?: readonly string[] },
): Record<string, string> {
  const notObject = rejectNonObject(options, 'options');
  if (notObject) {
    return unwrap(notObject);
  }
  const collector = new ProblemCollector();
  const images: ImageReference[] = [];
  const rawImages: unknown = options.images ?? [];
  if (!Array.isArray(rawImages)) {
    collector.add(problemOf('images', rawImages, 'type', 'must be a list'));
  }
  (Array.isArray(rawImages) ? rawImages : []).forEach((raw, index) => {
    const image = collector.take(parseImageReference(raw, `images[${index}]`));
    if (image) {
      images.push(image);
    }
  });
  const annotations = collectPodAnnotations(collector, options, images);
  return unwrap(collector.finish(() => annotations));
}

interface PlannedContainer {
  image: ImageReference;
  command?: string[];
  args?: string[];
  templateName: string;
}

function collectContainers(
  collector: ProblemCollector,
  raw: unknown,
): PlannedContainer[] {
  const list = raw === undefined ? [DEFAULT_CONTAINER] : raw;
  if (!Array.isArray(list)) {
    collector.add(problemOf('containers', raw, 'type', 'must be a list'));
    return [];
  }
  if (list.length === 0) {
    collector.add(
      problemOf(
        'containers',
        raw,
        'min-items',
        'must have at least 1 container',
      ),
    );
    return [];
  }
  if (list.length > MAX_IMAGES_PER_CACHE) {
    collector.add(
      problemOf(
        'containers',
        raw,
        'max-items',
        `has ${list.length} containers; at most ${MAX_IMAGES_PER_CACHE} are supported`,
      ),
    );
    return [];
  }
  const planned: PlannedContainer[] = [];
  const usedNames = new Set<string>(
    list.length > 1 ? [STEPS_TEMPLATE_NAME] : [],
  );
  list.forEach((entry: unknown, index) => {
    const field = `containers[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      collector.add(problemOf(field, entry, 'type', 'must be an object'));
      return;
    }
    const options = entry as Record<string, unknown>;
    const image = collector.take(
      parseImageReference(options.image, `${field}.image`),
    );
    const command = collectStringList(
      collector,
      options.command,
      `${field}.command`,
    );
    const args = collectStringList(collector, options.args, `${field}.args`);
    let templateName: string | undefined;
    if (options.templateName !== undefined) {
      templateName = collector.take(
        validateDnsLabel(options.templateName, `${field}.templateName`),
      );
      if (templateName !== undefined && usedNames.has(templateName)) {
        collector.add(
          problemOf(
            `${field}.templateName`,
            templateName,
            templateName === STEPS_TEMPLATE_NAME
              ? 'reserved-name'
              : 'duplicate',
            templateName === STEPS_TEMPLATE_NAME
              ? `is the name of the steps entrypoint used with several containers`
              : 'is used by another container',
          ),
        );
        templateName = undefined;
      }
    } else if (image) {
      const lastComponent = image.repository.slice(
        image.repository.lastIndexOf('/') + 1,
      );
      const base = toDnsLabel(lastComponent, 56, 'container');
      templateName = base;
      for (let suffix = 2; usedNames.has(templateName); suffix++) {
        templateName = `${base}-${suffix}`;
      }
    }
    if (templateName !== undefined) {
      usedNames.add(templateName);
    }
    if (image && templateName !== undefined) {
      planned.push({ image, command, args, templateName });
    }
  });
  return planned;
}

function containerTemplate(container: PlannedContainer): ArgoTemplate {
  const argoContainer: ArgoContainer = {
    image: container.image.original,
    imagePullPolicy: 'IfNotPresent',
  };
  if (container.command !== undefined) {
    argoContainer.command = container.command;
  }
  if (container.args !== undefined) {
    argoContainer.args = container.args;
  }
  return { name: container.templateName, container: argoContainer };
}

/**
 * Like {@link generateWorkflow}, but returns the problems instead of throwing.
 *
 * @public
 */
export function tryGenerateWorkflow(
  options: WorkflowOptions,
): ValidationResult<ArgoWorkflowObject> {
  const notObject = rejectNonObject(options, 'options');
  if (notObject) {
    return notObject;
  }
  const collector = new ProblemCollector();
  const kind = oneOf(
    collector,
    options.kind,
    WORKFLOW_KINDS,
    'Workflow',
    'kind',
  );
  const placement = oneOf(
    collector,
    options.placement,
    ANNOTATION_PLACEMENTS,
    'podMetadata',
    'placement',
  );
  const serviceName = collector.take(
    validateDnsLabel(
      options.serviceName,
      'serviceName',
      MAX_SERVICE_NAME_LENGTH,
    ),
  );
  const namespace =
    options.namespace === undefined
      ? undefined
      : collector.take(validateNamespace(options.namespace, 'namespace'));
  const labels = collector.take(validateLabels(options.labels, 'labels')) ?? {};
  const entityRef =
    options.entityRef === undefined
      ? undefined
      : collector.take(validateEntityRef(options.entityRef, 'entityRef'));

  let schedules: string[] = [];
  let timezone: string | undefined;
  if (kind === 'CronWorkflow') {
    const rawSchedules: unknown[] = Array.isArray(options.schedule)
      ? options.schedule
      : [options.schedule];
    if (rawSchedules.length === 0 || rawSchedules.length > MAX_SCHEDULES) {
      collector.add(
        problemOf(
          'schedule',
          options.schedule,
          rawSchedules.length === 0 ? 'min-items' : 'max-items',
          `must have 1 to ${MAX_SCHEDULES} schedules`,
        ),
      );
    } else {
      schedules = rawSchedules
        .map(raw => collector.take(validateCronSchedule(raw, 'schedule')))
        .filter((value): value is string => value !== undefined);
    }
    if (options.timezone !== undefined) {
      const zone = collector.take(
        validateSingleLineText(options.timezone, 'timezone', { maxLength: 64 }),
      );
      if (zone !== undefined && !TIMEZONE.test(zone)) {
        collector.add(
          problemOf(
            'timezone',
            zone,
            'timezone',
            'is not an IANA time zone name such as "Asia/Shanghai"',
          ),
        );
      } else {
        timezone = zone;
      }
    }
  } else {
    for (const field of ['schedule', 'timezone'] as const) {
      if (options[field] !== undefined) {
        collector.add(
          problemOf(
            field,
            options[field],
            'no-effect',
            'is only used when kind is "CronWorkflow"',
          ),
        );
      }
    }
  }

  const containers = collectContainers(collector, options.containers);
  const annotations = collectPodAnnotations(
    collector,
    options,
    containers.map(container => container.image),
  );

  return collector.finish(() => {
    const templates: ArgoTemplate[] = [];
    let entrypoint: string;
    if (containers.length === 1) {
      entrypoint = containers[0].templateName;
    } else {
      entrypoint = STEPS_TEMPLATE_NAME;
      templates.push({
        name: STEPS_TEMPLATE_NAME,
        steps: containers.map(container => [
          { name: container.templateName, template: container.templateName },
        ]),
      });
    }
    templates.push(...containers.map(containerTemplate));
    const hasAnnotations = Object.keys(annotations).length > 0;
    if (hasAnnotations && placement === 'podMetadata+templates') {
      for (const template of templates) {
        template.metadata = { annotations: { ...annotations } };
      }
    }
    const workflowSpec: ArgoWorkflowSpec = { entrypoint, templates };
    if (hasAnnotations) {
      workflowSpec.podMetadata = { annotations };
    }
    if (entityRef !== undefined) {
      workflowSpec.podMetadata = {
        ...workflowSpec.podMetadata,
        labels: { [LABEL_ENTITY_HASH]: entityRefHash(entityRef) },
      };
    }

    const metadata: KubernetesObjectMeta =
      kind === 'Workflow'
        ? { generateName: `${serviceName}-` }
        : { name: serviceName };
    if (namespace !== undefined) {
      metadata.namespace = namespace;
    }
    if (Object.keys(labels).length > 0) {
      metadata.labels = labels;
    }
    if (kind === 'CronWorkflow') {
      const spec: ArgoCronWorkflowSpec = { schedules, workflowSpec };
      if (timezone !== undefined) {
        spec.timezone = timezone;
      }
      return { apiVersion: 'argoproj.io/v1alpha1', kind, metadata, spec };
    }
    return {
      apiVersion: 'argoproj.io/v1alpha1',
      kind,
      metadata,
      spec: workflowSpec,
    };
  });
}

/**
 * Generates an Argo Workflow, WorkflowTemplate or CronWorkflow with ECI image-cache and ACR annotations; throws {@link EciValidationError} naming every invalid option.
 *
 * @public
 */
export function generateWorkflow(options: WorkflowOptions): ArgoWorkflowObject {
  return unwrap(tryGenerateWorkflow(options));
}
