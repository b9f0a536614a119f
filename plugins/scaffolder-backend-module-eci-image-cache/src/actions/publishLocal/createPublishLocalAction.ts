import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { validateDnsLabel } from '@eci-portal/plugin-eci-image-cache-common';
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

/**
 * `eci:publish:local`: publishes workspace files into a sub-directory of one configured local
 * directory, for portals without a git host (the demo catalog can read it as a file location).
 *
 * @public
 */
export function createPublishLocalAction(options: {
  /** Absolute directory to publish into; nothing is written outside it. */
  publishRoot: string;
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
      const input = parseInputWithoutNulls(inputSchema, ctx.input);
      const name = validateDnsLabel(input.name, 'name');
      if (!name.ok) {
        throw problemsError('', name.problems);
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
      await checkPublishTarget(target, ctx.task.id, input.overwrite ?? false);

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would publish ${files.length} files to ${target}`,
        );
      } else {
        await fs.mkdir(publishRoot, { recursive: true });
        await publishDirectory({
          sourceDirectory,
          files,
          target,
          taskId: ctx.task.id,
        });
        ctx.logger.info(`Published ${files.length} files to ${target}`);
      }
      ctx.output('path', target);
      ctx.output('files', files);
      ctx.output(
        'catalogInfoPath',
        files.includes('catalog-info.yaml')
          ? path.join(target, 'catalog-info.yaml')
          : '',
      );
    },
  });
}
