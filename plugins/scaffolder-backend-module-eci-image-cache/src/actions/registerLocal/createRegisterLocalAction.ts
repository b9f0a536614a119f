import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { validateEntityRef } from '@eci-portal/plugin-eci-image-cache-common';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseInputWithoutNulls } from '../../validation/parseInput';
import { problemsError } from '../../validation/problemsError';
import { zodObject } from '../../validation/zodObject';
import { resolveInsideDirectory } from '../../workspace/safeWorkspacePath';
import { coveringLocations } from './coveringLocations';
import { registerLocalExamples } from './registerLocalExamples';
import {
  DEFAULT_REGISTER_TIMEOUT_SECONDS,
  registerLocalInput,
  registerLocalOutput,
} from './registerLocalSchema';

const inputSchema = zodObject(registerLocalInput);

/** How often the catalog is asked whether it lists the entity yet. */
const POLL_INTERVAL_MS = 500;

/**
 * `eci:catalog:register-local`: makes the catalog read a catalog-info.yaml that
 * `eci:publish:local` published, by refreshing the `file` locations of `catalog.locations` that
 * cover it, and waits until the catalog lists its entity, so that the task's links work at once.
 *
 * @public
 */
export function createRegisterLocalAction(options: {
  /** Absolute directory eci:publish:local publishes into. */
  publishRoot: string;
  /** Called with the initiator's credentials. */
  catalog: CatalogService;
  /**
   * The Location entities of `catalog.locations` (see `configLocations`), refreshed even before
   * the catalog lists them.
   */
  configLocations?: Entity[];
  /** Time between two questions to the catalog (tests make it short). */
  pollIntervalMs?: number;
}) {
  const pollIntervalMs = options.pollIntervalMs ?? POLL_INTERVAL_MS;
  return createTemplateAction({
    id: 'eci:catalog:register-local',
    description:
      'Registers a catalog-info.yaml published by eci:publish:local: refreshes the catalog file locations that cover it and waits until the catalog lists its entity.',
    examples: registerLocalExamples,
    supportsDryRun: true,
    schema: { input: registerLocalInput, output: registerLocalOutput },
    async handler(ctx) {
      const input = parseInputWithoutNulls(inputSchema, ctx.input);
      const ref = validateEntityRef(input.entityRef, 'entityRef');
      if (!ref.ok) {
        throw problemsError('', ref.problems);
      }
      const file = resolveInsideDirectory(
        options.publishRoot,
        input.catalogInfoPath,
        'catalogInfoPath',
      );
      const credentials = await ctx.getInitiatorCredentials();
      const { items } = await options.catalog.getEntities(
        { filter: { kind: 'Location', 'spec.type': 'file' } },
        { credentials },
      );
      const locations = coveringLocations(
        [...items, ...(options.configLocations ?? [])],
        file,
      );
      if (locations.length === 0) {
        throw new InputError(
          `No catalog location reads "${input.catalogInfoPath}": add a file location for <publishRoot>/*/catalog-info.yaml to catalog.locations in app-config.yaml.`,
        );
      }
      ctx.output('locations', locations);
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would refresh ${locations.join(', ')} and wait for ${
            ref.value
          }`,
        );
        ctx.output('entityRef', ref.value);
        return;
      }
      for (const location of locations) {
        await options.catalog.refreshEntity(location, { credentials });
      }
      const timeoutMs =
        (input.timeoutSeconds ?? DEFAULT_REGISTER_TIMEOUT_SECONDS) * 1000;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const entity = await options.catalog.getEntityByRef(ref.value, {
          credentials,
        });
        if (entity) {
          ctx.logger.info(`${ref.value} is in the catalog`);
          ctx.output('entityRef', ref.value);
          return;
        }
        if (Date.now() >= deadline || ctx.signal?.aborted) {
          throw new InputError(
            `The catalog did not list ${ref.value} within ${
              timeoutMs / 1000
            } s after reading "${
              input.catalogInfoPath
            }"; its processing errors are in the backend log.`,
          );
        }
        await sleep(pollIntervalMs);
      }
    },
  });
}
