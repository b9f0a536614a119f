import {
  AuditorService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, isError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  eciImageCacheCreatePermission,
  validateDnsLabel,
  validateEntityRef,
} from '@eci-portal/plugin-eci-image-cache-common';
import { EciImageCacheService } from '@eci-portal/plugin-eci-image-cache-node';
import { auditedRun } from '../../backend/auditedRun';
import { requireEntityPermission } from '../../backend/requireEntityPermission';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseInputWithoutNulls } from '../../validation/parseInput';
import { problemsError } from '../../validation/problemsError';
import { zodObject } from '../../validation/zodObject';
import { resolveInsideDirectory } from '../../workspace/safeWorkspacePath';
import { listRegularFiles } from './listRegularFiles';
import { checkPublishTarget, publishDirectory } from './publishDirectory';
import { publishLocalExamples } from './publishLocalExamples';
import { publishLocalInput, publishLocalOutput } from './publishLocalSchema';

const inputSchema = zodObject(publishLocalInput);

/** Whether the entity is in the catalog: its owners decide; a new one has none yet. */
async function entityExists(
  service: Pick<EciImageCacheService, 'getEntityState'>,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<boolean> {
  try {
    await service.getEntityState(entityRef, { credentials });
    return true;
  } catch (error) {
    if (isError(error) && error.name === 'NotFoundError') return false;
    throw error;
  }
}

/**
 * `eci:publish:local`: publishes workspace files into a sub-directory of one configured local
 * directory, for portals without a git host (the demo catalog can read it as a file location).
 *
 * @public
 */
export function createPublishLocalAction(options: {
  /** Absolute directory to publish into; nothing is written outside it. */
  publishRoot: string;
  /** Tells existing entities (whose owners decide) from new ones. */
  eciImageCache: Pick<EciImageCacheService, 'getEntityState'>;
  /** Evaluates the initiator's `eci.imagecache.create` on the entity. */
  permissions: PermissionsService;
  /** Records each run (refusals included) as a `publish-local` audit event. */
  auditor?: AuditorService;
}) {
  const publishRoot = path.resolve(options.publishRoot);
  return createTemplateAction({
    id: 'eci:publish:local',
    description:
      'Publishes workspace files into <publishRoot>/<name> on the backend host (eciImageCache.scaffolder.publishRoot), a target that needs no git host or cloud account.',
    examples: publishLocalExamples,
    supportsDryRun: true,
    schema: { input: publishLocalInput, output: publishLocalOutput },
    async handler(ctx) {
      await auditedRun(options.auditor, 'publish-local', ctx, async () => {
        const input = parseInputWithoutNulls(inputSchema, ctx.input);
        const name = validateDnsLabel(input.name, 'name');
        const ref = validateEntityRef(input.entityRef, 'entityRef');
        if (!name.ok || !ref.ok) {
          throw problemsError('', [
            ...(name.ok ? [] : name.problems),
            ...(ref.ok ? [] : ref.problems),
          ]);
        }
        const entityRef = ref.value;
        const credentials = await ctx.getInitiatorCredentials();
        if (await entityExists(options.eciImageCache, entityRef, credentials)) {
          await requireEntityPermission({
            permissions: options.permissions,
            credentials,
            entityRef,
            permission: eciImageCacheCreatePermission,
            doing: 'publish files for',
          });
        }
        const sourcePath = input.sourcePath ?? '.';
        const sourceDirectory = resolveInsideDirectory(
          ctx.workspacePath,
          sourcePath,
          'sourcePath',
        );
        const stat = await fs.stat(sourceDirectory).catch(() => undefined);
        if (!stat?.isDirectory()) {
          throw new InputError(
            `Invalid input: \`sourcePath\`: "${sourcePath}" is not a directory of the workspace`,
          );
        }
        const { files, skipped } = await listRegularFiles(sourceDirectory);
        for (const file of skipped) {
          ctx.logger.warn(
            `Not published: ${file} is not a regular file (symlinks are never followed)`,
          );
        }
        const target = resolveInsideDirectory(publishRoot, name.value, 'name');
        await checkPublishTarget({
          target,
          name: name.value,
          taskId: ctx.task.id,
          entityRef,
          overwrite: input.overwrite ?? false,
        });

        if (ctx.isDryRun) {
          ctx.logger.info(
            `Dry run: would publish ${files.length} files of ${entityRef} to "${name.value}" under the publish root`,
          );
        } else {
          await fs.mkdir(publishRoot, { recursive: true });
          await publishDirectory({
            sourceDirectory,
            files,
            target,
            taskId: ctx.task.id,
            entityRef,
          });
          ctx.logger.info(
            `Published ${files.length} files of ${entityRef} to "${name.value}" under the publish root`,
          );
        }
        // Relative to the publish root: outputs and logs show no server path.
        ctx.output('path', name.value);
        ctx.output('files', files);
        ctx.output(
          'catalogInfoPath',
          files.includes('catalog-info.yaml')
            ? `${name.value}/catalog-info.yaml`
            : '',
        );
      });
    },
  });
}
