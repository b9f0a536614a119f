// The kinds Backstage's Kubernetes plugin lists for every entity on every cluster by default
// (its DEFAULT_OBJECTS), which the emulator does not serve itself. The benchmark serves them as
// schemaless CRDs, all empty, so that the peer gets a 200 and an empty list for each, as from a
// cluster that runs no workloads of the entity.
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

const WORKLOAD_KINDS: Array<{ group: string; version: string; plural: string; kind: string }> = [
  { group: '', version: 'v1', plural: 'services', kind: 'Service' },
  { group: '', version: 'v1', plural: 'configmaps', kind: 'ConfigMap' },
  { group: '', version: 'v1', plural: 'limitranges', kind: 'LimitRange' },
  { group: '', version: 'v1', plural: 'resourcequotas', kind: 'ResourceQuota' },
  { group: 'apps', version: 'v1', plural: 'deployments', kind: 'Deployment' },
  { group: 'apps', version: 'v1', plural: 'replicasets', kind: 'ReplicaSet' },
  { group: 'apps', version: 'v1', plural: 'statefulsets', kind: 'StatefulSet' },
  { group: 'apps', version: 'v1', plural: 'daemonsets', kind: 'DaemonSet' },
  { group: 'autoscaling', version: 'v2', plural: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler' },
  { group: 'batch', version: 'v1', plural: 'jobs', kind: 'Job' },
  { group: 'batch', version: 'v1', plural: 'cronjobs', kind: 'CronJob' },
  { group: 'networking.k8s.io', version: 'v1', plural: 'ingresses', kind: 'Ingress' },
];

/** A temporary CRD directory: the emulator's own CRDs plus the workload kinds. */
export function crdDirectoryWithWorkloadKinds(crdDirectory: string): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'bench-crds-'));
  for (const file of readdirSync(crdDirectory)) {
    copyFileSync(path.join(crdDirectory, file), path.join(directory, file));
  }
  const crds = WORKLOAD_KINDS.map(({ group, version, plural, kind }) => ({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: group ? `${plural}.${group}` : plural },
    spec: {
      group,
      scope: 'Namespaced',
      names: { plural, singular: kind.toLowerCase(), kind, listKind: `${kind}List` },
      versions: [
        {
          name: version,
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
        },
      ],
    },
  }));
  writeFileSync(path.join(directory, 'workload-kinds.yaml'), crds.map(crd => stringify(crd)).join('---\n'));
  return directory;
}
