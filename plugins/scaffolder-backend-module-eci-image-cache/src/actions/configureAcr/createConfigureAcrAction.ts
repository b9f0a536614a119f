import { AuditorService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  AcrInstanceRef,
  decideAcr,
  EntitySettings,
  EntityStateResponse,
  formatAcrInstanceRef,
  validateAcrInstanceRef,
  validateEntityRef,
} from '@eci-portal/plugin-eci-image-cache-common';
import { EciImageCacheService } from '@eci-portal/plugin-eci-image-cache-node';
import { auditedRun } from '../../backend/auditedRun';
import { createClusterFactsLoader } from '../../backend/clusterFacts';
import { loadEntityState } from '../../backend/loadEntityState';
import { principalOf } from '../../backend/principalOf';
import { parseInput } from '../../validation/parseInput';
import { problemsError } from '../../validation/problemsError';
import { zodObject } from '../../validation/zodObject';
import { configureAcrExamples } from './configureAcrExamples';
import { configureAcrInput, configureAcrOutput } from './configureAcrSchema';

const inputSchema = zodObject(configureAcrInput);

function targetAnnotation(state: EntityStateResponse): string {
  return state.clusters.find(view => view.target)?.acr.annotationValue ?? '';
}

/**
 * `eci:acr:configure`: validates and saves the ACR Enterprise Edition instance of an entity,
 * with the same rules and permission (`eci.acr.update`) as the backend's API.
 *
 * @public
 */
export function createConfigureAcrAction(options: {
  eciImageCache: Pick<
    EciImageCacheService,
    'getEntityState' | 'saveSettings' | 'listClusters' | 'listAcrInstances'
  >;
  /** Records each run (refusals included) as an `acr-configure` audit event. */
  auditor?: AuditorService;
}) {
  const service = options.eciImageCache;
  return createTemplateAction({
    id: 'eci:acr:configure',
    description:
      "Validates and saves the ACR Enterprise Edition instance an entity's pods pull from without a password. Checked against the permissions of the task's initiator.",
    examples: configureAcrExamples,
    supportsDryRun: true,
    schema: { input: configureAcrInput, output: configureAcrOutput },
    async handler(ctx) {
      await auditedRun(options.auditor, 'acr-configure', ctx, async () => {
        const input = parseInput(inputSchema, ctx.input);
        const ref = validateEntityRef(input.entityRef, 'entityRef');
        if (!ref.ok) {
          throw problemsError('', ref.problems);
        }
        const entityRef = ref.value;
        let instance: AcrInstanceRef | undefined;
        if (input.acrInstanceId !== null) {
          const parsed = validateAcrInstanceRef(
            input.acrInstanceId,
            'acrInstanceId',
          );
          if (!parsed.ok) {
            throw problemsError('', parsed.problems);
          }
          instance = parsed.value;
        }
        const wanted = instance ? formatAcrInstanceRef(instance) : undefined;

        const credentials = await ctx.getInitiatorCredentials();
        let state = await loadEntityState(
          service,
          entityRef,
          'entityRef',
          credentials,
        );
        if (!state.permissions.updateAcr) {
          throw new NotAllowedError(
            `${principalOf(
              credentials,
            )} may not change the ACR settings of ${entityRef} (eci.acr.update): only its owners and the ECI admins may`,
          );
        }
        // What the backend will write on the target cluster, by common's rule: a contradicting
        // region or an unlisted instance is refused here, dry run or not.
        const target = state.clusters.find(view => view.target);
        const acrInstances = await createClusterFactsLoader(
          service,
          credentials,
        ).acrInstances();
        const predicted = target
          ? decideAcr({
              cluster: target,
              instance: instance ?? null,
              source: 'settings',
              images: state.config?.images.value ?? [],
              configured: acrInstances,
              field: 'acrInstanceId',
            })
          : undefined;
        if (predicted && predicted.problems.length > 0) {
          throw problemsError('', predicted.problems);
        }
        // Saving replaces all settings, so keep the others as they are.
        const current: EntitySettings = state.settings?.settings ?? {};
        const next: EntitySettings = { ...current };
        if (wanted === undefined) {
          delete next.acrInstance;
        } else {
          next.acrInstance = wanted;
        }
        const changed = current.acrInstance !== next.acrInstance;

        let acrAnnotationValue: string;
        if (!changed) {
          ctx.logger.info(
            `The ACR setting of ${entityRef} is already ${wanted ?? 'unset'}`,
          );
          acrAnnotationValue = targetAnnotation(state);
        } else if (ctx.isDryRun) {
          ctx.logger.info(
            `Dry run: would set the ACR instance of ${entityRef} to ${
              wanted ?? 'none'
            }`,
          );
          acrAnnotationValue =
            state.config?.acrInstance.source === 'annotation'
              ? targetAnnotation(state)
              : predicted?.annotationValue ?? '';
        } else {
          await service.saveSettings(entityRef, next, { credentials });
          ctx.logger.info(
            `Saved the ACR instance of ${entityRef}: ${wanted ?? 'none'}`,
          );
          state = await loadEntityState(
            service,
            entityRef,
            'entityRef',
            credentials,
          );
          acrAnnotationValue = targetAnnotation(state);
        }

        const effective = state.config?.acrInstance;
        if (
          effective?.source === 'annotation' &&
          effective.value !== (wanted ?? null)
        ) {
          ctx.logger.warn(
            `${entityRef} sets alibabacloud.com/acr-instance-id to ${effective.value} in the catalog, which wins over the saved setting; change the annotation to change what pods use`,
          );
        }
        // The backend's view, except in a dry run that would change the setting (nothing was saved).
        const inEffect =
          effective &&
          !(ctx.isDryRun && changed && effective.source !== 'annotation')
            ? effective
            : {
                value: wanted ?? null,
                source: wanted ? ('settings' as const) : ('default' as const),
              };
        ctx.output('changed', changed);
        ctx.output('acrInstance', inEffect.value ?? '');
        ctx.output('source', inEffect.source);
        ctx.output('acrAnnotationValue', acrAnnotationValue);
      });
    },
  });
}
