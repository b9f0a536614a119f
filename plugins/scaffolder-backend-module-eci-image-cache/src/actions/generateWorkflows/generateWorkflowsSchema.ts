import { z as zod } from 'zod/v3';
import { DEFAULT_TARGET_PATH } from './targetPathPattern';

type Z = typeof zod;

/** Most services one action call generates (the benchmark covers 500). */
export const MAX_SERVICES = 1000;

const serviceObject = (z: Z) =>
  z
    .object({
      entityRef: z
        .string()
        .describe(
          'Catalog entity ref, e.g. "component:default/ml-trainer". The backend resolves its images, cache mode, cluster, namespace and ACR instance. Not together with "name".',
        )
        .nullish(),
      name: z
        .string()
        .describe(
          'Inline service: workflow name (DNS-1123 label). Not together with "entityRef".',
        )
        .nullish(),
      images: z
        .array(z.string())
        .min(1)
        .max(20)
        .describe(
          "Images to run, one step each, in order (pin tags). Required for inline services; for entity refs it replaces the entity's images.",
        )
        .nullish(),
      command: z
        .array(z.string())
        .max(64)
        .describe('Container command of every step.')
        .nullish(),
      args: z
        .array(z.string())
        .max(64)
        .describe('Container args of every step.')
        .nullish(),
      imageCacheId: z
        .string()
        .describe(
          'Inline service: cache id "imc-…" to pin (cacheMode "pinned", or "entity", which then pins).',
        )
        .nullish(),
      acrInstanceId: z
        .string()
        .describe(
          'Inline service: ACR Enterprise Edition instance for password-free pulls, "[RegionID:]cri-…".',
        )
        .nullish(),
      clusterRegion: z
        .string()
        .describe(
          'Inline service: region of the cluster the pods run in (ACR region rule); default: the region of "cluster".',
        )
        .nullish(),
      namespace: z
        .string()
        .describe('Inline service: namespace of the workflow.')
        .nullish(),
    })
    .strict();

const service = (z: Z) =>
  z.union([
    z
      .string()
      .describe(
        'Catalog entity ref of a service, e.g. "component:default/ml-trainer".',
      ),
    serviceObject(z),
  ]);

/** Input of `eci:workflow:generate`. */
export const generateWorkflowsInput = {
  services: (z: Z) =>
    z
      .union([service(z), z.array(service(z)).min(1).max(MAX_SERVICES)])
      .describe(
        'One service or a list: entity refs (strings or { entityRef, images?, command?, args? }) or inline services { name, images, command?, args?, imageCacheId?, acrInstanceId?, clusterRegion?, namespace? }.',
      ),
  kind: (z: Z) =>
    z
      .enum(['Workflow', 'WorkflowTemplate', 'CronWorkflow'])
      .describe('Argo object kind (default Workflow).')
      .nullish(),
  schedule: (z: Z) =>
    z
      .union([z.string(), z.array(z.string()).min(1).max(10)])
      .describe('Cron schedule(s), CronWorkflow only, e.g. "0 2 * * *".')
      .nullish(),
  timezone: (z: Z) =>
    z
      .string()
      .describe('IANA time zone of the schedule, CronWorkflow only.')
      .nullish(),
  cacheMode: (z: Z) =>
    z
      .enum(['auto', 'pinned', 'off', 'entity'])
      .describe(
        "auto: ECI matches or creates a cache; pinned: pin the entity's Ready cache (fails when none is Ready); off: no cache; entity (default): the entity's annotation (manual pins its Ready cache, else auto).",
      )
      .nullish(),
  dialect: (z: Z) =>
    z
      .enum(['legacy', 'current'])
      .describe(
        'Annotation names: legacy (k8s.aliyun.com/eci-image-cache, eci-image-snapshot-id, acr-instance-id; default) or current (eci-auto-imc, eci-imc-id, acr-instance-ids).',
      )
      .nullish(),
  placement: (z: Z) =>
    z
      .enum(['podMetadata', 'podMetadata+templates'])
      .describe(
        "Where the pod annotations go: spec.podMetadata (default) or also every template's metadata.",
      )
      .nullish(),
  cluster: (z: Z) =>
    z
      .string()
      .describe(
        "Configured cluster name (default: each entity's cluster). Decides the pinned cache and the ACR region rule.",
      )
      .nullish(),
  targetPath: (z: Z) =>
    z
      .string()
      .describe(
        `Workspace-relative file path; {service} is replaced by the service name (default "${DEFAULT_TARGET_PATH}").`,
      )
      .nullish(),
};

/** Output of `eci:workflow:generate`. */
export const generateWorkflowsOutput = {
  files: (z: Z) =>
    z
      .array(z.string())
      .describe(
        'Workspace-relative paths of the written files, in input order.',
      ),
  imageCacheIds: (z: Z) =>
    z.array(z.string()).describe('Distinct cache ids pinned by the workflows.'),
  acrAnnotationValues: (z: Z) =>
    z
      .array(z.string())
      .describe(
        'Distinct ACR annotation values written ("cri-…" or "<RegionID>:cri-…").',
      ),
  workflows: (z: Z) =>
    z
      .array(
        z.object({
          service: z.string().describe('Service (workflow) name.'),
          entityRef: z.string().optional().describe('Entity ref, if any.'),
          cluster: z.string().optional().describe('Target cluster, if known.'),
          path: z.string().describe('Workspace-relative file path.'),
          namespace: z
            .string()
            .optional()
            .describe('Namespace of the object, if set.'),
          images: z
            .array(z.string())
            .describe('Images of the steps, in order.'),
          kind: z.string().describe('Argo object kind.'),
          cacheMode: z
            .string()
            .describe('Cache mode used: auto, pinned or off.'),
          imageCacheId: z.string().optional().describe('Pinned cache id.'),
          annotations: z
            .record(z.string())
            .describe('The ECI pod annotations written.'),
        }),
      )
      .describe('One entry per generated file.'),
  markdown: (z: Z) =>
    z
      .string()
      .describe(
        "A summary with the generated YAML (first files), for the template's output page.",
      ),
};
