import { MAX_DNS1123_LABEL_LENGTH, toDnsLabel } from '../validation/kubernetes';

/**
 * Longest name of a generated service's workflow objects, whatever their kind.
 *
 * Argo's controller names each Workflow a CronWorkflow starts `<cron name>-<unix seconds>`
 * (11 more characters) and that name must stay a DNS-1123 label of 63, so Argo's validator caps
 * CronWorkflow names at 52. A Workflow's `generateName: <name>-` would allow 57, but one
 * service is rendered as any kind (the tab's kind selector, the scaffolder's `kind`), so the
 * stricter limit is the only one that is valid for all of them.
 *
 * @public
 */
export const MAX_SERVICE_NAME_LENGTH = MAX_DNS1123_LABEL_LENGTH - 11;

/**
 * The service name of an entity's workflows: its name (`kind:namespace/name` → `name`) as a
 * DNS-1123 label of at most {@link MAX_SERVICE_NAME_LENGTH} characters.
 *
 * @public
 */
export function serviceNameOf(entityRef: string): string {
  const name = entityRef.slice(entityRef.lastIndexOf('/') + 1);
  return toDnsLabel(name, MAX_SERVICE_NAME_LENGTH, 'service');
}
